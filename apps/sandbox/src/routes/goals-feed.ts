import type { FastifyInstance } from 'fastify';
import { AfliteParam, GOALS_FEED_PATH } from '@goalpost/aflite';
import { goalsFeedXml } from '../goals-xml';
import type { SandboxState } from '../state';
import { type Answer, serveAfliteEndpoint, text } from './aflite-endpoint';

export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

export function goalsFeedAnswer(state: SandboxState, apiKey: string, params: Record<string, string>): Answer {
  if (params[AfliteParam.apiKey] !== apiKey) return text(403, 'ERROR: invalid apikey');
  const mref = params[AfliteParam.merchantRef];
  if (!mref) return text(400, `ERROR: missing parameter ${AfliteParam.merchantRef}`);
  return { status: 200, body: goalsFeedXml(mref, state.goalsFor(mref)), contentType: XML_CONTENT_TYPE };
}

export function goalsFeedRoutes(app: FastifyInstance, state: SandboxState, apiKey: string): void {
  serveAfliteEndpoint(app, state, {
    url: GOALS_FEED_PATH,
    fault: 'goals',
    counter: () => 'goals',
    answer: (params) => goalsFeedAnswer(state, apiKey, params),
  });
}
