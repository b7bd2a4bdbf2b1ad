import { DomainError, DomainErrorCode } from './domain-error';

/** Seconds a request refused during a stop is told to wait: enough for a restart, or for another instance to take it. */
export const SHUTDOWN_RETRY_AFTER_S = 5;

export const SHUTTING_DOWN_MESSAGE = 'Goalpost is stopping; nothing was recorded. Retry shortly.';

/**
 * The instance is stopping and takes no new work: answered 503 with Retry-After, like an unavailable
 * database, so the caller retries (here after a restart, or on another instance).
 */
export class ShuttingDownError extends DomainError {
  constructor(message = SHUTTING_DOWN_MESSAGE) {
    super(DomainErrorCode.ShuttingDown, message);
    this.name = 'ShuttingDownError';
  }
}
