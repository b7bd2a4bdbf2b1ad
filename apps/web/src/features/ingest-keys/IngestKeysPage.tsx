import type { IngestKeyResponse } from '@goalpost/contracts';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { Badge } from '../../components/Badge';
import { Dialog } from '../../components/Dialog';
import { FormField } from '../../components/FormField';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, InlineError, Loading } from '../../components/QueryStates';
import { formatDateTime } from '../../lib/format';
import { CreatedKeyDialog } from './CreatedKeyDialog';
import { useCreateIngestKey, useIngestKeys, useRevokeIngestKey } from './hooks';

export function IngestKeysPage() {
  const keys = useIngestKeys();
  const [revoking, setRevoking] = useState<IngestKeyResponse | null>(null);
  return (
    <>
      <PageHeader
        title="Ingest keys"
        description="Keys your own servers use to send clicks and conversions to Goalpost. Use one per system so you can revoke it alone."
      />
      <CreateKeyForm />
      <h2>Your keys</h2>
      {keys.isPending ? (
        <Loading label="Loading keys…" />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <EmptyState title="No ingest keys yet">
          <p>Create one above for each system that sends conversions.</p>
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="table table-cards">
            <caption className="visually-hidden">Ingest keys</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
                <tr key={key.id} className={key.revokedAt ? 'is-disabled' : undefined}>
                  <th scope="row" className="cell-primary">
                    {key.name}
                  </th>
                  <td className="cell-mono" data-label="Key starts with">
                    {key.prefix}…
                  </td>
                  <td className="cell-nowrap" data-label="Created">
                    {formatDateTime(key.createdAt)}
                  </td>
                  <td className="cell-nowrap" data-label="Last used">
                    {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}
                  </td>
                  <td data-label="Status">
                    {key.revokedAt ? <Badge tone="neutral">Revoked {formatDateTime(key.revokedAt)}</Badge> : <Badge tone="good">Active</Badge>}
                  </td>
                  <td className="cell-actions">
                    {key.revokedAt ? null : (
                      <button type="button" className="button button-small button-danger" onClick={() => setRevoking(key)} aria-label={`Revoke ${key.name}`}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {revoking ? <RevokeDialog ingestKey={revoking} onClose={() => setRevoking(null)} /> : null}
    </>
  );
}

function CreateKeyForm() {
  const [name, setName] = useState('');
  const create = useCreateIngestKey();
  const apiError = create.error instanceof ApiError ? create.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  return (
    <section className="panel" aria-labelledby="create-key-heading">
      <h2 id="create-key-heading">Create a key</h2>
      <form className="form form-inline" onSubmit={submit} noValidate>
        <FormField id="ingest-key-name" label="Key name" hint="Where it will be used, e.g. Shop checkout server." error={apiError?.fieldMessage('name')}>
          {(control) => <input {...control} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />}
        </FormField>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create key'}
        </button>
      </form>
      <InlineError error={apiError?.fields.length ? null : create.error} />
      {create.data ? <CreatedKeyDialog created={create.data} onClose={() => create.reset()} /> : null}
    </section>
  );
}

function RevokeDialog({ ingestKey, onClose }: { ingestKey: IngestKeyResponse; onClose: () => void }) {
  const revoke = useRevokeIngestKey();
  return (
    <Dialog
      title={`Revoke “${ingestKey.name}”?`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate(ingestKey.id, { onSuccess: onClose })}
          >
            {revoke.isPending ? 'Revoking…' : 'Revoke key'}
          </button>
        </>
      }
    >
      <p>
        Anything still using the key starting <code>{ingestKey.prefix}</code> is refused from now on. This cannot be undone.
      </p>
      <InlineError error={revoke.error} />
    </Dialog>
  );
}
