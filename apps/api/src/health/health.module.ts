import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery/delivery.module';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({
  imports: [DeliveryModule],
  controllers: [HealthController],
  providers: [HealthService],
  exports: [HealthService],
})
export class HealthModule {}
