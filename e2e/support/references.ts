/**
 * Order references and click IDs unique to this run, so assertions on the sandbox report and on searches
 * only ever see what this run sent. Prefix search on the dashboard finds a whole batch by its prefix.
 */
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();
let counter = 0;

export function uniqueRef(prefix: string): string {
  counter += 1;
  return `${prefix}-${RUN}-${counter}`;
}
