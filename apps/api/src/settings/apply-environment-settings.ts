import type { INestApplicationContext } from '@nestjs/common';
import { SettingsService } from './settings.service';

/**
 * Writes the settings the environment sets into the stored ones, auditing each change. Main and the demo
 * call it once `listen` has succeeded: an instance that fails to start leaves the shared settings alone.
 */
export function applyEnvironmentSettings(app: INestApplicationContext): Promise<void> {
  return app.get(SettingsService).applyEnvironment();
}
