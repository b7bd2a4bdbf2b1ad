import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EpochMsColumn } from '../database/columns';

/**
 * One `gp_click` cookie value given to one browser. A click can have many: each browser that reports the
 * same clickSessionID gets a token of its own, so knowing a clickSessionID never hands over another
 * visitor's cookie.
 */
@Entity('click_tokens')
export class ClickTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  token: string;

  @Column({ name: 'click_id', type: 'integer' })
  clickId: number;

  @EpochMsColumn({ name: 'created_at' })
  createdAt: number;
}
