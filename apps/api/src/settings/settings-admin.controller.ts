import { Body, Get, Patch, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SettingsResponse } from '@goalpost/contracts';
import type { FastifyRequest } from 'fastify';
import type { AdminPrincipal } from '../auth/admin-principal';
import { CurrentAdmin } from '../auth/current-admin.decorator';
import { SettingsUpdateDto } from './dto/settings-update.dto';
import { SettingsAdminService } from './settings-admin.service';
import { AdminController } from '../auth/admin-controller.decorator';

@ApiTags('Admin: settings')
@AdminController('settings')
export class SettingsAdminController {
  constructor(private readonly settings: SettingsAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Current settings; the Aflite API key only as "set" and its last 4 characters' })
  get(@Req() request: FastifyRequest): Promise<SettingsResponse> {
    return this.settings.get(origin(request));
  }

  @Patch()
  @ApiHeader({ name: 'x-csrf-token', required: true })
  @ApiOperation({ summary: 'Change any subset of the settings' })
  update(@Body() dto: SettingsUpdateDto, @CurrentAdmin() admin: AdminPrincipal, @Req() request: FastifyRequest): Promise<SettingsResponse> {
    return this.settings.update(dto, admin.email, origin(request));
  }
}

function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
