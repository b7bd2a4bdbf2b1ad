import type { DeliveryAttemptResponse, DeliveryDetailResponse } from '@goalpost/contracts';
import { describe, expect, it } from 'vitest';
import { delivery } from '../../../test/fixtures';
import { resendSettled, type ResendBaseline } from './watch-resend';

const attempt = (kind: DeliveryAttemptResponse['kind'], outcome: DeliveryAttemptResponse['outcome']): DeliveryAttemptResponse => ({
  id: Math.random(),
  kind,
  trigger: 'manual',
  method: 'POST',
  url: 'http://aflite.co.uk/data/register/goal',
  params: {},
  statusCode: 200,
  responseHeaders: {},
  responseBody: null,
  errorCode: null,
  outcome,
  reason: null,
  durationMs: 5,
  startedAt: '2025-03-02T12:00:00.000Z',
});

const detail = (status: DeliveryDetailResponse['conversion']['status'], attempts: DeliveryAttemptResponse[]): DeliveryDetailResponse => ({
  conversion: delivery({ status }),
  click: null,
  attempts,
});

const failedOnce: ResendBaseline = { status: 'failed', attempts: 1 };
const first = attempt('send', 'failed');

describe('resendSettled', () => {
  it('keeps watching while the re-send is only queued', () => {
    expect(resendSettled(failedOnce, detail('pending', [first]))).toBe(false);
  });

  it('keeps watching after the goals-feed check, because the send follows it', () => {
    expect(resendSettled(failedOnce, detail('pending', [first, attempt('reconcile', 'not-found')]))).toBe(false);
  });

  it('stops once the new send delivered or failed', () => {
    expect(resendSettled(failedOnce, detail('delivered', [first, attempt('reconcile', 'not-found'), attempt('send', 'delivered')]))).toBe(true);
    expect(resendSettled(failedOnce, detail('failed', [first, attempt('send', 'failed')]))).toBe(true);
  });

  it('stops when the check found Aflite already had it', () => {
    expect(resendSettled(failedOnce, detail('delivered', [first, attempt('reconcile', 'reconciled')]))).toBe(true);
  });

  it('stops when the new send will be retried later', () => {
    expect(resendSettled(failedOnce, detail('pending', [first, attempt('send', 'retry')]))).toBe(true);
  });
});
