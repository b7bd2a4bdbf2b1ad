import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryStates';
import { formatCount, formatWhen } from '../../lib/format';
import { useStateResetOn } from '../../lib/use-state-reset-on';
import { useClicks } from './hooks';

export function ClicksPage() {
  const [params, setParams] = useSearchParams();
  const search = params.get('q')?.trim() ?? '';
  const [draft, setDraft] = useStateResetOn(search, search);
  const clicks = useClicks(search);
  const items = clicks.data?.pages.flatMap((page) => page.items) ?? [];
  const searchError = clicks.error instanceof ApiError ? clicks.error.fieldMessage('q') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };

  return (
    <>
      <PageHeader title="Clicks" description="Visitors who arrived from an Aflite affiliate link, most recent first." />
      <form className="filter-search filter-bar" role="search" onSubmit={submit}>
        <FormField id="click-search" label="Search by click ID (clickSessionID)" error={searchError}>
          {(control) => (
            <div className="input-with-button">
              <input {...control} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="e.g. TEST123" />
              <button type="submit" className="button">
                Search
              </button>
            </div>
          )}
        </FormField>
      </form>
      {clicks.isPending ? (
        <Loading label="Loading clicks…" />
      ) : searchError ? null : clicks.isError && !clicks.data ? (
        <ErrorState error={clicks.error} onRetry={() => clicks.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={search ? `No clicks match “${search}”` : 'No clicks yet'}>
          {search ? null : (
            <p>
              Clicks appear once the tracking snippet is on your site and a visitor arrives from Aflite. Try it yourself on the{' '}
              <Link to="/test-tracking">Test tracking</Link> page.
            </p>
          )}
        </EmptyState>
      ) : (
        <>
          <div className="table-scroll">
            <table className="table table-cards">
              <caption className="visually-hidden">Clicks, most recently seen first</caption>
              <thead>
                <tr>
                  <th scope="col">Click ID</th>
                  <th scope="col">Landing page</th>
                  <th scope="col">Referrer</th>
                  <th scope="col">First seen</th>
                  <th scope="col">Last seen</th>
                  <th scope="col" className="cell-number">
                    Visits
                  </th>
                  <th scope="col" className="cell-number">
                    Conversions
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((click) => (
                  <tr key={click.id}>
                    <td className="cell-mono cell-primary">
                      <Link to={`/clicks/${click.id}`}>{click.clickSessionID}</Link>
                    </td>
                    <td className="cell-truncate cell-wide" data-label="Landing page" title={click.landingUrl ?? undefined}>
                      {click.landingUrl ?? <span className="muted">unknown</span>}
                    </td>
                    <td className="cell-truncate cell-wide" data-label="Referrer" title={click.referrer ?? undefined}>
                      {click.referrer ?? <span className="muted">none</span>}
                    </td>
                    <td className="cell-nowrap" data-label="First seen">
                      {formatWhen(click.firstSeenAt)}
                    </td>
                    <td className="cell-nowrap" data-label="Last seen">
                      {formatWhen(click.lastSeenAt)}
                    </td>
                    <td className="cell-number" data-label="Visits">
                      {formatCount(click.hits)}
                    </td>
                    <td className="cell-number" data-label="Conversions">
                      {formatCount(click.conversions)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore
            hasMore={clicks.hasNextPage}
            loading={clicks.isFetchingNextPage}
            onLoadMore={() => clicks.fetchNextPage()}
            shown={items.length}
            noun={{ one: 'click', other: 'clicks' }}
          />
          {clicks.isError ? <ErrorState error={clicks.error} title="Could not load more" /> : null}
        </>
      )}
    </>
  );
}
