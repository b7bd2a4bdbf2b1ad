import { Inject, Injectable } from '@nestjs/common';
import { describeNetworkError, MAX_BODY_LENGTH, redactAnswer, type AfliteAnswer, type AfliteRequest, type RawAfliteAnswer } from '@goalpost/aflite';
import { Agent, request } from 'undici';
import type { AppConfig } from '../config/app-config';
import { ShuttingDownError } from '../common/errors/shutting-down';
import { APP_CONFIG } from '../config/config.module';
import { afliteTimeouts } from './aflite-timeouts';

/** Aflite's answer with the API key redacted (libs/aflite redactAnswer): nothing else of the call leaves this client. */
export type AfliteCallResult = AfliteAnswer & { durationMs: number };

/** Aflite's answers are short; reading stops a little past what is kept (UTF-8 may take up to 4 bytes a character). */
const MAX_BODY_BYTES = MAX_BODY_LENGTH * 4;

/**
 * A call cut short because this instance closed its pool: not Aflite's answer, so nothing is recorded as
 * one. The delivery's attempt stays in flight and its lease is handed back; whoever claims it next asks
 * Aflite before sending again. Callers answering an HTTP request reply 503.
 */
export class AfliteClientClosedError extends ShuttingDownError {
  constructor(options?: { cause?: unknown }) {
    super('Goalpost is stopping: the call to Aflite was not made or its answer was not read. Retry shortly.');
    this.name = 'AfliteClientClosedError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** Every call to Aflite goes through one keep-alive pool with bounded connect, header and body timeouts. */
@Injectable()
export class AfliteClient {
  private readonly agent: Agent;
  private closed = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // The boot check on DELIVERY_LEASE_MS (app-config.ts) relies on these bounds: keep both on afliteTimeouts.
    const timeouts = afliteTimeouts(config.delivery.timeoutMs);
    this.agent = new Agent({
      connections: 32,
      keepAliveTimeout: 10_000,
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
      connect: { timeout: timeouts.connectMs },
    });
  }

  /**
   * Every text of the answer (body, headers, error message) is redacted before it is returned. Throws
   * AfliteClientClosedError, and only that, once the pool is closed; any other failure is a result.
   */
  async call(req: AfliteRequest): Promise<AfliteCallResult> {
    if (this.closed) throw new AfliteClientClosedError();
    const started = performance.now();
    const raw = await this.exchange(req);
    return { ...redactAnswer(raw, req), durationMs: Math.round(performance.now() - started) };
  }

  private async exchange(req: AfliteRequest): Promise<RawAfliteAnswer> {
    try {
      const res = await request(req.url, { method: req.method, headers: req.headers, body: req.body, dispatcher: this.agent });
      const { text, truncated } = await readLimited(res.body);
      return { response: { status: res.statusCode, headers: res.headers, body: text, truncated } };
    } catch (error) {
      // Our own teardown (UND_ERR_DESTROYED) says nothing about Aflite: recording it would use up an attempt.
      if (this.closed) throw new AfliteClientClosedError({ cause: error });
      // Unknown failures count as "sent": a needless reconcile is cheap, a duplicate goal is not.
      return { error: describeNetworkError(error, true) };
    }
  }

  /**
   * At shutdown (ShutdownService), after the grace period: calls still running are cut and throw
   * AfliteClientClosedError, as does every later one.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.agent.destroy();
  }
}

async function readLimited(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      body.destroy();
      break;
    }
  }
  const truncated = size > MAX_BODY_BYTES;
  return { text: Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8'), truncated };
}
