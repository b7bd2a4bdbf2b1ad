import type { DeliveryListItem, GoalResponse, SettingsResponse } from '@goalpost/contracts';

export const goal = (overrides: Partial<GoalResponse> = {}): GoalResponse => ({
  id: 1,
  afliteGoalId: '5',
  name: 'Sale',
  defaultValue: '10.00',
  maxBrowserValue: null,
  browserValueCap: '100.00',
  allowBrowser: false,
  enabled: true,
  createdAt: '2025-03-01T10:00:00.000Z',
  updatedAt: '2025-03-01T10:00:00.000Z',
  ...overrides,
});

export const delivery = (overrides: Partial<DeliveryListItem> = {}): DeliveryListItem => ({
  id: 41,
  goalId: '5',
  goalName: 'Sale',
  mref: 'ORDER-1001',
  value: '24.99',
  valueMinor: 2499,
  status: 'failed',
  attribution: 'explicit',
  clickSessionID: 'abc123',
  source: 'api',
  test: false,
  createdAt: '2025-03-02T12:03:00.000Z',
  deliveredAt: null,
  duplicate: false,
  attemptCount: 3,
  lastAttemptAt: '2025-03-02T12:10:00.000Z',
  lastError: 'Aflite answered 500',
  nextAttemptAt: null,
  ...overrides,
});

export const settings = (overrides: Partial<SettingsResponse> = {}): SettingsResponse => ({
  afliteApiKeySet: true,
  afliteApiKeyLast4: '1234',
  afliteMid: '77',
  afliteBaseUrl: 'http://aflite.co.uk',
  afliteMethod: 'GET',
  maxAttempts: 8,
  retryBaseSeconds: 30,
  retryMaxSeconds: 3600,
  attributionWindowDays: 30,
  cookieDomain: null,
  allowedOrigins: ['https://www.example.com'],
  redirectHosts: [],
  publicUrl: 'https://track.example.com',
  ...overrides,
});
