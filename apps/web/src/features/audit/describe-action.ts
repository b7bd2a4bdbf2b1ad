/** Plain words for the api's action codes; an unknown code is shown as it is. */
const ACTIONS: Record<string, string> = {
  'settings.update': 'Changed settings',
  'settings.environment': 'Applied settings from the environment',
  'goal.create': 'Added a goal',
  'goal.update': 'Changed a goal',
  'ingest-key.create': 'Created an ingest key',
  'ingest-key.revoke': 'Revoked an ingest key',
  'delivery.resend': 'Re-sent deliveries',
  'resend-job.start': 'Re-sent all matching deliveries',
  'tracking.cross-site-clear': 'Cleared the cross-site clicks seen',
  'admin.setup': 'Created the admin account',
  'admin.password-change': 'Changed the admin password',
  'admin.password-reset': 'Reset the admin password from the command line',
  'session.sign-in': 'Signed in',
  'session.sign-out': 'Signed out',
};

export const describeAction = (action: string) => ACTIONS[action] ?? action;
