import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { GoalEntity } from './goal.entity';
import { GoalsAdminController } from './goals-admin.controller';
import { GoalsAdminService } from './goals-admin.service';
import { GoalsService } from './goals.service';

@Module({
  imports: [TypeOrmModule.forFeature([GoalEntity]), AuditModule],
  controllers: [GoalsAdminController],
  providers: [GoalsService, GoalsAdminService],
  exports: [GoalsService],
})
export class GoalsModule {}
