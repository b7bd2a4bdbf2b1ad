import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { IngestKeyEntity } from './ingest-key.entity';
import { IngestKeyGuard } from './ingest-key.guard';
import { IngestKeysAdminController } from './ingest-keys-admin.controller';
import { IngestKeysAdminService } from './ingest-keys-admin.service';
import { IngestKeysService } from './ingest-keys.service';

@Module({
  imports: [TypeOrmModule.forFeature([IngestKeyEntity]), AuditModule],
  controllers: [IngestKeysAdminController],
  providers: [IngestKeysService, IngestKeyGuard, IngestKeysAdminService],
  exports: [IngestKeysService, IngestKeyGuard],
})
export class IngestKeysModule {}
