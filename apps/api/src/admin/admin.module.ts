import { Module } from '@nestjs/common';
import { ClicksAdminModule } from './clicks/clicks-admin.module';
import { AdminDeliveriesModule } from './deliveries/deliveries.module';
import { GoalsAdminModule } from './goals/goals-admin.module';
import { IngestKeysAdminModule } from './ingest-keys/ingest-keys-admin.module';
import { OverviewModule } from './overview/overview.module';
import { SettingsAdminModule } from './settings/settings-admin.module';
import { TestTrackingModule } from './test-tracking/test-tracking.module';
import { SaleTraceModule } from './trace/sale-trace.module';

/** The dashboard's API under /api/admin; AdminSessionGuard (AuthModule) protects every route in it. */
@Module({
  imports: [
    OverviewModule,
    AdminDeliveriesModule,
    ClicksAdminModule,
    GoalsAdminModule,
    SettingsAdminModule,
    IngestKeysAdminModule,
    TestTrackingModule,
    SaleTraceModule,
  ],
})
export class AdminModule {}
