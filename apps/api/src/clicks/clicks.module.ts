import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IngestKeysModule } from '../ingest-keys/ingest-keys.module';
import { ClickEntity } from './click.entity';
import { ClicksApiController } from './clicks-api.controller';
import { ClicksService } from './clicks.service';

@Module({
  imports: [TypeOrmModule.forFeature([ClickEntity]), IngestKeysModule],
  controllers: [ClicksApiController],
  providers: [ClicksService],
  exports: [ClicksService],
})
export class ClicksModule {}
