import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { GoalsAdminController } from './goals-admin.controller';
import { GoalsAdminService } from './goals-admin.service';
import { GoalsRepository } from './goals.repository';
import { GoalsService } from './goals.service';

@Module({
  imports: [AuditModule],
  controllers: [GoalsAdminController],
  providers: [GoalsRepository, GoalsService, GoalsAdminService],
  exports: [GoalsService],
})
export class GoalsModule {}
