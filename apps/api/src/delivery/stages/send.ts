import { Injectable } from '@nestjs/common';
import { classifyGoalsFeed, classifyRegisterGoal, feedHoldsMref, type Classification } from '@goalpost/aflite';
import { AfliteCall, type AnswerColumns } from '../aflite-call';
import type { AfliteCallResult } from '../aflite-client';
import type { PlannedCall, PlannedSend } from './plan-first-call';

/** What the goals feed says about one mref. */
export type FeedCheck = { result: 'held' } | { result: 'not-held' } | { result: 'failed'; reason: string };

/** Aflite's answer to one call (key already redacted by the client), read by libs/aflite's classifiers. */
export type CallAnswer = SendAnswer | { kind: 'reconcile'; feed: FeedCheck };
export type SendAnswer = { kind: 'send'; verdict: Classification };

export interface SentCall<A extends CallAnswer = CallAnswer> {
  attemptId: number;
  columns: AnswerColumns;
  answer: A;
}

type Recorded<C extends PlannedCall> = C & { attemptId: number };

/** Sends a call whose in-flight attempt is committed and reads Aflite's answer. */
@Injectable()
export class SendStage {
  constructor(private readonly call: AfliteCall) {}

  run(call: Recorded<PlannedSend>, merchantRef: string): Promise<SentCall<SendAnswer>>;
  run(call: Recorded<PlannedCall>, merchantRef: string): Promise<SentCall>;
  async run(call: Recorded<PlannedCall>, merchantRef: string): Promise<SentCall> {
    const { attemptId, result, answer } = await this.call.send(call.req, call.attemptId);
    return { attemptId, columns: answer, answer: readAnswer(call.kind, result, merchantRef) };
  }
}

export function readAnswer(kind: PlannedCall['kind'], result: AfliteCallResult, merchantRef: string): CallAnswer {
  if (kind === 'send') return { kind, verdict: classifySend(result, merchantRef) };
  return { kind, feed: checkFeed(result, merchantRef) };
}

/**
 * A register-goal answer read with the mref it was about, as the trace page reads stored ones: words inside
 * the merchant's own reference ("DUPLICATE-ORDER-7") are not taken for Aflite's verdict.
 */
export function classifySend(result: AfliteCallResult, merchantRef: string): Classification {
  return classifyRegisterGoal({ ...result, merchantRef });
}

function checkFeed(result: AfliteCallResult, merchantRef: string): FeedCheck {
  if ('error' in result) return { result: 'failed', reason: `${result.error.code}${result.error.message ? `: ${result.error.message}` : ''}` };
  const feed = classifyGoalsFeed(result.response);
  if (!feed.ok) return { result: 'failed', reason: feed.reason };
  return { result: feedHoldsMref(feed.goals, merchantRef) ? 'held' : 'not-held' };
}
