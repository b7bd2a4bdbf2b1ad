import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/**
 * Nest's logger interface on top of pino: one JSON line per event. Nest passes either a message or an
 * object followed by a message, then the context name.
 */
export class JsonLogger implements LoggerService {
  readonly pino: Logger;

  constructor(level: string) {
    this.pino = pino({
      level,
      base: { service: 'goalpost' },
      // Secrets must never reach a log line, whatever object is logged.
      redact: { paths: ['*.apiKey', '*.afliteApiKey', '*.password', 'req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    });
  }

  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]) {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    if (typeof message === 'object' && message !== null) {
      const text = typeof rest[0] === 'string' ? rest[0] : undefined;
      this.pino[level]({ context, ...(message as object) }, text);
    } else {
      // Nest's error(message, stack, context) form.
      const stack = level === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
      this.pino[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}
