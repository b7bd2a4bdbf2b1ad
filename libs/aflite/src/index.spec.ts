import { describe, expect, it } from 'vitest';
import * as aflite from './index';

describe('public API', () => {
  it('holds the protocol constants', () => {
    expect(aflite.AFLITE_DEFAULT_BASE_URL).toBe('http://aflite.co.uk');
    expect(aflite.REGISTER_GOAL_PATH).toBe('/data/register/goal');
    expect(aflite.GOALS_FEED_PATH).toBe('/data/goals');
    expect(aflite.AfliteParam).toEqual({
      apiKey: 'apikey',
      merchantId: 'mid',
      clickSessionId: 'clickSessionID',
      goalId: 'goalid',
      merchantRef: 'mref',
      value: 'value',
      traceOnly: 'traceOnly',
      help: 'help',
    });
    expect(aflite.CLICK_SOURCE_PARAM).toBe('clickSource');
    expect(aflite.CLICK_SOURCE_VALUE).toBe('aflite');
    expect(aflite.CLICK_SESSION_PARAM).toBe('clickSessionID');
  });

  it.each([
    'buildRegisterGoalRequest',
    'buildGoalsFeedRequest',
    'buildHelpRequest',
    'redactRequest',
    'formatValue',
    'parseValueToMinor',
    'classifyRegisterGoal',
    'describeNetworkError',
    'isSentBeforeFailure',
    'parseGoalsFeed',
    'feedHoldsMref',
    'classifyGoalsFeed',
    'parseRetryAfter',
    'AfliteFeedError',
  ] as const)('exports %s', (name) => {
    expect(typeof aflite[name]).toBe('function');
  });
});
