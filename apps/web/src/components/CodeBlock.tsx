import { CopyButton } from './CopyButton';

interface CodeBlockProps {
  code: string;
  /** Names the block for the copy button, e.g. "snippet" → "Copy snippet". */
  name: string;
}

export function CodeBlock({ code, name }: CodeBlockProps) {
  return (
    <div className="code-block">
      <pre tabIndex={0} aria-label={name}>
        <code>{code}</code>
      </pre>
      <div className="code-block-actions">
        <CopyButton text={code} label={`Copy ${name}`} />
      </div>
    </div>
  );
}
