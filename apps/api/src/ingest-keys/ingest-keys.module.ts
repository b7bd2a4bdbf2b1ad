import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IngestKeyGuard } from './ingest-key.guard';
import { IngestKeysAdminController } from './ingest-keys-admin.controller';
import { IngestKeysAdminService } from './ingest-keys-admin.service';
import { IngestKeysRepository } from './ingest-keys.repository';
import { IngestKeysService } from './ingest-keys.service';

@Module({
  imports: [AuditModule],
  controllers: [IngestKeysAdminController],
  providers: [IngestKeysRepository, IngestKeysService, IngestKeyGuard, IngestKeysAdminService],
  exports: [IngestKeysService, IngestKeyGuard],
})
export class IngestKeysModule {}
