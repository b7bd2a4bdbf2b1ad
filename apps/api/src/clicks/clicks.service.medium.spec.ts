import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type TestApp } from '../../test/support/test-app';
import { Db } from '../database/db.service';
import { ClickEntity } from './click.entity';
import { ClickTokenEntity } from './click-token.entity';
import { ClicksService } from './clicks.service';

describe('click capture batches', () => {
  let t: TestApp;
  let clicks: ClicksService;

  beforeAll(async () => {
    t = await bootApp();
    clicks = t.app.get(ClicksService);
  });
  afterAll(() => t.close());

  it('merges repeats of a clickSessionID within a batch and answers each with the committed row and a token of its own', async () => {
    await clicks.record({ clickSessionId: 'cs-seen', via: 'snippet', landingUrl: 'https://shop.example/a' });
    // The first record commits alone; the rest queue behind it and commit as one batch.
    const ids = ['cs-first', 'cs-a', 'cs-b', 'cs-a', 'cs-seen', 'cs-a', 'cs-seen'];
    const answered = await Promise.all(
      ids.map((clickSessionId, i) => clicks.record({ clickSessionId, via: 'pixel', landingUrl: `https://shop.example/${i}` })),
    );

    expect(answered.map((c) => c.clickSessionID)).toEqual(ids);
    // How the requests fall into batches depends on the dialect (PostgreSQL overlaps two); what is stored does not.
    const a = answered.filter((c) => c.clickSessionID === 'cs-a');
    expect(new Set(a.map((c) => c.id)).size).toBe(1);
    expect(await clicks.findBySessionId('cs-a')).toMatchObject({ hits: 3, via: 'pixel' });
    expect(answered[2]).toMatchObject({ clickSessionID: 'cs-b', hits: 1 });
    // An existing click keeps its first landing, first token and first-seen time and counts every hit.
    const seen = await clicks.findBySessionId('cs-seen');
    expect(seen).toMatchObject({ hits: 3, landingUrl: 'https://shop.example/a', via: 'snippet' });
    expect(answered[4]).toMatchObject({ id: seen?.id });
    expect(answered[4].cookieValue).not.toBe(seen?.token);
    expect(Math.max(answered[4].hits, answered[6].hits)).toBe(3);
    expect(seen?.lastSeenAt).toBeGreaterThanOrEqual(seen?.firstSeenAt ?? Number.POSITIVE_INFINITY);

    expect(await t.app.get(Db).manager.count(ClickEntity)).toBe(4);
    // Every hit, repeats too, got a token of its own, and each one leads back to its click.
    expect(new Set(answered.map((c) => c.cookieValue)).size).toBe(ids.length);
    for (const answer of answered) expect((await clicks.findByToken(answer.cookieValue))?.id).toBe(answer.id);
    expect(await t.app.get(Db).manager.count(ClickTokenEntity)).toBe(ids.length + 1);
  });

  it('gives a browser back the token it holds for the same click, and a fresh one for any other', async () => {
    const first = await clicks.record({ clickSessionId: 'cs-held', via: 'snippet' });
    const again = await clicks.record({ clickSessionId: 'cs-held', via: 'snippet', presentedToken: first.cookieValue });
    expect(again.cookieValue).toBe(first.cookieValue);

    const other = await clicks.record({ clickSessionId: 'cs-other', via: 'snippet', presentedToken: first.cookieValue });
    expect(other.cookieValue).not.toBe(first.cookieValue);
    const forged = await clicks.record({ clickSessionId: 'cs-held', via: 'snippet', presentedToken: 'not-a-token-anyone-holds' });
    expect(forged.cookieValue).not.toBe('not-a-token-anyone-holds');
    expect(forged.cookieValue).not.toBe(first.cookieValue);
    expect((await clicks.findByToken(forged.cookieValue))?.clickSessionId).toBe('cs-held');
  });
});
