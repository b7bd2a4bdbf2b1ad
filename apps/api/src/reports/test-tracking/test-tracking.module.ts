import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { ClicksModule } from '../../clicks/clicks.module';
import { ConversionsModule } from '../../conversions/conversions.module';
import { DeliveryModule } from '../../delivery/delivery.module';
import { TestTrackingController } from './test-tracking.controller';
import { TestTrackingService } from './test-tracking.service';

@Module({
  imports: [AuditModule, ClicksModule, ConversionsModule, DeliveryModule],
  controllers: [TestTrackingController],
  providers: [TestTrackingService],
})
export class TestTrackingModule {}
