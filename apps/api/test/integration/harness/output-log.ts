/** Everything the child processes printed, in order, so a failing test can show what the servers said. */
export class OutputLog {
  private readonly lines: string[] = [];
  private readonly listeners = new Set<(line: string) => void>();

  add(line: string): void {
    this.lines.push(line);
    for (const listener of this.listeners) listener(line);
  }

  subscribe(listener: (line: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A position to read from later, e.g. taken when a test starts. */
  mark(): number {
    return this.lines.length;
  }

  since(mark: number, maxLines = 300): string {
    const lines = this.lines.slice(mark);
    if (lines.length === 0) return '(nothing was printed)';
    const cut = lines.length - maxLines;
    return (cut > 0 ? [`… ${cut} earlier lines left out`, ...lines.slice(cut)] : lines).join('\n');
  }
}
