export const AFLITE_DEFAULT_BASE_URL = 'http://aflite.co.uk';
export const REGISTER_GOAL_PATH = '/data/register/goal';
export const GOALS_FEED_PATH = '/data/goals';

/** Aflite's own parameter names; the drop-in proxy accepts exactly these. */
export const AfliteParam = {
  apiKey: 'apikey',
  merchantId: 'mid',
  clickSessionId: 'clickSessionID',
  goalId: 'goalid',
  merchantRef: 'mref',
  value: 'value',
  traceOnly: 'traceOnly',
  help: 'help',
} as const;

export type AfliteParamName = (typeof AfliteParam)[keyof typeof AfliteParam];

/** Appended by Aflite to every landing URL when the merchant enables "Append Variables". */
export const CLICK_SOURCE_PARAM = 'clickSource';
export const CLICK_SOURCE_VALUE = 'aflite';
export const CLICK_SESSION_PARAM = 'clickSessionID';

export const USER_AGENT = 'Goalpost/0.1';
// Aflite's answers are undocumented: plain text is what it has been seen to send, the feed is XML.
export const ACCEPT_HEADER = 'text/plain, application/xml;q=0.9, */*;q=0.5';
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
