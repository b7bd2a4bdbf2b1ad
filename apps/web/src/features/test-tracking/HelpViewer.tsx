import { useState } from 'react';
import { ErrorState, Loading } from '../../components/QueryStates';
import { useAfliteHelp } from './hooks';
import { RequestView } from './RequestView';

/** Aflite's own description of its register-goal call (help=1), for checking the account details. */
export function HelpViewer() {
  const [open, setOpen] = useState(false);
  const help = useAfliteHelp(open);
  return (
    <section className="panel" aria-labelledby="help-heading">
      <div className="panel-header">
        <h2 id="help-heading">Aflite&rsquo;s help answer</h2>
        <button type="button" className="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide help answer' : 'Show Aflite’s help answer (help=1)'}
        </button>
      </div>
      <p className="muted">Asks Aflite to describe the register goal call with your account details. Nothing is recorded.</p>
      {open ? (
        help.isPending ? (
          <Loading label="Asking Aflite…" />
        ) : help.isError ? (
          <ErrorState error={help.error} title="Aflite could not be asked" onRetry={() => help.refetch()} />
        ) : (
          <>
            <RequestView
              method={help.data.request.method}
              url={help.data.request.url}
              params={help.data.request.params}
              status={help.data.status}
              body={help.data.body}
            />
            <button type="button" className="button button-small help-again" onClick={() => help.refetch()} disabled={help.isFetching}>
              {help.isFetching ? 'Asking…' : 'Ask again'}
            </button>
          </>
        )
      ) : null}
    </section>
  );
}
