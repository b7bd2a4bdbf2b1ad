import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { SettingsModule } from '../../settings/settings.module';
import { SettingsAdminController } from './settings-admin.controller';
import { SettingsAdminService } from './settings-admin.service';

@Module({
  imports: [AuditModule, SettingsModule],
  controllers: [SettingsAdminController],
  providers: [SettingsAdminService],
})
export class SettingsAdminModule {}
