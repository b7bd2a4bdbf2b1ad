import { ParamsTable } from '../../components/ParamsTable';

interface RequestViewProps {
  method: string;
  url: string;
  params: Record<string, string>;
  status: number | null;
  body: string | null;
}

/** The exact call to Aflite (key redacted by the server) and Aflite's raw answer. */
export function RequestView({ method, url, params, status, body }: RequestViewProps) {
  return (
    <div className="request-view">
      <h3>Request sent</h3>
      <p className="request-line cell-mono">
        <span className="request-method">{method}</span> {url}
      </p>
      <ParamsTable params={params} />
      <h3>Aflite&rsquo;s answer</h3>
      <p>
        Status: <strong>{status ?? 'no answer'}</strong>
      </p>
      {body ? (
        <pre className="response-body" tabIndex={0} aria-label="Aflite's response body">
          {body}
        </pre>
      ) : (
        <p className="muted">The answer was empty.</p>
      )}
    </div>
  );
}
