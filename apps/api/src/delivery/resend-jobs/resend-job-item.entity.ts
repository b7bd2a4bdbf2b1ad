import { Entity, PrimaryColumn } from 'typeorm';

/** One conversion a resend job covers. */
@Entity('resend_job_items')
export class ResendJobItemEntity {
  @PrimaryColumn({ name: 'job_id', type: 'integer' })
  jobId: number;

  @PrimaryColumn({ name: 'conversion_id', type: 'integer' })
  conversionId: number;
}
