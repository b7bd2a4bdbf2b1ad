import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The workspace root, from apps/api/test/integration/harness. */
export const REPO_ROOT = resolve(__dirname, '../../../../..');

export const API_MAIN = join(REPO_ROOT, 'apps/api/dist/main.js');
export const API_CLI = join(REPO_ROOT, 'apps/api/dist/cli.js');
export const SANDBOX_MAIN = join(REPO_ROOT, 'apps/sandbox/dist/main.js');

const REQUIRED = [API_MAIN, API_CLI, SANDBOX_MAIN, ...['aflite', 'contracts', 'tracker'].map((lib) => join(REPO_ROOT, 'libs', lib, 'dist/index.js'))];

/** The suite runs the built processes, never the sources: say how to build when something is missing. */
export function assertBuilt(): void {
  const missing = REQUIRED.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `Integration tests need the built api, sandbox and libs; missing:\n  ${missing.join('\n  ')}\n` +
        'Build first: npx nx run-many -t build -p @goalpost/api @goalpost/sandbox',
    );
  }
}
