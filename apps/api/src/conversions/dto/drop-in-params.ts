import { AfliteParam } from '@goalpost/aflite';
import { DomainError, DomainErrorCode } from '../../common/errors/domain-error';
import { CLICK_SESSION_PATTERN } from '../../clicks/dto/record-click.dto';
import { MREF_PATTERN } from './create-conversion.dto';

const TRUE = new Set(['1', 'true', 'yes', 'on']);

/** The drop-in endpoint's parameters, read under Aflite's names (from libs/aflite) and checked field by field. */
export class DropInParams {
  goalId: string;
  mref: string;
  value?: string;
  clickSessionId?: string;
  traceOnly: boolean;
  help: boolean;

  static from(raw: Record<string, unknown>): DropInParams {
    const text = (name: string): string | undefined => {
      const value = raw[name];
      if (value === undefined || value === null) return undefined;
      if (Array.isArray(value)) throw invalid(name, 'must be given once');
      if (typeof value !== 'string' && typeof value !== 'number') throw invalid(name, 'must be text');
      const trimmed = String(value).trim();
      return trimmed === '' ? undefined : trimmed;
    };
    const params = new DropInParams();
    params.help = TRUE.has((text(AfliteParam.help) ?? '').toLowerCase());
    params.traceOnly = TRUE.has((text(AfliteParam.traceOnly) ?? '').toLowerCase());
    if (params.help) return params;

    const goalId = text(AfliteParam.goalId);
    if (!goalId) throw invalid(AfliteParam.goalId, 'is required');
    if (goalId.length > 64) throw invalid(AfliteParam.goalId, 'must be at most 64 characters');
    const mref = text(AfliteParam.merchantRef);
    if (!mref) throw invalid(AfliteParam.merchantRef, 'is required');
    if (!MREF_PATTERN.test(mref)) throw invalid(AfliteParam.merchantRef, 'must be 1-128 characters without spaces, quotes or angle brackets');
    const clickSessionId = text(AfliteParam.clickSessionId);
    if (clickSessionId && !CLICK_SESSION_PATTERN.test(clickSessionId)) {
      throw invalid(AfliteParam.clickSessionId, 'must be 1-128 letters, digits or . _ ~ : @ ! $ * + = -');
    }
    Object.assign(params, { goalId, mref, clickSessionId, value: text(AfliteParam.value) });
    return params;
  }
}

function invalid(field: string, message: string): DomainError {
  return new DomainError(DomainErrorCode.InvalidValue, `${field}: ${message}`, field);
}
