/** Every domain error code, mapped to an HTTP status in one place (DomainExceptionFilter). */
export enum DomainErrorCode {
  UnknownGoal = 'unknown_goal',
  GoalDisabled = 'goal_disabled',
  BrowserGoalNotAllowed = 'browser_goal_not_allowed',
  InvalidValue = 'invalid_value',
  UnknownClick = 'unknown_click',
  OriginNotAllowed = 'origin_not_allowed',
  RedirectNotAllowed = 'redirect_not_allowed',
  MissingIngestKey = 'missing_ingest_key',
  InvalidIngestKey = 'invalid_ingest_key',
  AfliteNotConfigured = 'aflite_not_configured',
  NotFound = 'not_found',
  Conflict = 'conflict',
  NotSignedIn = 'not_signed_in',
  CsrfTokenInvalid = 'csrf_token_invalid',
  InvalidCredentials = 'invalid_credentials',
  TooManySignInAttempts = 'too_many_sign_in_attempts',
  SetupComplete = 'setup_complete',
  SetupRequired = 'setup_required',
  WeakPassword = 'weak_password',
  DatabaseUnavailable = 'database_unavailable',
  ShuttingDown = 'shutting_down',
  TraceOnlyNotAllowed = 'trace_only_not_allowed',
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The request field at fault, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
