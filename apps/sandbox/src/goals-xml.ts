import { commissionFor, normalizeValue } from './money';
import type { RecordedGoal } from './state';

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export const escapeXml = (value: string): string => value.replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);

/** Every recorded goal is still awaiting validation, as a merchant would see it straight after a sale. */
const GOAL_STATUS = 'pending';

function goalXml(goal: RecordedGoal): string {
  const fields: Array<[string, string]> = [
    ['goalid', goal.goalId],
    ['mref', goal.mref],
    ['value', normalizeValue(goal.value)],
    ['commission', commissionFor(goal.value)],
    ['clickSessionID', goal.clickSessionId],
    ['status', GOAL_STATUS],
    ['date', goal.receivedAt],
  ];
  return `<goal>${fields.map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`).join('')}</goal>`;
}

export function goalsFeedXml(mref: string, goals: RecordedGoal[]): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  const attr = `mref="${escapeXml(mref)}"`;
  if (goals.length === 0) return `${head}<goals ${attr}/>`;
  return `${head}<goals ${attr}>${goals.map(goalXml).join('')}</goals>`;
}
