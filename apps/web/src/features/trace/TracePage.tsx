import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Loading } from '../../components/QueryStates';
import { useStateResetOn } from '../../lib/use-state-reset-on';
import { useSaleTrace } from './hooks';
import { TraceTimeline } from './TraceTimeline';
import './trace.css';

export function TracePage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  const [draft, setDraft] = useStateResetOn(query, query);
  const trace = useSaleTrace(query);
  const queryError = trace.error instanceof ApiError ? trace.error.fieldMessage('q') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };

  return (
    <>
      <PageHeader
        title="Trace a sale"
        description="An affiliate says a sale is missing? Enter the order reference or the click ID to see what happened to it, step by step."
      />
      <form className="filter-bar filter-search" role="search" onSubmit={submit}>
        <FormField id="trace-query" label="Order reference (mref) or click ID (clickSessionID)" error={queryError}>
          {(control) => (
            <div className="input-with-button">
              <input {...control} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="e.g. ORDER-1001" />
              <button type="submit" className="button button-primary">
                Trace
              </button>
            </div>
          )}
        </FormField>
      </form>
      {!query || queryError ? null : trace.isPending ? (
        <Loading label="Tracing…" />
      ) : trace.isError ? (
        <ErrorState error={trace.error} onRetry={() => trace.refetch()} />
      ) : (
        <section aria-label={`Trace for ${query}`}>
          {trace.data.explanation ? (
            <div className={`banner ${trace.data.click || trace.data.conversions.length ? 'banner-info' : 'banner-warn'}`} role="status">
              <p>{trace.data.explanation}</p>
            </div>
          ) : null}
          {trace.data.click || trace.data.conversions.length ? (
            <TraceTimeline trace={trace.data} />
          ) : trace.data.explanation ? null : (
            <EmptyState title={`Nothing found for “${query}”`} />
          )}
        </section>
      )}
    </>
  );
}
