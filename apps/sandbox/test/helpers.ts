import { createSandbox } from '../src/server';

export const CREDENTIALS = { apiKey: 'test-key', merchantId: '42' };

/** A valid register-goal request; an override of `undefined` leaves that parameter out. */
export function goalParams(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const params: Record<string, string | undefined> = {
    apikey: CREDENTIALS.apiKey,
    mid: CREDENTIALS.merchantId,
    clickSessionID: 'click-1',
    goalid: '5',
    mref: 'ORDER-1',
    value: '10.99',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
}

export const qs = (params: Record<string, string>): string => new URLSearchParams(params).toString();

export function newSandbox() {
  return createSandbox({ ...CREDENTIALS });
}

export type Sandbox = ReturnType<typeof newSandbox>;

export function registerGet(sandbox: Sandbox, params: Record<string, string>) {
  return sandbox.app.inject({ method: 'GET', url: `/data/register/goal?${qs(params)}` });
}

export function registerPost(sandbox: Sandbox, params: Record<string, string>, query = '') {
  return sandbox.app.inject({
    method: 'POST',
    url: `/data/register/goal${query ? `?${query}` : ''}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: qs(params),
  });
}
