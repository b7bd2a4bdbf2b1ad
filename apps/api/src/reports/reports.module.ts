import { Module } from '@nestjs/common';
import { OverviewModule } from './overview/overview.module';
import { SaleTraceModule } from './sale-trace/sale-trace.module';
import { TestTrackingModule } from './test-tracking/test-tracking.module';

/** The dashboard's composite read models, each drawing on several features. */
@Module({ imports: [OverviewModule, SaleTraceModule, TestTrackingModule] })
export class ReportsModule {}
