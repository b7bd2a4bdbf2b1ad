import { Logger } from '@nestjs/common';
import { loadConfig, type AppConfig } from './config/app-config';
import { sqliteStorageProblem } from './config/data-dir';
import { createApp } from './create-app';
import { exitOnSignals } from './lifecycle/exit-on-signals';
import { applyEnvironmentSettings } from './settings/apply-environment-settings';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const storage = sqliteStorageProblem(config.database);
  if (storage) {
    console.error(storage);
    process.exit(1);
  }
  const app = await createApp(config);
  exitOnSignals(app, config.shutdownGraceMs);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    console.error(`Goalpost cannot listen on ${config.host}:${config.port}: ${error instanceof Error ? error.message : String(error)}`);
    await app.close();
    process.exit(1);
  }
  await applyEnvironmentSettings(app);
  const where = config.publicUrl ?? `http://localhost:${config.port}`;
  new Logger('Goalpost').log(`Goalpost listening on ${where} (${config.database.dialect})`);
}

void main();
