// Starts Goalpost for the end-to-end run on a fresh SQLite database, pointed at nothing yet:
// the tests configure Aflite through the dashboard, as a merchant would. One setting comes from the
// environment (the attribution window), to show how the dashboard presents such a setting.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'goalpost-e2e-'));
const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: process.env.E2E_API_PORT ?? '3610',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DELIVERY_POLL_MS: '200',
    DELIVERY_TIMEOUT_MS: '2000',
    DELIVERY_LEASE_MS: '14000',
    CIRCUIT_FAILURE_THRESHOLD: '1000',
    ATTRIBUTION_WINDOW_DAYS: '45',
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
