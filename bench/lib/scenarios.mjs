// What is sent. Every request carries fresh ids (a new clickSessionID per click, a new mref per conversion),
// so every success is a new row and the row count can be checked against the acknowledgements.

const LANDING = 'https://shop.example/products/42-walnut-desk?utm_source=affiliate&clickSource=aflite&clickSessionID=';
const REFERRER = 'https://affiliate.example/blog/best-desks-2025';

export const SCENARIOS = {
  click: {
    id: 'click',
    title: 'click capture',
    method: 'POST',
    path: '/t/clicks',
    /** The status that means "a new row was committed". */
    createdStatus: 204,
    table: 'clicks',
    aim: 0.5,
    headers: () => ({ 'content-type': 'application/json' }),
    body: (ids) => {
      const id = ids.nextClick();
      return JSON.stringify({ clickSource: 'aflite', clickSessionID: id, landingUrl: LANDING + id, referrer: REFERRER });
    },
  },
  conversion: {
    id: 'conversion',
    title: 'conversion ingest',
    method: 'POST',
    path: '/api/v1/conversions',
    createdStatus: 201,
    table: 'conversions',
    aim: 0.25,
    headers: (target) => ({ 'content-type': 'application/json', authorization: `Bearer ${target.ingestKey}` }),
    body: (ids) => JSON.stringify({ goalId: '5', mref: ids.nextMref(), value: '12.50', clickSessionID: ids.knownClick() }),
  },
  /** Diagnostic, not an aim: the same framework path with no body, no validation and no database. */
  static: {
    id: 'static',
    title: 'GET /t/goalpost.js (framework floor)',
    method: 'GET',
    path: '/t/goalpost.js',
    createdStatus: null,
    table: null,
    aim: null,
    headers: () => ({}),
    body: null,
  },
};

/** Unique ids for one target; conversions point at clicks this target has already acknowledged. */
export function idSource(tag) {
  let clicks = 0;
  let mrefs = 0;
  let knownClicks = 0;
  let cursor = 0;
  return {
    nextClick: () => `${tag}-c${clicks++}`,
    nextMref: () => `${tag}-m${mrefs++}`,
    knownClick: () => (knownClicks === 0 ? `${tag}-x${cursor++}` : `${tag}-c${cursor++ % knownClicks}`),
    /** n clicks were acknowledged: ids below n are (all but the last in-flight few) stored clicks. */
    setKnownClicks: (n) => (knownClicks = n),
  };
}
