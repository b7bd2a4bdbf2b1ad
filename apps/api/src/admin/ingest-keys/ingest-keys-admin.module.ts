import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { IngestKeysModule } from '../../ingest-keys/ingest-keys.module';
import { IngestKeysAdminController } from './ingest-keys-admin.controller';
import { IngestKeysAdminService } from './ingest-keys-admin.service';

@Module({
  imports: [AuditModule, IngestKeysModule],
  controllers: [IngestKeysAdminController],
  providers: [IngestKeysAdminService],
})
export class IngestKeysAdminModule {}
