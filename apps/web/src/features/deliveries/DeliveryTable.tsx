import type { DeliveryListItem } from '@goalpost/contracts';
import { Link } from 'react-router';
import { KindBadge, StatusBadge } from '../../components/Badge';
import { StackedDateTime } from '../../components/StackedDateTime';
import { formatCount, formatPounds } from '../../lib/format';
import { HoldNote } from './HoldNote';

interface DeliveryTableProps {
  items: DeliveryListItem[];
  selected: ReadonlySet<number>;
  onToggle: (id: number) => void;
  onToggleAll: (select: boolean) => void;
}

export function DeliveryTable({ items, selected, onToggle, onToggleAll }: DeliveryTableProps) {
  const allSelected = items.length > 0 && items.every((item) => selected.has(item.id));
  return (
    <div className="table-scroll">
      <table className="table table-cards delivery-table">
        <caption className="visually-hidden">Deliveries, newest first</caption>
        <thead>
          <tr>
            <th scope="col" className="cell-check">
              <input type="checkbox" aria-label="Select all shown" checked={allSelected} onChange={(e) => onToggleAll(e.target.checked)} />
            </th>
            <th scope="col">Created</th>
            <th scope="col">Goal</th>
            <th scope="col">Reference (mref)</th>
            <th scope="col" className="cell-number">
              Value
            </th>
            <th scope="col">Status</th>
            <th scope="col">Live or test</th>
            <th scope="col">Click ID</th>
            <th scope="col" className="cell-number">
              Attempts
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={selected.has(item.id) ? 'is-selected' : undefined}>
              <td className="cell-check">
                <input type="checkbox" aria-label={`Select ${item.mref}`} checked={selected.has(item.id)} onChange={() => onToggle(item.id)} />
              </td>
              <td data-label="Created">
                <StackedDateTime iso={item.createdAt} />
              </td>
              <td data-label="Goal">{item.goalName}</td>
              <td className="cell-mono cell-primary cell-reference">
                <Link to={`/deliveries/${item.id}`}>{item.mref}</Link>
              </td>
              <td className="cell-number" data-label="Value">
                {formatPounds(item.value)}
              </td>
              <td className="cell-status" data-label="Status">
                <StatusBadge status={item.status} />
                {item.hold ? <HoldNote hold={item.hold} /> : null}
                {/* A delivery held for its settings was postponed with the same words as its label. */}
                {item.lastError && item.status !== 'delivered' && item.hold?.reason !== 'not-configured' ? (
                  <span className="cell-note">{item.lastError}</span>
                ) : null}
              </td>
              <td data-label="Live or test">
                <KindBadge test={item.test} />
              </td>
              <td className="cell-mono cell-truncate cell-click-id" data-label="Click ID" title={item.clickSessionID ?? undefined}>
                {item.clickSessionID ?? <span className="muted">none</span>}
              </td>
              <td className="cell-number" data-label="Attempts">
                {formatCount(item.attemptCount)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
