import { useEffect, useState } from 'react';

interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy key". */
  label?: string;
  className?: string;
}

export function CopyButton({ text, label = 'Copy', className = 'button button-small' }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // Clipboard access needs HTTPS or localhost; the text stays selectable on the page.
      setState('failed');
    }
  };

  return (
    <>
      <button type="button" className={className} onClick={copy}>
        {label}
      </button>
      <span className="copy-status" role="status" aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text and copy it' : ''}
      </span>
    </>
  );
}
