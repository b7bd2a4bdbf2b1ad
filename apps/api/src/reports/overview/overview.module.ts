import { Module } from '@nestjs/common';
import { HealthModule } from '../../health/health.module';
import { OverviewController } from './overview.controller';
import { OverviewService } from './overview.service';

@Module({
  imports: [HealthModule],
  controllers: [OverviewController],
  providers: [OverviewService],
})
export class OverviewModule {}
