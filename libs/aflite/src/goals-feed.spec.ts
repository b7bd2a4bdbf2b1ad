import { describe, expect, it } from 'vitest';
import { AfliteFeedError, classifyGoalsFeed, feedHoldsMref, parseGoalsFeed } from './goals-feed';

const SANDBOX_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<goals mref="ORDER-1"><goal><goalid>5</goalid><mref>ORDER-1</mref><value>10.99</value><commission>1.10</commission><clickSessionID>abc</clickSessionID><status>pending</status><date>2026-11-24T10:00:00Z</date></goal></goals>`;

const ORDER_1 = {
  merchantRef: 'ORDER-1',
  goalId: '5',
  value: '10.99',
  commission: '1.10',
  clickSessionId: 'abc',
  status: 'pending',
  date: '2026-11-24T10:00:00Z',
};

describe('parseGoalsFeed', () => {
  it('reads the sandbox feed', () => {
    expect(parseGoalsFeed(SANDBOX_FEED)).toEqual([ORDER_1]);
  });

  it.each(['', '   \n', '\uFEFF', '<goals mref="ORDER-1"/>', '<?xml version="1.0"?><goals></goals>'])('reads %j as no goals', (xml) => {
    expect(parseGoalsFeed(xml)).toEqual([]);
  });

  it('reads many goals and keeps values as written', () => {
    const xml = `<goals>
      <goal><goalid>05</goalid><mref>A</mref><value>10.90</value></goal>
      <goal><goalid>6</goalid><mref>B</mref><value>1</value></goal>
    </goals>`;
    expect(parseGoalsFeed(xml)).toEqual([
      { merchantRef: 'A', goalId: '05', value: '10.90' },
      { merchantRef: 'B', goalId: '6', value: '1' },
    ]);
  });

  it('ignores element-name case and separators, namespaces and a different root', () => {
    const xml = `<ns:Response xmlns:ns="urn:x"><ns:Data><ns:GOAL>
      <ns:Goal_ID>7</ns:Goal_ID><ns:MRef>X-1</ns:MRef><ns:Commission>0.50</ns:Commission>
      <ns:ClickSessionId>s1</ns:ClickSessionId><ns:State>approved</ns:State>
    </ns:GOAL></ns:Data></ns:Response>`;
    expect(parseGoalsFeed(xml)).toEqual([{ merchantRef: 'X-1', goalId: '7', commission: '0.50', clickSessionId: 's1', status: 'approved' }]);
  });

  it('reads attributes as fields', () => {
    const xml = `<feed><goal goalID="3" MREF="Z-9" value="2.00" status="paid" date="2026-01-01"/></feed>`;
    expect(parseGoalsFeed(xml)).toEqual([{ merchantRef: 'Z-9', goalId: '3', value: '2.00', status: 'paid', date: '2026-01-01' }]);
  });

  it('reads a single goal as the root element', () => {
    expect(parseGoalsFeed('<goal><mref>R</mref><value>1.00</value></goal>')).toEqual([{ merchantRef: 'R', value: '1.00' }]);
  });

  it('inherits the mref from the container when a goal omits it', () => {
    expect(parseGoalsFeed('<goals mref="ORDER-2"><goal><goalid>1</goalid></goal></goals>')).toEqual([{ merchantRef: 'ORDER-2', goalId: '1' }]);
    expect(parseGoalsFeed('<goals><goal><goalid>1</goalid></goal></goals>')).toEqual([{ merchantRef: '', goalId: '1' }]);
  });

  it('finds records under unknown names by their mref', () => {
    const xml = '<response><items><item><mref>Q</mref><amount>3.50</amount></item><entry mref="W"/></items></response>';
    expect(parseGoalsFeed(xml)).toEqual([{ merchantRef: 'Q', value: '3.50' }, { merchantRef: 'W' }]);
  });

  it('decodes entities and CDATA', () => {
    const xml = '<goals><goal><mref><![CDATA[A&B]]></mref><status>ok &amp; paid</status></goal></goals>';
    expect(parseGoalsFeed(xml)).toEqual([{ merchantRef: 'A&B', status: 'ok & paid' }]);
  });

  it('treats a goal status of failed as data, not a feed error', () => {
    expect(parseGoalsFeed('<goals><goal><mref>A</mref><status>failed</status></goal></goals>')).toEqual([{ merchantRef: 'A', status: 'failed' }]);
  });

  it.each([
    ['plain text', 'ERROR: invalid apikey', /not XML/],
    ['JSON', '{"goals":[]}', /not XML/],
    ['unclosed tag', '<goals><goal></goals>', /not well-formed/],
    ['trailing garbage', '<goals></goals>garbage', /not well-formed/],
    ['declaration only', '<?xml version="1.0"?>', /not well-formed/],
    ['truncated', '<goals><goal><mref>A</mref>', /not well-formed/],
    ['HTML page', '<html><body><p>Login</p></body></html>', /HTML page/],
    ['error root', '<error>invalid apikey</error>', /reports an error: invalid apikey/],
    ['empty error root', '<Errors/>', /reports an error: errors/],
    ['error status', '<response status="error"><message>bad key</message></response>', /reports an error: bad key/],
    ['error status child', '<response><status>failed</status></response>', /reports an error: failed/],
    ['error child', '<goals><error><code>1</code><text>denied</text></error></goals>', /reports an error: 1 denied/],
  ])('rejects %s', (_name, xml, message) => {
    expect(() => parseGoalsFeed(xml)).toThrow(AfliteFeedError);
    expect(() => parseGoalsFeed(xml)).toThrow(message);
  });

  it('names its error class', () => {
    try {
      parseGoalsFeed('nope');
    } catch (err) {
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).name).toBe('AfliteFeedError');
    }
    expect.assertions(2);
  });
});

describe('feedHoldsMref', () => {
  const goals = [{ merchantRef: 'ORDER-1' }, { merchantRef: 'ORDER-2' }];

  it.each([
    ['ORDER-1', true],
    [' order-2 ', true],
    ['ORDER-3', false],
    ['', false],
  ])('%j -> %s', (mref, held) => {
    expect(feedHoldsMref(goals, mref)).toBe(held);
  });

  it('is false for an empty feed', () => {
    expect(feedHoldsMref([], 'ORDER-1')).toBe(false);
  });

  it('counts a goal without an mref, since the feed was asked about this mref', () => {
    expect(feedHoldsMref([{ merchantRef: '' }], 'ORDER-1')).toBe(true);
  });
});

describe('classifyGoalsFeed', () => {
  const response = (status: number, body: string) => ({ status, headers: { 'content-type': 'application/xml' }, body });

  it('returns the goals of a 2xx feed', () => {
    expect(classifyGoalsFeed(response(200, SANDBOX_FEED))).toEqual({ ok: true, goals: [ORDER_1] });
  });

  it('returns no goals for an empty body', () => {
    expect(classifyGoalsFeed(response(200, ''))).toEqual({ ok: true, goals: [] });
  });

  it('is not ok for an unreadable 2xx body', () => {
    expect(classifyGoalsFeed(response(200, 'ERROR: invalid apikey'))).toEqual({
      ok: false,
      reason: 'goals feed is not XML: ERROR: invalid apikey',
    });
  });

  it.each([
    [403, 'ERROR: invalid apikey', 'HTTP 403: ERROR: invalid apikey'],
    [500, '', 'HTTP 500 (empty body)'],
    [302, '', 'HTTP 302 (empty body)'],
  ])('is not ok for HTTP %d', (status, body, reason) => {
    expect(classifyGoalsFeed(response(status, body))).toEqual({ ok: false, reason });
  });
});
