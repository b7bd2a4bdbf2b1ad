import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * What the first-run setup leaves for the merchant tests: the admin's signed-in browser state and the
 * ingest key the merchant's server uses. Each run starts Goalpost on a fresh database, so both are remade.
 */
const AUTH_DIR = join(__dirname, '..', '.auth');
export const ADMIN_STORAGE_STATE = join(AUTH_DIR, 'admin.json');
const RUN_STATE_FILE = join(AUTH_DIR, 'run.json');

export const ADMIN = { email: 'owner@shop.example', password: 'e2e-correct-horse-battery' } as const;

interface RunState {
  ingestKey: string;
}

export function saveIngestKey(ingestKey: string): void {
  mkdirSync(dirname(RUN_STATE_FILE), { recursive: true });
  writeFileSync(RUN_STATE_FILE, JSON.stringify({ ingestKey } satisfies RunState, null, 2));
}

export function readIngestKey(): string {
  const state = JSON.parse(readFileSync(RUN_STATE_FILE, 'utf8')) as RunState;
  if (!state.ingestKey) throw new Error(`${RUN_STATE_FILE} has no ingest key: run the setup project first`);
  return state.ingestKey;
}
