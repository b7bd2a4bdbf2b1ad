import { AfliteParam, GOALS_FEED_PATH, REGISTER_GOAL_PATH } from '@goalpost/aflite';
import { describe, expect, it } from 'vitest';
import { ConversionEntity } from '../../conversions/conversion.entity';
import { DEFAULT_SETTINGS, type Settings } from '../../settings/settings.types';
import { DeliveryEntity } from '../delivery.entity';
import type { ClaimedDelivery } from '../delivery.repository';
import { planFirstCall } from './plan-first-call';

const AT = Date.parse('2024-11-01T12:00:00Z');
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  afliteApiKey: 'key-secret-1234',
  afliteMid: '1001',
  afliteBaseUrl: 'http://aflite.test',
  afliteMethod: 'GET',
};

function claimed(patch: Partial<DeliveryEntity> = {}): ClaimedDelivery {
  const conversion = Object.assign(new ConversionEntity(), { id: 7, mref: 'ORDER-7', afliteGoalId: '5', valueMinor: 1099, clickSessionId: 'cs-1' });
  const delivery = Object.assign(new DeliveryEntity(), { id: 3, conversionId: 7, needsReconcile: false, forceSend: false, nextTrigger: 'auto' }, patch);
  return { delivery, conversion };
}

describe('planFirstCall', () => {
  it('sends a delivery that cannot have reached Aflite yet', () => {
    const call = planFirstCall(claimed(), SETTINGS, AT);
    expect(call?.kind).toBe('send');
    expect(new URL(call?.req.url ?? '').pathname).toBe(REGISTER_GOAL_PATH);
    expect(call?.attempt).toMatchObject({
      conversionId: 7,
      kind: 'send',
      trigger: 'auto',
      method: 'GET',
      outcome: 'in-flight',
      startedAt: AT,
      statusCode: null,
    });
    expect(JSON.parse(call?.attempt.params ?? '{}')).toMatchObject({
      [AfliteParam.merchantRef]: 'ORDER-7',
      [AfliteParam.value]: '10.99',
      [AfliteParam.apiKey]: '••••1234',
    });
    expect(call?.attempt.url).not.toContain('key-secret-1234');
  });

  it('asks the goals feed first when an earlier send may have landed', () => {
    const call = planFirstCall(claimed({ needsReconcile: true, nextTrigger: 'manual' }), SETTINGS, AT);
    expect(call?.kind).toBe('reconcile');
    expect(new URL(call?.req.url ?? '').pathname).toBe(GOALS_FEED_PATH);
    expect(call?.attempt).toMatchObject({ kind: 'reconcile', trigger: 'manual' });
  });

  it('skips the goals feed on a forced re-send', () => {
    expect(planFirstCall(claimed({ needsReconcile: true, forceSend: true }), SETTINGS, AT)?.kind).toBe('send');
  });

  it('plans nothing while the API key or merchant ID is missing', () => {
    expect(planFirstCall(claimed(), { ...SETTINGS, afliteApiKey: null }, AT)).toBeNull();
    expect(planFirstCall(claimed(), { ...SETTINGS, afliteMid: null }, AT)).toBeNull();
  });
});
