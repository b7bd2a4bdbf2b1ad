import { describe, expect, it, vi } from 'vitest';
import { installGoalpost } from './install-goalpost';
import { PENDING_KEY } from './pending-clicks';
import { BASE, fetchMock, goalpost, json, land, nextPage, sentIds, useFakePage } from './testing/fake-page';

useFakePage();

const stored = () => JSON.parse(sessionStorage.getItem(PENDING_KEY) || '[]') as { clickSessionID: string }[];
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

describe('a click post that fails', () => {
  it('is tried again on the page after a 503 and forgotten once it is recorded', async () => {
    vi.useFakeTimers();
    try {
      fetchMock.mockImplementationOnce(async () => json(503, { message: 'The database cannot take writes right now' }));
      land('/p/1?clickSource=aflite&clickSessionID=retry-503');
      installGoalpost({ base: BASE, consentRequired: false });
      await vi.waitFor(() => expect(stored().map((c) => c.clickSessionID)).toEqual(['retry-503']));
      expect(sentIds()).toEqual(['retry-503']);

      await vi.advanceTimersByTimeAsync(1_000);
      expect(sentIds()).toEqual(['retry-503', 'retry-503']);
      await vi.waitFor(() => expect(sessionStorage.getItem(PENDING_KEY)).toBeNull());

      await vi.advanceTimersByTimeAsync(60_000);
      expect(sentIds()).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('backs off while the network stays down, then waits for the next page, which sends it', async () => {
    vi.useFakeTimers();
    try {
      fetchMock.mockImplementation(offline);
      land('/p/1?clickSource=aflite&clickSessionID=offline');
      installGoalpost({ base: BASE, consentRequired: false });
      await vi.advanceTimersByTimeAsync(999);
      expect(sentIds()).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1 + 5_000 + 20_000);
      expect(sentIds()).toHaveLength(4);
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(sentIds()).toHaveLength(4);
      expect(stored().map((c) => c.clickSessionID)).toEqual(['offline']);
    } finally {
      vi.useRealTimers();
    }

    fetchMock.mockImplementation(async () => json(204, {}));
    nextPage('/cart');
    installGoalpost({ base: BASE, consentRequired: false });
    expect(sentIds()).toEqual(['offline', 'offline', 'offline', 'offline', 'offline']);
    await vi.waitFor(() => expect(sessionStorage.getItem(PENDING_KEY)).toBeNull());
  });

  it('is not sent again when the click itself was refused (4xx)', async () => {
    vi.useFakeTimers();
    try {
      fetchMock.mockImplementation(async () => json(400, { message: 'clickSessionID: must be at most 255 characters' }));
      land('/p/1?clickSource=aflite&clickSessionID=refused');
      installGoalpost({ base: BASE, consentRequired: false });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(sentIds()).toEqual(['refused']);
      expect(sessionStorage.getItem(PENDING_KEY)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('is dropped, stored copy included, when the visitor then refuses consent', async () => {
    vi.useFakeTimers();
    try {
      fetchMock.mockImplementation(offline);
      land('/p/1?clickSource=aflite&clickSessionID=then-refused');
      installGoalpost({ base: BASE, consentRequired: true });
      goalpost()('consent', true);
      await vi.waitFor(() => expect(stored()).toHaveLength(1));
      goalpost()('consent', false);
      expect(sessionStorage.getItem(PENDING_KEY)).toBeNull();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(sentIds()).toEqual(['then-refused']);
    } finally {
      vi.useRealTimers();
    }
  });
});
