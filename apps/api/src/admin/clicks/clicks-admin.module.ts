import { Module } from '@nestjs/common';
import { ClicksModule } from '../../clicks/clicks.module';
import { ConversionsModule } from '../../conversions/conversions.module';
import { GoalsModule } from '../../goals/goals.module';
import { ClickSearchRepository } from './click-search.repository';
import { ClicksAdminController } from './clicks-admin.controller';
import { ClicksAdminService } from './clicks-admin.service';

@Module({
  imports: [ClicksModule, ConversionsModule, GoalsModule],
  controllers: [ClicksAdminController],
  providers: [ClickSearchRepository, ClicksAdminService],
  exports: [ClickSearchRepository],
})
export class ClicksAdminModule {}
