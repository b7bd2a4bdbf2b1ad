import { useId } from 'react';

/** The one risky switch on a re-send, with what it costs spelled out. */
export function ForceOption({ checked, onChange }: { checked: boolean; onChange: (force: boolean) => void }) {
  const id = useId();
  return (
    <div className="check-field">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-hint`} />
      <div>
        <label htmlFor={id}>Force: skip the Aflite check</label>
        <p className="field-hint" id={`${id}-hint`}>
          Normally Goalpost first asks Aflite whether it already has each order reference and marks those delivered instead of sending them twice. Forcing skips
          that check: use it only when the check itself fails. If Aflite already had the reference, the goal goes into error and its affiliates are told of a
          tracking problem.
        </p>
      </div>
    </div>
  );
}
