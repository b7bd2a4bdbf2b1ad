import type { DeliveryListItem } from '@goalpost/contracts';
import { csvLine } from './csv';
import { toConversionResponse } from '../../conversions/conversion.mapper';
import { toIso } from '../../database/sql-params';
import { holdOf, type HoldContext } from './delivery-hold';
import type { DeliveryRow } from './delivery-search.repository';

export function toDeliveryListItem(row: DeliveryRow, hold: HoldContext): DeliveryListItem {
  const { conversion, delivery } = row;
  return {
    ...toConversionResponse(conversion, row.goal, false),
    attemptCount: row.attemptCount,
    lastAttemptAt: toIso(row.lastAttemptAt),
    lastAttemptOutcome: row.lastAttemptOutcome,
    // Test conversions have no outbox row: their failure reason is the attempt's.
    lastError: delivery ? delivery.lastError : conversion.status === 'failed' ? row.lastAttemptReason : null,
    nextAttemptAt: delivery?.state === 'pending' ? toIso(delivery.nextAttemptAt) : null,
    hold: holdOf(delivery, hold),
  };
}

/** The export's columns, as DeliveryCsvColumns in the contract names them. */
export const DELIVERY_CSV_COLUMNS = [
  'id',
  'created_at',
  'goal_id',
  'goal_name',
  'mref',
  'value',
  'status',
  'test',
  'click_session_id',
  'attribution',
  'source',
  'attempts',
  'delivered_at',
  'last_error',
  'last_outcome',
];

export function deliveryCsvLine(item: DeliveryListItem): string {
  return csvLine([
    item.id,
    item.createdAt,
    item.goalId,
    item.goalName,
    item.mref,
    item.value,
    item.status,
    item.test,
    item.clickSessionID,
    item.attribution,
    item.source,
    item.attemptCount,
    item.deliveredAt,
    item.lastError,
    item.lastAttemptOutcome,
  ]);
}
