import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EpochMsColumn } from '../../database/columns';

/** Clicks from pages of one site that Goalpost's first-party cookie does not reach (see cross-site.ts). */
@Entity('cross_site_clicks')
export class CrossSiteClickEntity {
  @PrimaryColumn({ name: 'page_site', type: 'varchar', length: 253 })
  pageSite: string;

  @Column({ name: 'goalpost_site', type: 'varchar', length: 512 })
  goalpostSite: string;

  @Column({ name: 'last_origin', type: 'varchar', length: 512 })
  lastOrigin: string;

  @Column({ type: 'integer' })
  clicks: number;

  @EpochMsColumn({ name: 'first_seen_at' })
  firstSeenAt: number;

  @EpochMsColumn({ name: 'last_seen_at' })
  lastSeenAt: number;
}
