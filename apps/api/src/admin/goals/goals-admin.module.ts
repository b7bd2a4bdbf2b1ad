import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { GoalsModule } from '../../goals/goals.module';
import { GoalsAdminController } from './goals-admin.controller';
import { GoalsAdminService } from './goals-admin.service';

@Module({
  imports: [AuditModule, GoalsModule],
  controllers: [GoalsAdminController],
  providers: [GoalsAdminService],
})
export class GoalsAdminModule {}
