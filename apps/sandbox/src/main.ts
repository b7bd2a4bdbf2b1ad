import { DEFAULT_HOST, DEFAULT_PORT, startSandbox } from './server';

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new Error(`SANDBOX_PORT must be an integer from 0 to 65535, got "${raw}"`);
  return port;
}

async function main(): Promise<void> {
  const env = process.env;
  const merchantId = env.SANDBOX_MID || '1001';
  const sandbox = await startSandbox({
    apiKey: env.SANDBOX_API_KEY || 'sandbox-key',
    merchantId,
    port: readPort(env.SANDBOX_PORT),
    host: env.SANDBOX_HOST || DEFAULT_HOST,
  });
  console.log(`Aflite sandbox listening on ${sandbox.url} (mid ${merchantId})`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('sandbox: error while closing', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(`sandbox: failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
