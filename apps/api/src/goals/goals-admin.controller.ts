import { Body, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { GoalResponse } from '@goalpost/contracts';
import type { AdminPrincipal } from '../auth/admin-principal';
import { CurrentAdmin } from '../auth/current-admin.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { CreateGoalDto, UpdateGoalDto } from './dto/goal.dto';
import { GoalsAdminService } from './goals-admin.service';
import { AdminController } from '../auth/admin-controller.decorator';

@ApiTags('Admin: goals')
@AdminController('goals')
export class GoalsAdminController {
  constructor(private readonly goals: GoalsAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Every goal, by name' })
  list(): Promise<GoalResponse[]> {
    return this.goals.list();
  }

  @Post()
  @ApiHeader({ name: 'x-csrf-token', required: true })
  @ApiOperation({ summary: 'Set up a goal (409 when its Aflite goal ID exists)' })
  create(@Body() dto: CreateGoalDto, @CurrentAdmin() admin: AdminPrincipal): Promise<GoalResponse> {
    return this.goals.create(dto, admin.email);
  }

  @Patch(':id')
  @ApiHeader({ name: 'x-csrf-token', required: true })
  @ApiOperation({ summary: 'Edit a goal; enabled: false disables it' })
  update(@Param() params: IdParamDto, @Body() dto: UpdateGoalDto, @CurrentAdmin() admin: AdminPrincipal): Promise<GoalResponse> {
    return this.goals.update(params.id, dto, admin.email);
  }
}
