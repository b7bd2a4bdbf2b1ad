import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditListResponse } from '@goalpost/contracts';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AdminController } from '../auth/admin-controller.decorator';

@ApiTags('Admin: audit')
@AdminController('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Audit log, newest first (keyset pagination)' })
  list(@Query() query: AuditQueryDto): Promise<AuditListResponse> {
    return this.audit.list(query.cursor, query.limit ?? 50);
  }
}
