import { Module } from '@nestjs/common';
import { ClicksModule } from '../../clicks/clicks.module';
import { ConversionsModule } from '../../conversions/conversions.module';
import { DeliveryHistoryModule } from '../../delivery/history/delivery-history.module';
import { GoalsModule } from '../../goals/goals.module';
import { HealthModule } from '../../health/health.module';
import { SettingsModule } from '../../settings/settings.module';
import { SaleTraceController } from './sale-trace.controller';
import { SaleTraceService } from './sale-trace.service';

@Module({
  imports: [ClicksModule, ConversionsModule, DeliveryHistoryModule, GoalsModule, HealthModule, SettingsModule],
  controllers: [SaleTraceController],
  providers: [SaleTraceService],
})
export class SaleTraceModule {}
