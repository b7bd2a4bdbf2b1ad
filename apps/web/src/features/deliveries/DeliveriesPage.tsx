import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryStates';
import { DELIVERY, formatQuantity } from '../../lib/format';
import { useGoals } from '../goals/hooks';
import { deliveriesCsvUrl } from './api';
import { describeTotal } from './describe-total';
import { DeliveryFilterBar } from './DeliveryFilterBar';
import { DeliveryTable } from './DeliveryTable';
import { isResendJobSettled, useDeliveries, useResendJobs } from './hooks';
import { ResendAllDialog } from './resend/ResendAllDialog';
import { ResendSelectedDialog } from './resend/ResendSelectedDialog';
import { useDeliveryFilters } from './use-delivery-filters';
import { hasDeliveryFilters, toApiFilter, writeDeliveryFilters } from './url-filters';
import './deliveries.css';

type OpenDialog = { kind: 'selected' } | { kind: 'all'; jobId?: number } | null;

export function DeliveriesPage() {
  const [filters, setFilters] = useDeliveryFilters();
  const deliveries = useDeliveries(filters);
  const goals = useGoals();
  const runningJob = useResendJobs().data?.items.find((job) => !isResendJobSettled(job));
  const [selection, setSelection] = useState<{ filterKey: string; ids: Set<number> }>({ filterKey: '', ids: new Set() });
  const [dialog, setDialog] = useState<OpenDialog>(null);

  // A selection belongs to the filters it was made under; new filters start with nothing selected.
  const filterKey = writeDeliveryFilters(filters).toString();
  const selected = selection.filterKey === filterKey ? selection.ids : new Set<number>();
  const items = useMemo(() => deliveries.data?.pages.flatMap((page) => page.items) ?? [], [deliveries.data]);
  // Every page carries the count of the whole filter; the first one is the freshest read of it.
  const firstPage = deliveries.data?.pages[0];

  const setSelected = (ids: Set<number>) => setSelection({ filterKey, ids });
  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const toggleAll = (select: boolean) => setSelected(select ? new Set(items.map((item) => item.id)) : new Set());

  return (
    <>
      <PageHeader
        title="Deliveries"
        description="Every goal your site recorded and what happened when Goalpost sent it to Aflite."
        actions={
          <a className="button" href={deliveriesCsvUrl(toApiFilter(filters))} download>
            Export CSV
          </a>
        }
      />
      {runningJob && !dialog ? (
        <div className="banner banner-info banner-row" role="status">
          <p>
            A re-send of {formatQuantity(runningJob.total, DELIVERY)} started by {runningJob.createdBy} is still going.
          </p>
          <button type="button" className="button button-small" onClick={() => setDialog({ kind: 'all', jobId: runningJob.id })}>
            Show progress
          </button>
        </div>
      ) : null}
      <DeliveryFilterBar filters={filters} onChange={setFilters} goals={goals.data} error={deliveries.error} />
      {firstPage && items.length > 0 ? (
        <p className="results-count" role="status">
          {describeTotal(firstPage, hasDeliveryFilters(filters))}
        </p>
      ) : null}
      <div className="bulk-bar" aria-label="Re-send">
        <span className="muted" aria-live="polite">
          {selected.size ? `${selected.size} selected` : 'Select rows to re-send them, or re-send everything that matches the filters.'}
        </span>
        <div className="bulk-actions">
          <button type="button" className="button" disabled={selected.size === 0} onClick={() => setDialog({ kind: 'selected' })}>
            Re-send selected{selected.size ? ` (${selected.size})` : ''}
          </button>
          <button type="button" className="button" onClick={() => setDialog({ kind: 'all' })}>
            Re-send all matching
          </button>
        </div>
      </div>
      {deliveries.isPending ? (
        <Loading label="Loading deliveries…" />
      ) : deliveries.isError && !deliveries.data ? (
        deliveries.error instanceof ApiError && deliveries.error.fields.length ? (
          <EmptyState title="Check the filters above">
            <p>One of them was refused; the message is next to it.</p>
          </EmptyState>
        ) : (
          <ErrorState error={deliveries.error} onRetry={() => deliveries.refetch()} />
        )
      ) : items.length === 0 ? (
        <EmptyState title={hasDeliveryFilters(filters) ? 'No deliveries match these filters' : 'No deliveries yet'}>
          {hasDeliveryFilters(filters) ? (
            <button type="button" className="button" onClick={() => setFilters({})}>
              Clear filters
            </button>
          ) : (
            <p>Goals your site records show up here. Follow the Install page to start sending them.</p>
          )}
        </EmptyState>
      ) : (
        <div className={deliveries.isPlaceholderData ? 'is-refreshing' : undefined} aria-busy={deliveries.isPlaceholderData}>
          <DeliveryTable items={items} selected={selected} onToggle={toggle} onToggleAll={toggleAll} />
          <LoadMore
            hasMore={deliveries.hasNextPage}
            loading={deliveries.isFetchingNextPage}
            onLoadMore={() => deliveries.fetchNextPage()}
            shown={items.length}
            noun={DELIVERY}
          />
          {deliveries.isError ? <ErrorState error={deliveries.error} title="Could not load more" onRetry={() => deliveries.fetchNextPage()} /> : null}
        </div>
      )}
      {dialog?.kind === 'selected' ? (
        <ResendSelectedDialog
          ids={[...selected]}
          onClose={() => setDialog(null)}
          onDone={() => {
            setSelected(new Set());
            setDialog(null);
          }}
        />
      ) : null}
      {dialog?.kind === 'all' ? <ResendAllDialog filters={filters} jobId={dialog.jobId} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
