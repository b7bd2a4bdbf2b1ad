import { buildGoalsFeedRequest, buildRegisterGoalRequest, type AfliteRequest } from '@goalpost/aflite';
import type { Settings } from '../../settings/settings.types';
import { describeAttempt } from '../aflite-call';
import type { ClaimedDelivery, NewAttempt } from '../delivery.repository';

/** A call about to leave, with the in-flight attempt row that is committed before it does. */
export interface PlannedCall {
  kind: 'reconcile' | 'send';
  req: AfliteRequest;
  attempt: NewAttempt;
}

export type PlannedSend = PlannedCall & { kind: 'send' };

/**
 * The first call a claimed delivery makes: a goals-feed check when an earlier send may have landed (unless a
 * forced re-send skips it), else a send. None while Aflite is not configured: the delivery is postponed.
 */
export function planFirstCall(claimed: ClaimedDelivery, settings: Settings, startedAt: number): PlannedCall | null {
  if (!settings.afliteApiKey || !settings.afliteMid) return null;
  const { delivery, conversion } = claimed;
  if (delivery.needsReconcile && !delivery.forceSend) {
    const req = buildGoalsFeedRequest(settings.afliteBaseUrl, { apiKey: settings.afliteApiKey, merchantRef: conversion.mref }, settings.afliteMethod);
    return {
      kind: 'reconcile',
      req,
      attempt: describeAttempt(req, { conversionId: conversion.id, kind: 'reconcile', trigger: delivery.nextTrigger }, startedAt),
    };
  }
  return planSend(claimed, settings, startedAt);
}

/** The register-goal call for a delivery: its first call, or the one after the goals feed said "not held". */
export function planSend({ delivery, conversion }: ClaimedDelivery, settings: Settings, startedAt: number): PlannedSend {
  const req = buildRegisterGoalRequest(
    settings.afliteBaseUrl,
    {
      apiKey: settings.afliteApiKey ?? '',
      merchantId: settings.afliteMid ?? '',
      clickSessionId: conversion.clickSessionId ?? '',
      goalId: conversion.afliteGoalId,
      merchantRef: conversion.mref,
      valueMinor: conversion.valueMinor,
    },
    settings.afliteMethod,
  );
  return { kind: 'send', req, attempt: describeAttempt(req, { conversionId: conversion.id, kind: 'send', trigger: delivery.nextTrigger }, startedAt) };
}
