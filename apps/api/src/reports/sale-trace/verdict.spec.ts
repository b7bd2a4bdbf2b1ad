import type { UpstreamHealth } from '@goalpost/contracts';
import { describe, expect, it } from 'vitest';
import { ConversionEntity } from '../../conversions/conversion.entity';
import { DeliveryAttemptEntity } from '../../delivery/delivery-attempt.entity';
import { DeliveryEntity } from '../../delivery/delivery.entity';
import { verdictFor, type VerdictInput } from './verdict';

const AT = Date.parse('2024-11-01T12:03:00Z');
const CLOSED: UpstreamHealth = { circuit: 'closed', since: null, consecutiveFailures: 0, lastError: null, held: 0 };

const conversion = (patch: Partial<ConversionEntity>) =>
  Object.assign(
    new ConversionEntity(),
    { id: 1, mref: 'ORDER-1', status: 'pending', isTest: false, createdAt: AT, deliveredAt: null, clickSessionId: 'abc' },
    patch,
  );
const delivery = (patch: Partial<DeliveryEntity>) =>
  Object.assign(new DeliveryEntity(), { state: 'pending', attemptCount: 0, lastError: null, reconciled: false, nextAttemptAt: AT + 60_000 }, patch);
const attempt = (patch: Partial<DeliveryAttemptEntity>) =>
  Object.assign(new DeliveryAttemptEntity(), { kind: 'send', statusCode: 200, responseHeaders: '{}', responseBody: 'OK', reason: null }, patch);

function verdict(patch: Partial<VerdictInput>) {
  return verdictFor({
    conversion: conversion({}),
    delivery: delivery({}),
    attempts: [],
    upstream: CLOSED,
    clickInWindow: true,
    attributionWindowDays: 30,
    ...patch,
  });
}

describe('verdictFor', () => {
  it('says when it was delivered, in London time', () => {
    const v = verdict({ conversion: conversion({ status: 'delivered', deliveredAt: AT }), delivery: delivery({ state: 'delivered' }) });
    expect(v).toEqual({ reason: 'delivered', verdict: 'Delivered to Aflite at 1 Nov 2024, 12:03.' });
  });

  it('explains a reconciled delivery', () => {
    const v = verdict({ conversion: conversion({ status: 'delivered', deliveredAt: AT }), delivery: delivery({ state: 'delivered', reconciled: true }) });
    expect(v.reason).toBe('delivered');
    expect(v.verdict).toMatch(/already held this mref, so it was not sent a second time/);
  });

  it('tells an unattributed sale with no click at all from one that lost its click', () => {
    const unattributed = conversion({ status: 'unattributed', clickSessionId: null });
    expect(verdict({ conversion: unattributed, delivery: null, clickInWindow: false })).toMatchObject({
      reason: 'no-click',
      verdict: expect.stringMatching(/no Aflite click was recorded in the 30 days/),
    });
    expect(verdict({ conversion: unattributed, delivery: null, clickInWindow: true })).toMatchObject({
      reason: 'unattributed',
      verdict: expect.stringMatching(/without a clickSessionID/),
    });
  });

  it('recognises Aflite calling it a duplicate, through the shared classifier', () => {
    const v = verdict({
      conversion: conversion({ status: 'failed' }),
      delivery: delivery({ state: 'failed', lastError: 'rejected in body: HTTP 200: ERROR: duplicate mref ORDER-1' }),
      attempts: [attempt({ responseBody: 'ERROR: duplicate mref ORDER-1 - goal recorded in error', reason: 'rejected in body' })],
    });
    expect(v.reason).toBe('duplicate');
    expect(v.verdict).toMatch(/already has mref ORDER-1/);
  });

  it('reports any other failure as rejected, with the reason', () => {
    const v = verdict({
      conversion: conversion({ status: 'failed' }),
      delivery: delivery({ state: 'failed', lastError: 'HTTP 403: ERROR: invalid apikey' }),
      attempts: [attempt({ statusCode: 403, responseBody: 'ERROR: invalid apikey' })],
    });
    expect(v).toEqual({ reason: 'rejected', verdict: 'Not delivered: HTTP 403: ERROR: invalid apikey. Fix the cause, then re-send it.' });
  });

  it('says a pending delivery is held while the circuit is open', () => {
    const v = verdict({ upstream: { ...CLOSED, circuit: 'open', since: new Date(AT).toISOString(), held: 3 } });
    expect(v).toMatchObject({ reason: 'held', verdict: expect.stringMatching(/failing since 1 Nov 2024, 12:03, so deliveries are held/) });
  });

  it('tells retrying from freshly queued', () => {
    expect(verdict({ delivery: delivery({ attemptCount: 2, lastError: 'HTTP 503: busy' }) })).toEqual({
      reason: 'retrying',
      verdict: 'Retrying: 2 attempts so far (last answer: HTTP 503: busy). Next try at 1 Nov 2024, 12:04.',
    });
    expect(verdict({}).reason).toBe('pending');
    expect(verdict({ delivery: delivery({ lastError: 'Aflite API key or merchant ID is not set' }) }).verdict).toMatch(
      /^Waiting: Aflite API key or merchant ID is not set\./,
    );
  });

  it('marks trace-only tests as tests whatever their outcome', () => {
    expect(verdict({ conversion: conversion({ isTest: true, status: 'delivered', deliveredAt: AT }), delivery: null }).reason).toBe('test');
    const failed = verdict({
      conversion: conversion({ isTest: true, status: 'failed' }),
      delivery: null,
      attempts: [attempt({ reason: 'HTTP 403: ERROR: invalid mid' })],
    });
    expect(failed).toEqual({ reason: 'test', verdict: 'Trace-only test, not accepted by Aflite: HTTP 403: ERROR: invalid mid.' });
  });
});
