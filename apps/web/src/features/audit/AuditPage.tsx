import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryStates';
import { formatDateTime } from '../../lib/format';
import { describeAction } from './describe-action';
import { describeDetails } from './describe-details';
import { useAuditLog } from './hooks';

export function AuditPage() {
  const audit = useAuditLog();
  const items = audit.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what in this dashboard, newest first. Secrets are never written here." />
      {audit.isPending ? (
        <Loading label="Loading the audit log…" />
      ) : audit.isError && !audit.data ? (
        <ErrorState error={audit.error} onRetry={() => audit.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing has been recorded yet" />
      ) : (
        <>
          <div className="table-scroll">
            <table className="table table-cards">
              <caption className="visually-hidden">Audit log, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">On</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {items.map((entry) => {
                  const details = describeDetails(entry.details);
                  return (
                    <tr key={entry.id}>
                      <td className="cell-nowrap" data-label="When">
                        <time dateTime={entry.at}>{formatDateTime(entry.at, { seconds: true })}</time>
                      </td>
                      <td data-label="Who">{entry.actor}</td>
                      <td data-label="What" title={entry.action}>
                        {describeAction(entry.action)}
                      </td>
                      <td data-label="On">{entry.target ?? '—'}</td>
                      <td className="cell-details cell-wide" data-label="Details">
                        {details.length ? (
                          <ul className="plain-list">
                            {details.map((line) => (
                              <li key={line.label}>
                                <span className="muted">{line.label}:</span> {line.value}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <LoadMore
            hasMore={audit.hasNextPage}
            loading={audit.isFetchingNextPage}
            onLoadMore={() => audit.fetchNextPage()}
            shown={items.length}
            noun={{ one: 'entry', other: 'entries' }}
          />
          {audit.isError ? <ErrorState error={audit.error} title="Could not load more" /> : null}
        </>
      )}
    </>
  );
}
