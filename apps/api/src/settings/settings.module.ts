import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { SettingEntity } from './setting.entity';
import { SettingsAdminController } from './settings-admin.controller';
import { SettingsAdminService } from './settings-admin.service';
import { SettingsService } from './settings.service';

@Module({
  imports: [TypeOrmModule.forFeature([SettingEntity]), AuditModule],
  controllers: [SettingsAdminController],
  providers: [SettingsService, SettingsAdminService],
  exports: [SettingsService],
})
export class SettingsModule {}
