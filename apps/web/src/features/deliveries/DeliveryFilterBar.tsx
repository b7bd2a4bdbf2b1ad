import { CONVERSION_STATUSES, type GoalResponse } from '@goalpost/contracts';
import type { FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { STATUS_LABEL } from '../../components/Badge';
import { FormField } from '../../components/FormField';
import { useStateResetOn } from '../../lib/use-state-reset-on';
import { hasDeliveryFilters, type DeliveryFilters } from './url-filters';

interface DeliveryFilterBarProps {
  filters: DeliveryFilters;
  onChange: (next: DeliveryFilters) => void;
  goals: GoalResponse[] | undefined;
  /** The list's error: a refused filter is shown next to its field. */
  error?: unknown;
}

/** Choices apply at once; the search box applies on Enter or the Search button, so typing is not a history step per key. */
export function DeliveryFilterBar({ filters, onChange, goals, error }: DeliveryFilterBarProps) {
  // Back/forward changes the address under us: show what it now says.
  const [search, setSearch] = useStateResetOn(filters.q, filters.q ?? '');
  const fieldError = (field: keyof DeliveryFilters) => (error instanceof ApiError ? error.fieldMessage(field) : undefined);

  const set = <K extends keyof DeliveryFilters>(key: K, value: DeliveryFilters[K] | '') => onChange({ ...filters, [key]: value === '' ? undefined : value });

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    set('q', search.trim());
  };

  return (
    <section className="filter-bar" aria-label="Filter deliveries">
      <form className="filter-search" role="search" onSubmit={submitSearch}>
        <FormField
          id="delivery-search"
          label="Search by order reference (mref) or click ID"
          hint="The start of one is enough, in any case: order-10 finds ORDER-1001."
          error={fieldError('q')}
        >
          {(control) => (
            <div className="input-with-button">
              <input {...control} type="search" value={search} placeholder="e.g. ORDER-1001" onChange={(event) => setSearch(event.target.value)} />
              <button type="submit" className="button">
                Search
              </button>
            </div>
          )}
        </FormField>
      </form>
      <div className="filter-fields">
        <FormField id="delivery-status" label="Status" error={fieldError('status')}>
          {(control) => (
            <select {...control} value={filters.status ?? ''} onChange={(e) => set('status', e.target.value as DeliveryFilters['status'])}>
              <option value="">Any status</option>
              {CONVERSION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABEL[status]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="delivery-goal" label="Goal" error={fieldError('goalId')}>
          {(control) => (
            <select {...control} value={filters.goalId ?? ''} onChange={(e) => set('goalId', e.target.value)}>
              <option value="">Any goal</option>
              {filters.goalId && !goals?.some((g) => g.afliteGoalId === filters.goalId) ? (
                <option value={filters.goalId}>Aflite goal {filters.goalId}</option>
              ) : null}
              {goals?.map((goal) => (
                <option key={goal.id} value={goal.afliteGoalId}>
                  {goal.name} ({goal.afliteGoalId})
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="delivery-from" label="From" error={fieldError('from')}>
          {(control) => <input {...control} type="date" value={filters.from ?? ''} max={filters.to} onChange={(e) => set('from', e.target.value)} />}
        </FormField>
        <FormField id="delivery-to" label="To" error={fieldError('to')}>
          {(control) => <input {...control} type="date" value={filters.to ?? ''} min={filters.from} onChange={(e) => set('to', e.target.value)} />}
        </FormField>
        <FormField id="delivery-kind" label="Live or test" error={fieldError('kind')}>
          {(control) => (
            <select {...control} value={filters.kind ?? ''} onChange={(e) => set('kind', e.target.value as DeliveryFilters['kind'])}>
              <option value="">Live and test</option>
              <option value="live">Live only</option>
              <option value="test">Test only</option>
            </select>
          )}
        </FormField>
        {hasDeliveryFilters(filters) ? (
          <button type="button" className="button button-quiet filter-clear" onClick={() => onChange({})}>
            Clear filters
          </button>
        ) : null}
      </div>
    </section>
  );
}
