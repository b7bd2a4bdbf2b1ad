import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { ClicksModule } from '../../clicks/clicks.module';
import { GoalsModule } from '../../goals/goals.module';
import { SettingsModule } from '../../settings/settings.module';
import { DeliveryModule } from '../delivery.module';
import { DeliveriesAdminController } from './deliveries-admin.controller';
import { DeliveryHistoryService } from './delivery-history.service';
import { DeliverySearchRepository } from './delivery-search.repository';

/** The dashboard's delivery history: filters, count, detail with every attempt, why a delivery is held, CSV export, re-send of one or the selected. */
@Module({
  imports: [AuditModule, ClicksModule, DeliveryModule, GoalsModule, SettingsModule],
  controllers: [DeliveriesAdminController],
  providers: [DeliverySearchRepository, DeliveryHistoryService],
  exports: [DeliverySearchRepository, DeliveryHistoryService],
})
export class DeliveryHistoryModule {}
