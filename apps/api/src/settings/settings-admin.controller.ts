import { Body, Get, Patch, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'Change any subset of the settings; a 400 lists every field at fault, environment-managed ones included' })
  @ApiBody({ type: SettingsUpdateDto })
  // Typed `unknown` so the global pipe leaves it alone: the service validates the whole change at once.
  update(@Body() body: unknown, @CurrentAdmin() admin: AdminPrincipal, @Req() request: FastifyRequest): Promise<SettingsResponse> {
    return this.settings.update(body, admin.email, origin(request));
  }
}

function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
