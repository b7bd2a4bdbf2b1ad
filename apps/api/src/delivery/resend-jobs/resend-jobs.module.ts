import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { DeliveryModule } from '../delivery.module';
import { DeliveryHistoryModule } from '../history/delivery-history.module';
import { ResendJobRunner } from './resend-job-runner';
import { ResendJobsController } from './resend-jobs.controller';
import { ResendJobsRepository } from './resend-jobs.repository';
import { ResendJobsService } from './resend-jobs.service';

/** "Re-send all matching a filter": a snapshot of the matching conversions worked through in the background. */
@Module({
  imports: [AuditModule, DeliveryModule, DeliveryHistoryModule],
  controllers: [ResendJobsController],
  providers: [ResendJobsRepository, ResendJobsService, ResendJobRunner],
})
export class ResendJobsModule {}
