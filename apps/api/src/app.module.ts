import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ClicksModule } from './clicks/clicks.module';
import { DomainExceptionFilter } from './common/errors/domain-exception.filter';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { ConversionsModule } from './conversions/conversions.module';
import { DatabaseModule } from './database/database.module';
import { DeliveryModule } from './delivery/delivery.module';
import { DeliveryHistoryModule } from './delivery/history/delivery-history.module';
import { ResendJobsModule } from './delivery/resend-jobs/resend-jobs.module';
import { ENTITIES } from './entities';
import { GoalsModule } from './goals/goals.module';
import { HealthModule } from './health/health.module';
import { IngestKeysModule } from './ingest-keys/ingest-keys.module';
import { RequestGate } from './lifecycle/request-gate';
import { ShutdownService } from './lifecycle/shutdown.service';
import { MetricsModule } from './metrics/metrics.module';
import { ReportsModule } from './reports/reports.module';
import { SettingsModule } from './settings/settings.module';
import { WebModule } from './web/web.module';

export interface AppOptions {
  /** The built dashboard to serve; by default apps/web/dist when it exists. null serves none. */
  dashboardRoot?: string | null;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config.database, ENTITIES),
        MetricsModule,
        SettingsModule,
        IngestKeysModule,
        GoalsModule,
        ClicksModule,
        DeliveryModule,
        DeliveryHistoryModule,
        ResendJobsModule,
        ConversionsModule,
        HealthModule,
        AuditModule,
        AuthModule,
        ReportsModule,
        WebModule.forRoot(options.dashboardRoot),
      ],
      // The shutdown lives in the root module: Nest runs its onModuleDestroy before any imported module's.
      providers: [{ provide: APP_FILTER, useClass: DomainExceptionFilter }, RequestGate, ShutdownService],
    };
  }
}
