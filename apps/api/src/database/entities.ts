import { ClickEntity } from '../clicks/click.entity';
import { ConversionEntity } from '../conversions/conversion.entity';
import { DeliveryAttemptEntity } from '../delivery/delivery-attempt.entity';
import { DeliveryEntity } from '../delivery/delivery.entity';
import { GoalEntity } from '../goals/goal.entity';
import { IngestKeyEntity } from '../ingest-keys/ingest-key.entity';
import { SettingEntity } from '../settings/setting.entity';

/** Every entity, in one list for the data source. */
export const ENTITIES = [
  ClickEntity,
  GoalEntity,
  ConversionEntity,
  DeliveryEntity,
  DeliveryAttemptEntity,
  IngestKeyEntity,
  SettingEntity,
];
