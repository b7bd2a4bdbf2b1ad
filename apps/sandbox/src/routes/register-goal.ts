import type { FastifyInstance } from 'fastify';
import { AfliteParam, REGISTER_GOAL_PATH } from '@goalpost/aflite';
import { VALUE_PATTERN } from '../money';
import type { GoalMethod, RecordedGoal, SandboxState } from '../state';
import { type Answer, serveAfliteEndpoint, text } from './aflite-endpoint';

export interface Credentials {
  apiKey: string;
  merchantId: string;
}

const REQUIRED = [AfliteParam.clickSessionId, AfliteParam.goalId, AfliteParam.merchantRef, AfliteParam.value] as const;

export const REGISTER_HELP = [
  `${REGISTER_GOAL_PATH} - register a goal (GET, or POST application/x-www-form-urlencoded)`,
  '',
  `  ${AfliteParam.apiKey}          your API key (required)`,
  `  ${AfliteParam.merchantId}             your merchant ID (required)`,
  `  ${AfliteParam.clickSessionId}  the clickSessionID appended to the affiliate's landing URL (required)`,
  `  ${AfliteParam.goalId}          the goal ID set up for your programme (required)`,
  `  ${AfliteParam.merchantRef}            your unique reference for this goal, e.g. the order number (required;`,
  '                  sending an mref again puts the goal in error and notifies affiliates)',
  `  ${AfliteParam.value}           the sale value, e.g. 10.99 (required)`,
  `  ${AfliteParam.traceOnly}       1 = test only: shown in the Trace Report, not recorded`,
  `  ${AfliteParam.help}            1 = show this help`,
  '',
].join('\n');

export function registerGoalAnswer(state: SandboxState, credentials: Credentials, params: Record<string, string>, method: GoalMethod): Answer {
  if (params[AfliteParam.apiKey] !== credentials.apiKey) return text(403, 'ERROR: invalid apikey');
  if (params[AfliteParam.merchantId] !== credentials.merchantId) return text(403, 'ERROR: invalid mid');
  if (params[AfliteParam.help] === '1') return text(200, REGISTER_HELP);

  const missing = REQUIRED.find((name) => !params[name]);
  if (missing !== undefined) return text(400, `ERROR: missing parameter ${missing}`);
  if (!VALUE_PATTERN.test(params[AfliteParam.value])) return text(400, 'ERROR: invalid value');

  const mref = params[AfliteParam.merchantRef];
  const goal: RecordedGoal = {
    mref,
    goalId: params[AfliteParam.goalId],
    value: params[AfliteParam.value],
    clickSessionId: params[AfliteParam.clickSessionId],
    merchantId: params[AfliteParam.merchantId],
    method,
    receivedAt: new Date().toISOString(),
  };
  if (params[AfliteParam.traceOnly] === '1') {
    state.recordTrace(goal);
    return text(200, `OK trace recorded (not registered) mref=${mref}`);
  }
  if (state.registerGoal(goal) === 'duplicate') {
    return text(200, `ERROR: duplicate mref ${mref} - goal recorded in error`);
  }
  return text(200, `OK goal registered mref=${mref}`);
}

export function registerGoalRoutes(app: FastifyInstance, state: SandboxState, credentials: Credentials): void {
  serveAfliteEndpoint(app, state, {
    url: REGISTER_GOAL_PATH,
    fault: 'register',
    counter: (params) => (params[AfliteParam.help] === '1' ? 'help' : 'register'),
    answer: (params, method) => registerGoalAnswer(state, credentials, params, method),
  });
}
