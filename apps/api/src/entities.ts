import { ResendJobItemEntity } from './delivery/resend-jobs/resend-job-item.entity';
import { ResendJobEntity } from './delivery/resend-jobs/resend-job.entity';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { AdminSessionEntity } from './auth/admin-session.entity';
import { AdminUserEntity } from './auth/admin-user.entity';
import { SignInFailureEntity } from './auth/sign-in-failure.entity';
import { ClickEntity } from './clicks/click.entity';
import { ClickTokenEntity } from './clicks/click-token.entity';
import { CrossSiteClickEntity } from './clicks/cross-site/cross-site-click.entity';
import { ConversionEntity } from './conversions/conversion.entity';
import { DeliveryAttemptEntity } from './delivery/delivery-attempt.entity';
import { DeliveryEntity } from './delivery/delivery.entity';
import { GoalEntity } from './goals/goal.entity';
import { IngestKeyEntity } from './ingest-keys/ingest-key.entity';
import { WriteProbeEntity } from './database/write-probe.entity';
import { SettingEntity } from './settings/setting.entity';

/** Every entity, in one list for the data source. */
export const ENTITIES = [
  ClickEntity,
  ClickTokenEntity,
  CrossSiteClickEntity,
  GoalEntity,
  ConversionEntity,
  DeliveryEntity,
  DeliveryAttemptEntity,
  IngestKeyEntity,
  SettingEntity,
  AdminUserEntity,
  AdminSessionEntity,
  SignInFailureEntity,
  AuditEntryEntity,
  ResendJobEntity,
  ResendJobItemEntity,
  WriteProbeEntity,
];
