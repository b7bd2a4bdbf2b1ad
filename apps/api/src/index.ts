/** What other packages of the workspace (the demo, the end-to-end tests) build on. */
export { createApp } from './create-app';
export { loadConfig, type AppConfig } from './config/app-config';
export { GoalsService } from './goals/goals.service';
export { IngestKeysService } from './ingest-keys/ingest-keys.service';
export { applyEnvironmentSettings } from './settings/apply-environment-settings';
