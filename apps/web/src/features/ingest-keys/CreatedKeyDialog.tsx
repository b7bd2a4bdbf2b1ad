import type { CreatedIngestKeyResponse } from '@goalpost/contracts';
import { CopyButton } from '../../components/CopyButton';
import { Dialog } from '../../components/Dialog';
import './ingest-keys.css';

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
      {/* The whole width of the dialog, so the full key is visible to check against what was pasted. */}
      <input id="created-ingest-key" className="created-key" readOnly value={created.key} spellCheck={false} onFocus={(e) => e.target.select()} />
      <div className="created-key-actions">
        <CopyButton text={created.key} label="Copy key" className="button" />
      </div>
      <p className="field-hint">
        Use it as <code>Authorization: Bearer …</code> when your server sends conversions, or as <code>apikey</code> on the drop-in register goal address.
      </p>
    </Dialog>
  );
}
