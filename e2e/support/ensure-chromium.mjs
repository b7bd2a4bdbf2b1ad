// Makes sure the browser the end-to-end tests drive is here before `npm test` spends minutes building.
// Order: CHROMIUM_PATH, then Debian's /usr/bin/chromium; when neither exists and this runs as root on a
// machine with apt-get, Debian's package is installed; otherwise one line says what to do.
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

function fail(message) {
  console.error(`npm test: ${message}`);
  process.exit(1);
}

const wanted = process.env.CHROMIUM_PATH;
if (wanted) {
  if (!executable(wanted))
    fail(`CHROMIUM_PATH=${wanted} is not an executable file; point it at a Chromium or Chrome binary, or unset it to use ${DEFAULT_CHROMIUM}.`);
} else if (!executable(DEFAULT_CHROMIUM)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!root || !apt) {
    fail(
      `the browser tests need Chromium at ${DEFAULT_CHROMIUM}: install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  console.log(`npm test: installing Debian's Chromium for the browser tests (apt-get install chromium)…`);
  if (!run('apt-get', ['update', '-qq']) || !run('apt-get', ['install', '-y', '-qq', 'chromium']) || !executable(DEFAULT_CHROMIUM)) {
    fail(`could not install Chromium with apt-get; install it yourself (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
}
