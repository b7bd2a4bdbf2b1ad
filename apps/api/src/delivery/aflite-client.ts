import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { describeNetworkError, MAX_BODY_LENGTH, redactAnswer, type AfliteAnswer, type AfliteRequest, type RawAfliteAnswer } from '@goalpost/aflite';
import { Agent, request } from 'undici';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { afliteTimeouts } from './aflite-timeouts';

/** Aflite's answer with the API key redacted (libs/aflite redactAnswer): nothing else of the call leaves this client. */
export type AfliteCallResult = AfliteAnswer & { durationMs: number };

/** Aflite's answers are short; reading stops a little past what is kept (UTF-8 may take up to 4 bytes a character). */
const MAX_BODY_BYTES = MAX_BODY_LENGTH * 4;

/** Every call to Aflite goes through one keep-alive pool with bounded connect, header and body timeouts. */
@Injectable()
export class AfliteClient implements OnModuleDestroy {
  private readonly agent: Agent;

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

  /** Every text of the answer (body, headers, error message) is redacted before it is returned. */
  async call(req: AfliteRequest): Promise<AfliteCallResult> {
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
      // Unknown failures count as "sent": a needless reconcile is cheap, a duplicate goal is not.
      return { error: describeNetworkError(error, true) };
    }
  }

  async onModuleDestroy(): Promise<void> {
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
