import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../lib/format';
import { describeDetails } from './describe-details';

describe('describeDetails', () => {
  it('labels a new goal like the goal form and leaves out the bookkeeping fields', () => {
    const lines = describeDetails({
      id: 1,
      afliteGoalId: '5',
      name: 'Sale',
      defaultValue: '10.00',
      allowBrowser: false,
      enabled: true,
      createdAt: '2026-11-24T02:25:22.484Z',
      updatedAt: '2026-11-24T02:25:22.484Z',
    });
    expect(lines).toEqual([
      { label: 'Aflite goal ID', value: '5' },
      { label: 'Name', value: 'Sale' },
      { label: 'Default value', value: '£10.00' },
      { label: 'Allowed from the browser', value: 'no' },
      { label: 'Enabled', value: 'yes' },
    ]);
  });

  it('words settings changes with their units and never shows the key', () => {
    expect(
      describeDetails({ afliteApiKey: '(changed)', retryBaseSeconds: 1, retryMaxSeconds: 30, allowedOrigins: ['https://a.example', 'https://b.example'] }),
    ).toEqual([
      { label: 'Aflite API key', value: 'changed' },
      { label: 'First wait', value: '1 second' },
      { label: 'Longest wait', value: '30 seconds' },
      { label: 'Allowed origins', value: 'https://a.example, https://b.example' },
    ]);
  });

  it('shows what the environment changed at start as before → after, the key only masked', () => {
    expect(
      describeDetails({
        afliteBaseUrl: { from: 'http://aflite.co.uk', to: 'http://127.0.0.1:4010' },
        afliteApiKey: { from: null, to: '••••9876' },
        retryBaseSeconds: { from: 30, to: 2 },
        redirectHosts: { from: [], to: ['shop.example'] },
      }),
    ).toEqual([
      { label: 'Aflite address', value: 'http://aflite.co.uk → http://127.0.0.1:4010' },
      { label: 'Aflite API key', value: 'none → ••••9876' },
      { label: 'First wait', value: '30 seconds → 2 seconds' },
      { label: 'Redirect hosts', value: 'none → shop.example' },
    ]);
  });

  it('describes a re-send filter in words and formats dates anywhere', () => {
    const from = '2026-11-01T00:00:00.000Z';
    expect(describeDetails({ filter: { status: 'failed', from, q: 'BULK-1' }, force: false, total: 20 })).toEqual([
      { label: 'Filters', value: `status Failed, created from ${formatDateTime(from)}, matching “BULK-1”` },
      { label: 'Skipped the Aflite check', value: 'no' },
      { label: 'Matching', value: '20' },
    ]);
    expect(describeDetails({ expiresAt: from })).toEqual([{ label: 'Expires at', value: formatDateTime(from, { seconds: true }) }]);
  });
});
