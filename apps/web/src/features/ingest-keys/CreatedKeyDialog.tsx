import type { CreatedIngestKeyResponse } from '@goalpost/contracts';
import { CopyButton } from '../../components/CopyButton';
import { Dialog } from '../../components/Dialog';

/** The only time the full key is ever visible: Goalpost keeps just a hash of it. */
export function CreatedKeyDialog({ created, onClose }: { created: CreatedIngestKeyResponse; onClose: () => void }) {
  return (
    <Dialog
      title={`Ingest key “${created.name}” created`}
      onClose={onClose}
      footer={
        <button type="button" className="button button-primary" onClick={onClose}>
          I have stored the key
        </button>
      }
    >
      <div className="banner banner-warn" role="note">
        <strong>Copy this key now: it will not be shown again.</strong>
        <p>Goalpost stores only a fingerprint of it. If you lose it, revoke it and create a new one.</p>
      </div>
      <label htmlFor="created-ingest-key">Your new ingest key</label>
      <div className="input-with-button">
        <input id="created-ingest-key" className="cell-mono" readOnly value={created.key} onFocus={(e) => e.target.select()} />
        <CopyButton text={created.key} label="Copy key" className="button" />
      </div>
      <p className="field-hint">
        Use it as <code>Authorization: Bearer …</code> when your server sends conversions, or as <code>apikey</code> on the
        drop-in register goal address.
      </p>
    </Dialog>
  );
}
