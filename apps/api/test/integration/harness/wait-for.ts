import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `check` until it returns without throwing (assertions inside it are the condition) and
 * returns its value; on timeout, throws the last failure so the test says what never became true.
 */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await sleep(intervalMs);
  }
  const detail = lastError instanceof Error ? lastError.message : String(lastError);
  const error = new Error(`waitFor: still failing after ${timeoutMs} ms: ${detail}`);
  if (lastError instanceof Error) error.cause = lastError;
  throw error;
}

export { sleep };
