import { Logger, type INestApplication } from '@nestjs/common';

/** Time allowed after SHUTDOWN_GRACE_MS for Fastify, the Aflite pool and the database to close. */
export const CLOSE_MARGIN_MS = 5_000;

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * The process side of a stop, for main: the first SIGTERM or SIGINT closes the app gracefully and exits
 * 0 (1 if closing failed, or took longer than the grace period plus CLOSE_MARGIN_MS). A second signal
 * exits at once with code 1: what was in flight is then left as after a crash (leases expire, sends
 * in flight are checked against Aflite before they are sent again).
 *
 * Used instead of Nest's enableShutdownHooks, which re-raises the signal after closing (exit code 143
 * rather than 0), ignores a second signal and has no deadline.
 */
export function exitOnSignals(app: INestApplication, graceMs: number): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting at once without finishing what is in flight`);
      process.exit(1);
    }
    stopping = true;
    logger.log(`${signal}: stopping (within ${graceMs} ms; send it again to exit at once)`);
    const watchdog = setTimeout(() => {
      logger.error(`did not stop within ${graceMs + CLOSE_MARGIN_MS} ms: exiting`);
      process.exit(1);
    }, graceMs + CLOSE_MARGIN_MS);
    watchdog.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
