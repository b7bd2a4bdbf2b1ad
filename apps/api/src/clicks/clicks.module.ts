import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GoalsModule } from '../goals/goals.module';
import { IngestKeysModule } from '../ingest-keys/ingest-keys.module';
import { SettingsModule } from '../settings/settings.module';
import { ClickSearchRepository } from './click-search.repository';
import { ClickEntity } from './click.entity';
import { ClicksAdminController } from './clicks-admin.controller';
import { ClicksAdminService } from './clicks-admin.service';
import { ClicksIngestController } from './clicks-ingest.controller';
import { ClicksPublicController } from './clicks-public.controller';
import { ClicksService } from './clicks.service';

/** Aflite clicks: captured from pages (/t), reported by merchants' servers (/api/v1), browsed in the dashboard. */
@Module({
  imports: [TypeOrmModule.forFeature([ClickEntity]), GoalsModule, IngestKeysModule, SettingsModule],
  controllers: [ClicksPublicController, ClicksIngestController, ClicksAdminController],
  providers: [ClicksService, ClickSearchRepository, ClicksAdminService],
  exports: [ClicksService, ClickSearchRepository],
})
export class ClicksModule {}
