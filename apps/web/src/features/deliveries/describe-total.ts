import type { DeliveryListResponse } from '@goalpost/contracts';
import { DELIVERY, formatBoundedCount, pluralOf } from '../../lib/format';

const MATCH = { one: 'delivery matches', other: 'deliveries match' };

/** "1,204 deliveries match", "10,000+ deliveries match"; without filters "1,204 deliveries". */
export function describeTotal({ total, totalIsLowerBound }: Pick<DeliveryListResponse, 'total' | 'totalIsLowerBound'>, filtered: boolean): string {
  // "10,000+" is many: always the plural.
  const count = totalIsLowerBound ? Infinity : total;
  return `${formatBoundedCount(total, totalIsLowerBound)} ${pluralOf(count, filtered ? MATCH : DELIVERY)}`;
}
