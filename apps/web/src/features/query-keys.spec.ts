import { describe, expect, it } from 'vitest';
import { testQueryClient } from '../test/render';
import { clickKeys } from './clicks/keys';
import { deliveryKeys } from './deliveries/keys';
import { goalKeys } from './goals/keys';

describe('query key factories', () => {
  it('nest every delivery key under deliveries', () => {
    const list = deliveryKeys.list({ status: 'failed' });
    expect(list.slice(0, deliveryKeys.lists().length)).toEqual(deliveryKeys.lists());
    expect(deliveryKeys.lists().slice(0, 1)).toEqual(deliveryKeys.all);
    expect(deliveryKeys.detail(7).slice(0, 2)).toEqual(deliveryKeys.details());
    expect(deliveryKeys.resendJob(3).slice(0, 1)).toEqual(deliveryKeys.all);
  });

  it('make a fresh key per call, so nothing captured at import time goes stale', () => {
    expect(deliveryKeys.list({ q: 'a' })).not.toBe(deliveryKeys.list({ q: 'a' }));
    expect(deliveryKeys.list({ q: 'a' })).toEqual(deliveryKeys.list({ q: 'a' }));
  });

  it('let a re-send invalidate the lists without touching other details or other resources', async () => {
    const client = testQueryClient();
    client.setQueryData(deliveryKeys.list({}), 'all');
    client.setQueryData(deliveryKeys.list({ status: 'failed' }), 'failed');
    client.setQueryData(deliveryKeys.detail(1), 'one');
    client.setQueryData(deliveryKeys.detail(2), 'two');
    client.setQueryData(goalKeys.lists(), 'goals');
    client.setQueryData(clickKeys.list(''), 'clicks');

    await client.invalidateQueries({ queryKey: deliveryKeys.lists() });
    await client.invalidateQueries({ queryKey: deliveryKeys.detail(1) });

    const invalid = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(invalid(deliveryKeys.list({}))).toBe(true);
    expect(invalid(deliveryKeys.list({ status: 'failed' }))).toBe(true);
    expect(invalid(deliveryKeys.detail(1))).toBe(true);
    expect(invalid(deliveryKeys.detail(2))).toBe(false);
    expect(invalid(goalKeys.lists())).toBe(false);
    expect(invalid(clickKeys.list(''))).toBe(false);
  });
});
