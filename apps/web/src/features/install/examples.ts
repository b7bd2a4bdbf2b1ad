import { AfliteParam, CLICK_SESSION_PARAM, CLICK_SOURCE_PARAM, CLICK_SOURCE_VALUE, REGISTER_GOAL_PATH } from '@goalpost/aflite/constants';

/** The first-party cookie Goalpost sets on a click; a backend on the same site can pass it on. */
export const CLICK_COOKIE = 'gp_click';
export const INGEST_KEY_PLACEHOLDER = 'YOUR_INGEST_KEY';

export interface ExampleContext {
  /** Goalpost's public address, no trailing slash. */
  base: string;
  /** An Aflite goal ID to show. */
  goalId: string;
}

export const browserGoalExample = ({ goalId }: ExampleContext) =>
  `<script>
  goalpost('goal', { goal: '${goalId}', mref: 'ORDER-1001', value: '24.99' });
</script>`;

export const consentExample = () => `// Once the visitor accepts tracking cookies:
goalpost('consent', true);`;

export const curlExample = ({ base, goalId }: ExampleContext) =>
  `curl -X POST '${base}/api/v1/conversions' \\
  -H 'Authorization: Bearer ${INGEST_KEY_PLACEHOLDER}' \\
  -H 'Content-Type: application/json' \\
  -d '{"goalId":"${goalId}","mref":"ORDER-1001","value":"24.99","clickSessionID":"CLICK_SESSION_ID"}'`;

export const nodeExample = ({ base, goalId }: ExampleContext) =>
  `// Node 18 or later, once the order is paid
const response = await fetch('${base}/api/v1/conversions', {
  method: 'POST',
  headers: {
    Authorization: 'Bearer ' + process.env.GOALPOST_INGEST_KEY, // ${INGEST_KEY_PLACEHOLDER}
    'Content-Type': 'application/json',
  },
  body: JSON.stringify({
    goalId: '${goalId}',
    mref: order.id, // unique for this goal: never reuse it
    value: order.total, // pounds, e.g. "24.99"
    clickCookie: request.cookies.${CLICK_COOKIE}, // or clickSessionID, if you stored it
  }),
});
if (!response.ok) {
  throw new Error('Goalpost answered ' + response.status + ': ' + (await response.text()));
}`;

export const phpExample = ({ base, goalId }: ExampleContext) =>
  `<?php
// Once the order is paid
$ch = curl_init('${base}/api/v1/conversions');
curl_setopt_array($ch, [
    CURLOPT_POST => true,
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_TIMEOUT => 10,
    CURLOPT_HTTPHEADER => [
        'Authorization: Bearer ' . getenv('GOALPOST_INGEST_KEY'), // ${INGEST_KEY_PLACEHOLDER}
        'Content-Type: application/json',
    ],
    CURLOPT_POSTFIELDS => json_encode([
        'goalId' => '${goalId}',
        'mref' => $order->id, // unique for this goal: never reuse it
        'value' => number_format($order->total, 2, '.', ''),
        'clickCookie' => $_COOKIE['${CLICK_COOKIE}'] ?? null, // or clickSessionID, if you stored it
    ]),
]);
$body = curl_exec($ch);
$status = curl_getinfo($ch, CURLINFO_HTTP_CODE);
curl_close($ch);`;

const clickQuery = `${CLICK_SOURCE_PARAM}=${CLICK_SOURCE_VALUE}&${CLICK_SESSION_PARAM}=CLICK_SESSION_ID`;

export const pixelExample = ({ base }: ExampleContext) => `<img src="${base}/t/click?${clickQuery.replace(/&/g, '&amp;')}" width="1" height="1" alt="">`;

export const redirectExample = ({ base }: ExampleContext) => `${base}/t/click?${clickQuery}&to=https%3A%2F%2Fwww.example.com%2Flanding-page`;

export const dropInExample = ({ base, goalId }: ExampleContext) => {
  const params = new URLSearchParams([
    [AfliteParam.apiKey, INGEST_KEY_PLACEHOLDER],
    [AfliteParam.goalId, goalId],
    [AfliteParam.merchantRef, 'ORDER-1001'],
    [AfliteParam.value, '24.99'],
    [AfliteParam.clickSessionId, 'CLICK_SESSION_ID'],
  ]);
  return `${base}${REGISTER_GOAL_PATH}?${params.toString()}`;
};
