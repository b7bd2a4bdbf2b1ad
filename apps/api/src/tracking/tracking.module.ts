import { Module } from '@nestjs/common';
import { ClicksModule } from '../clicks/clicks.module';
import { ConversionsModule } from '../conversions/conversions.module';
import { GoalsModule } from '../goals/goals.module';
import { SettingsModule } from '../settings/settings.module';
import { TrackingController } from './tracking.controller';

@Module({
  imports: [ClicksModule, ConversionsModule, GoalsModule, SettingsModule],
  controllers: [TrackingController],
})
export class TrackingModule {}
