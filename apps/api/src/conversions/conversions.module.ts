import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClicksModule } from '../clicks/clicks.module';
import { DeliveryModule } from '../delivery/delivery.module';
import { GoalsModule } from '../goals/goals.module';
import { IngestKeysModule } from '../ingest-keys/ingest-keys.module';
import { SettingsModule } from '../settings/settings.module';
import { ConversionEntity } from './conversion.entity';
import { ConversionsApiController } from './conversions-api.controller';
import { ConversionsService } from './conversions.service';
import { DropInController } from './drop-in.controller';

@Module({
  imports: [TypeOrmModule.forFeature([ConversionEntity]), ClicksModule, DeliveryModule, GoalsModule, IngestKeysModule, SettingsModule],
  controllers: [ConversionsApiController, DropInController],
  providers: [ConversionsService],
  exports: [ConversionsService],
})
export class ConversionsModule {}
