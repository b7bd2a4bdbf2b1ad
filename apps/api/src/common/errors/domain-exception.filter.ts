import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@goalpost/contracts';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { asDatabaseError, DATABASE_RETRY_AFTER_S } from '../../database/database-unavailable';
import { DomainError, DomainErrorCode } from './domain-error';
import { SHUTDOWN_RETRY_AFTER_S } from './shutting-down';

const STATUS: Record<DomainErrorCode, number> = {
  [DomainErrorCode.UnknownGoal]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DomainErrorCode.GoalDisabled]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DomainErrorCode.BrowserGoalNotAllowed]: HttpStatus.FORBIDDEN,
  [DomainErrorCode.InvalidValue]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.UnknownClick]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DomainErrorCode.OriginNotAllowed]: HttpStatus.FORBIDDEN,
  [DomainErrorCode.RedirectNotAllowed]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.MissingIngestKey]: HttpStatus.UNAUTHORIZED,
  [DomainErrorCode.InvalidIngestKey]: HttpStatus.UNAUTHORIZED,
  [DomainErrorCode.AfliteNotConfigured]: HttpStatus.CONFLICT,
  [DomainErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.Conflict]: HttpStatus.CONFLICT,
  [DomainErrorCode.NotSignedIn]: HttpStatus.UNAUTHORIZED,
  [DomainErrorCode.CsrfTokenInvalid]: HttpStatus.FORBIDDEN,
  [DomainErrorCode.InvalidCredentials]: HttpStatus.UNAUTHORIZED,
  [DomainErrorCode.TooManySignInAttempts]: HttpStatus.TOO_MANY_REQUESTS,
  [DomainErrorCode.SetupComplete]: HttpStatus.CONFLICT,
  [DomainErrorCode.SetupRequired]: HttpStatus.CONFLICT,
  [DomainErrorCode.WeakPassword]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.DatabaseUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [DomainErrorCode.ShuttingDown]: HttpStatus.SERVICE_UNAVAILABLE,
  [DomainErrorCode.TraceOnlyNotAllowed]: HttpStatus.UNAUTHORIZED,
};

/** Maps every error to an ApiErrorBody: domain codes exhaustively, HTTP errors as they are, anything else a 500 with an errorId. */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(asDatabaseError(exception));
    if (body.error === DomainErrorCode.DatabaseUnavailable) {
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_S));
      this.logger.warn({ err: exception }, 'request refused: the database is unavailable');
    } else if (body.error === DomainErrorCode.ShuttingDown) {
      reply.header('retry-after', String(SHUTDOWN_RETRY_AFTER_S));
    }
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: STATUS[exception.code],
        error: exception.code,
        message: exception.message,
        ...(exception.field ? { fields: [{ field: exception.field, message: exception.message }] } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response && 'error' in response && 'message' in response && typeof response.message === 'string') {
        return { ...(response as ApiErrorBody), statusCode: status };
      }
      const message = typeof response === 'string' ? response : exception.message;
      return { statusCode: status, error: httpCode(status), message: BODY_MESSAGES[status] ?? namingTheBody(message) };
    }
    const clientError = fastifyClientError(exception);
    if (clientError) return clientError;
    const errorId = randomUUID();
    this.logger.error({ errorId, err: exception }, 'unhandled error');
    return { statusCode: 500, error: 'internal_error', message: 'Something went wrong on our side.', errorId };
  }
}

/** Body problems the framework reports without saying which part of the request is at fault. */
const BODY_MESSAGES: Record<number, string> = {
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'content-type: not accepted; send the body as application/json or application/x-www-form-urlencoded',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'body: larger than the 64 KB limit',
};

/** Fastify reports malformed bodies (bad JSON, wrong content type, too large) as errors with a 4xx statusCode. */
function fastifyClientError(exception: unknown): ApiErrorBody | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const status = (exception as { statusCode?: unknown }).statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return null;
  const message = (exception as { message?: unknown }).message;
  const known = BODY_MESSAGES[status];
  if (known) return { statusCode: status, error: httpCode(status), message: known };
  return { statusCode: status, error: httpCode(status), message: typeof message === 'string' ? `body: ${message}` : 'Bad request' };
}

/** "Body is not valid JSON…" from the body parser: say that the body is the field at fault. */
function namingTheBody(message: string): string {
  return /^body\b/i.test(message) && !message.startsWith('body:') ? `body: ${message}` : message;
}

function httpCode(status: number): string {
  const name = HttpStatus[status];
  return typeof name === 'string' ? name.toLowerCase() : 'error';
}
