import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { ClicksModule } from '../../clicks/clicks.module';
import { ConversionsModule } from '../../conversions/conversions.module';
import { DeliveryModule } from '../../delivery/delivery.module';
import { GoalsModule } from '../../goals/goals.module';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesService } from './deliveries.service';
import { DeliverySearchRepository } from './delivery-search.repository';
import { ResendJobRunner } from './resend-job-runner';
import { ResendJobsController } from './resend-jobs.controller';
import { ResendJobsService } from './resend-jobs.service';

@Module({
  imports: [AuditModule, ClicksModule, ConversionsModule, DeliveryModule, GoalsModule],
  controllers: [ResendJobsController, DeliveriesController],
  providers: [DeliverySearchRepository, DeliveriesService, ResendJobsService, ResendJobRunner],
  exports: [DeliverySearchRepository],
})
export class AdminDeliveriesModule {}
