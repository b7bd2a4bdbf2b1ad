export {
  AFLITE_DEFAULT_BASE_URL,
  REGISTER_GOAL_PATH,
  GOALS_FEED_PATH,
  AfliteParam,
  CLICK_SOURCE_PARAM,
  CLICK_SOURCE_VALUE,
  CLICK_SESSION_PARAM,
  USER_AGENT,
  ACCEPT_HEADER,
  type AfliteParamName,
} from './constants';
export { formatValue, parseValueToMinor, MAX_VALUE_MINOR } from './money';
export {
  buildRegisterGoalRequest,
  buildGoalsFeedRequest,
  buildHelpRequest,
  joinUrl,
  type AfliteMethod,
  type AfliteRequest,
  type RegisterGoalInput,
} from './request';
export { redactRequest, redactUrl, redactText, maskSecret, scrubSecret, type RedactedRequest } from './redact';
export {
  redactAnswer,
  redactResponse,
  redactFailure,
  keptHeaders,
  KEPT_RESPONSE_HEADERS,
  MAX_BODY_LENGTH,
  MAX_HEADER_LENGTH,
  type AfliteAnswer,
  type RawAfliteAnswer,
  type RawAfliteResponse,
} from './redact-answer';
export { parseRetryAfter, MAX_RETRY_AFTER_MS } from './retry-after';
export { describeNetworkError, isSentBeforeFailure, type NetworkFailure } from './network-error';
export { classifyRegisterGoal, type AfliteResponse, type Classification, type DeliveryOutcome, type RegisterGoalResult } from './classify';
export { parseGoalsFeed, feedHoldsMref, classifyGoalsFeed, AfliteFeedError, type AfliteGoalRecord } from './goals-feed';
