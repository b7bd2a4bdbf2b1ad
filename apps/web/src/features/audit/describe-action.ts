/** Plain words for the api's action codes; an unknown code is shown as it is. */
const ACTIONS: Record<string, string> = {
  'settings.update': 'Changed settings',
  'goal.create': 'Added a goal',
  'goal.update': 'Changed a goal',
  'ingest-key.create': 'Created an ingest key',
  'ingest-key.revoke': 'Revoked an ingest key',
  'delivery.resend': 'Re-sent deliveries',
  'resend-job.start': 'Re-sent all matching deliveries',
  'admin.setup': 'Created the admin account',
  'session.sign-in': 'Signed in',
  'session.sign-out': 'Signed out',
};

export const describeAction = (action: string) => ACTIONS[action] ?? action;

/** Details as "field: value" pairs; nested values as compact JSON. */
export function describeDetails(details: Record<string, unknown>): string[] {
  return Object.entries(details).map(([key, value]) => {
    if (value === null || value === undefined) return `${key}: (none)`;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return `${key}: ${String(value)}`;
    if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return `${key}: ${value.join(', ') || '(none)'}`;
    if (!Array.isArray(value) && Object.values(value).every((item) => typeof item !== 'object')) {
      const pairs = Object.entries(value).map(([name, item]) => `${name} ${String(item)}`);
      return `${key}: ${pairs.join(', ') || '(none)'}`;
    }
    return `${key}: ${JSON.stringify(value)}`;
  });
}
