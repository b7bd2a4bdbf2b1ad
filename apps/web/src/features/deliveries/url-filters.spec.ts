import { describe, expect, it } from 'vitest';
import { readDeliveryFilters, toApiFilter, writeDeliveryFilters, type DeliveryFilters } from './url-filters';

describe('delivery filters in the address', () => {
  it('round-trips every filter through the query string', () => {
    const filters: DeliveryFilters = { status: 'failed', goalId: '5', from: '2025-03-01', to: '2025-03-31', kind: 'live', q: 'ORDER-1001' };
    const params = writeDeliveryFilters(filters);
    expect(params.toString()).toBe('status=failed&goalId=5&from=2025-03-01&to=2025-03-31&kind=live&q=ORDER-1001');
    expect(readDeliveryFilters(new URLSearchParams(params.toString()))).toEqual(filters);
  });

  it('writes the same address whatever order the filters were set in', () => {
    const a = writeDeliveryFilters({ q: 'x', status: 'pending' }).toString();
    const b = writeDeliveryFilters({ status: 'pending', q: 'x' }).toString();
    expect(a).toBe(b);
  });

  it('leaves out empty filters', () => {
    expect(writeDeliveryFilters({ status: undefined, q: '  ', goalId: '' }).toString()).toBe('');
    expect(readDeliveryFilters(new URLSearchParams('status=&q='))).toEqual({});
  });

  it('drops values a hand-edited link got wrong', () => {
    expect(readDeliveryFilters(new URLSearchParams('status=lost&kind=both&from=2025-02-30&to=yesterday&q=%20A1%20'))).toEqual({ q: 'A1' });
  });

  it('keeps search text with characters that need escaping', () => {
    const filters: DeliveryFilters = { q: 'A&B=C #1' };
    expect(readDeliveryFilters(new URLSearchParams(writeDeliveryFilters(filters).toString()))).toEqual(filters);
  });
});

describe('toApiFilter', () => {
  it('sends local days as instants, the last day included', () => {
    const filter = toApiFilter({ from: '2025-03-01', to: '2025-03-31', status: 'delivered' });
    expect(filter.from).toBe(new Date(2025, 2, 1).toISOString());
    expect(filter.to).toBe(new Date(2025, 3, 1).toISOString());
    expect(filter.status).toBe('delivered');
  });

  it('sends nothing for unset filters', () => {
    expect(toApiFilter({})).toEqual({});
  });
});
