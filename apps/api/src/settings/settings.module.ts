import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SettingsAdminController } from './settings-admin.controller';
import { SettingsAdminService } from './settings-admin.service';
import { SettingsRepository } from './settings.repository';
import { SettingsService } from './settings.service';

@Module({
  imports: [AuditModule],
  controllers: [SettingsAdminController],
  providers: [SettingsRepository, SettingsService, SettingsAdminService],
  exports: [SettingsService],
})
export class SettingsModule {}
