import { Body, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CreatedIngestKeyResponse, IngestKeyResponse } from '@goalpost/contracts';
import type { AdminPrincipal } from '../auth/admin-principal';
import { CurrentAdmin } from '../auth/current-admin.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { CreateIngestKeyDto } from './dto/create-ingest-key.dto';
import { IngestKeysAdminService } from './ingest-keys-admin.service';
import { AdminController } from '../auth/admin-controller.decorator';

@ApiTags('Admin: ingest keys')
@AdminController('ingest-keys')
export class IngestKeysAdminController {
  constructor(private readonly keys: IngestKeysAdminService) {}

  @Get()
  @ApiOperation({ summary: 'Every ingest key (prefix only), newest first' })
  list(): Promise<IngestKeyResponse[]> {
    return this.keys.list();
  }

  @Post()
  @ApiHeader({ name: 'x-csrf-token', required: true })
  @ApiOperation({ summary: 'Create a key; the answer is the only time the full key is shown' })
  create(@Body() dto: CreateIngestKeyDto, @CurrentAdmin() admin: AdminPrincipal): Promise<CreatedIngestKeyResponse> {
    return this.keys.create(dto.name, admin.email);
  }

  @Delete(':id')
  @ApiHeader({ name: 'x-csrf-token', required: true })
  @ApiOperation({ summary: 'Revoke a key (other instances stop accepting it within 30 seconds)' })
  revoke(@Param() params: IdParamDto, @CurrentAdmin() admin: AdminPrincipal): Promise<IngestKeyResponse> {
    return this.keys.revoke(params.id, admin.email);
  }
}
