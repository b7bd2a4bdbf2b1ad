import { SANDBOX_URL } from './ports';
import type { FaultRequest, RecordedGoal, SandboxReport } from '@goalpost/sandbox';

export type { SandboxReport };
export type SandboxFault = FaultRequest;
export type SandboxGoal = RecordedGoal;

/** The sandbox's control API (/_sandbox): Aflite's side of every test. */
export class SandboxControl {
  constructor(private readonly baseUrl = SANDBOX_URL) {}

  /** From now on Aflite answers as told (default: every register-goal request). */
  async fail(fault: SandboxFault): Promise<void> {
    await this.call('PUT', '/faults', fault);
  }

  /** Aflite is healthy again. */
  async heal(): Promise<void> {
    await this.call('DELETE', '/faults');
  }

  async report(): Promise<SandboxReport> {
    return (await this.call('GET', '/report')) as SandboxReport;
  }

  async reset(): Promise<void> {
    await this.call('POST', '/reset');
  }

  /** How many times Aflite was asked to register this mref (traces not counted). */
  async timesRegistered(mref: string): Promise<number> {
    return (await this.report()).perMref[mref] ?? 0;
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}/_sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`sandbox ${method} ${path} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }
}
