import { Module } from '@nestjs/common';
import { ClicksModule } from '../clicks/clicks.module';
import { DeliveryModule } from '../delivery/delivery.module';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';
import { HealthService } from './health.service';

@Module({
  imports: [ClicksModule, DeliveryModule],
  controllers: [HealthController],
  providers: [HealthRepository, HealthService],
  exports: [HealthService],
})
export class HealthModule {}
