import { Module } from '@nestjs/common';
import { GoalsModule } from '../goals/goals.module';
import { IngestKeysModule } from '../ingest-keys/ingest-keys.module';
import { SettingsModule } from '../settings/settings.module';
import { ClicksAdminController } from './clicks-admin.controller';
import { ClicksAdminService } from './clicks-admin.service';
import { ClicksIngestController } from './clicks-ingest.controller';
import { ClicksPublicController } from './clicks-public.controller';
import { ClicksRepository } from './clicks.repository';
import { ClicksService } from './clicks.service';
import { CrossSiteClicksRepository } from './cross-site/cross-site-clicks.repository';
import { CrossSiteService } from './cross-site/cross-site.service';

/** Aflite clicks: captured from pages (/t), reported by merchants' servers (/api/v1), browsed in the dashboard. */
@Module({
  imports: [GoalsModule, IngestKeysModule, SettingsModule],
  controllers: [ClicksPublicController, ClicksIngestController, ClicksAdminController],
  providers: [ClicksRepository, ClicksService, ClicksAdminService, CrossSiteClicksRepository, CrossSiteService],
  exports: [ClicksRepository, ClicksService, CrossSiteService],
})
export class ClicksModule {}
