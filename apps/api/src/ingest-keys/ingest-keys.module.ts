import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IngestKeyEntity } from './ingest-key.entity';
import { IngestKeyGuard } from './ingest-key.guard';
import { IngestKeysService } from './ingest-keys.service';

@Module({
  imports: [TypeOrmModule.forFeature([IngestKeyEntity])],
  providers: [IngestKeysService, IngestKeyGuard],
  exports: [IngestKeysService, IngestKeyGuard],
})
export class IngestKeysModule {}
