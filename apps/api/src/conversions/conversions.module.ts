import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ClicksModule } from '../clicks/clicks.module';
import { DeliveryModule } from '../delivery/delivery.module';
import { GoalsModule } from '../goals/goals.module';
import { IngestKeysModule } from '../ingest-keys/ingest-keys.module';
import { SettingsModule } from '../settings/settings.module';
import { BrowserGoalsController } from './browser-goals.controller';
import { ConversionsIngestController } from './conversions-ingest.controller';
import { ConversionsRepository } from './conversions.repository';
import { ConversionsService } from './conversions.service';
import { DropInController } from './drop-in.controller';
import { TraceOnlyAccess } from './trace-only-access';

/** Goals recorded from merchants' servers, the drop-in Aflite URL and browsers; each written once with its outbox row. */
@Module({
  imports: [AuthModule, ClicksModule, DeliveryModule, GoalsModule, IngestKeysModule, SettingsModule],
  controllers: [ConversionsIngestController, DropInController, BrowserGoalsController],
  providers: [ConversionsRepository, ConversionsService, TraceOnlyAccess],
  exports: [ConversionsRepository, ConversionsService],
})
export class ConversionsModule {}
