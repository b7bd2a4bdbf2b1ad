import type { ApiFieldError } from '@goalpost/contracts';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { fieldErrors, validationFailed } from '../common/validation';
import { SettingsUpdateDto } from './dto/settings-update.dto';
import { ENVIRONMENT_VARIABLES } from './environment-settings';
import { FIELD_OF, normalizeBaseUrl, normalizeCookieDomain, normalizeHosts, normalizeOrigins } from './settings-fields';
import type { SettingKey, Settings } from './settings.types';

/**
 * Checks a settings change as a whole, so the dashboard can show every problem at once: each field on its
 * own, then the rules between fields and against what is stored. Throws one 400 listing them all; answers
 * the change in stored form otherwise.
 */
export async function checkSettingsUpdate(body: unknown, current: Settings, fromEnvironment: Partial<Settings>): Promise<Partial<Settings>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationFailed([{ field: 'body', message: 'body must be a JSON object of settings' }]);
  }
  const dto = plainToInstance(SettingsUpdateDto, body);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  const problems = fieldErrors(errors.map(typeErrorFirst));
  const invalid = new Set(problems.map((p) => p.field.split('.')[0]));
  const patch = toPatch(dto, invalid);
  problems.push(...environmentProblems(patch, fromEnvironment));
  const flagged = new Set(problems.map((p) => p.field.split('.')[0]));
  problems.push(...retryProblems(dto, patch, current, flagged), ...merchantIdProblems(patch, current, flagged));
  if (problems.length) throw validationFailed(problems);
  return patch;
}

/** A value of the wrong type breaks every rule of its field: saying it is not a number (or text) is enough. */
function typeErrorFirst(error: ValidationError): ValidationError {
  const type = TYPE_CONSTRAINTS.find((name) => error.constraints?.[name]);
  return type && error.constraints ? { ...error, constraints: { [type]: error.constraints[type] } } : error;
}

const TYPE_CONSTRAINTS = ['isInt', 'isString'];

function toPatch(dto: SettingsUpdateDto, invalid: ReadonlySet<string>): Partial<Settings> {
  const has = (field: keyof SettingsUpdateDto) => dto[field] !== undefined && !invalid.has(field);
  const patch: Partial<Settings> = {};
  if (has('afliteApiKey')) patch.afliteApiKey = dto.afliteApiKey || null;
  if (has('afliteMid')) patch.afliteMid = dto.afliteMid || null;
  if (has('afliteBaseUrl')) patch.afliteBaseUrl = normalizeBaseUrl(dto.afliteBaseUrl ?? '');
  if (has('afliteMethod')) patch.afliteMethod = dto.afliteMethod;
  if (has('maxAttempts')) patch.maxAttempts = dto.maxAttempts;
  if (has('retryBaseSeconds')) patch.retryBaseMs = (dto.retryBaseSeconds ?? 0) * 1000;
  if (has('retryMaxSeconds')) patch.retryMaxMs = (dto.retryMaxSeconds ?? 0) * 1000;
  if (has('attributionWindowDays')) patch.attributionWindowDays = dto.attributionWindowDays;
  if (has('cookieDomain')) patch.cookieDomain = normalizeCookieDomain(dto.cookieDomain ?? null);
  if (has('allowedOrigins')) patch.allowedOrigins = normalizeOrigins(dto.allowedOrigins ?? []);
  if (has('redirectHosts')) patch.redirectHosts = normalizeHosts(dto.redirectHosts ?? []);
  return patch;
}

/** The environment's values are applied at every start: a change here would be undone by the next one, so it is refused. */
function environmentProblems(patch: Partial<Settings>, fromEnvironment: Partial<Settings>): ApiFieldError[] {
  return (Object.keys(patch) as SettingKey[])
    .filter((key) => fromEnvironment[key] !== undefined && JSON.stringify(patch[key]) !== JSON.stringify(fromEnvironment[key]))
    .map((key) => ({
      field: FIELD_OF[key],
      message: `${FIELD_OF[key]} is set by the environment variable ${ENVIRONMENT_VARIABLES[key]}: change it there and restart Goalpost`,
    }));
}

function retryProblems(dto: SettingsUpdateDto, patch: Partial<Settings>, current: Settings, flagged: ReadonlySet<string>): ApiFieldError[] {
  if (flagged.has('retryBaseSeconds') || flagged.has('retryMaxSeconds')) return [];
  const retryBaseMs = patch.retryBaseMs ?? current.retryBaseMs;
  const retryMaxMs = patch.retryMaxMs ?? current.retryMaxMs;
  if (retryMaxMs >= retryBaseMs) return [];
  const field = dto.retryMaxSeconds !== undefined ? 'retryMaxSeconds' : 'retryBaseSeconds';
  return [{ field, message: `${field} would make the longest retry wait (${retryMaxMs / 1000} s) shorter than the first (${retryBaseMs / 1000} s)` }];
}

/** With a key but no merchant ID every delivery would wait: refused, whichever of the two the change touches. */
function merchantIdProblems(patch: Partial<Settings>, current: Settings, flagged: ReadonlySet<string>): ApiFieldError[] {
  if (flagged.has('afliteMid') || flagged.has('afliteApiKey')) return [];
  const key = patch.afliteApiKey !== undefined ? patch.afliteApiKey : current.afliteApiKey;
  const mid = patch.afliteMid !== undefined ? patch.afliteMid : current.afliteMid;
  if (!key || mid) return [];
  const message =
    patch.afliteMid !== undefined
      ? 'afliteMid is required while an Aflite API key is set: without it no goal can be delivered (clear the API key to stop delivering)'
      : 'afliteMid is required with an Aflite API key: enter your merchant ID too, or no goal can be delivered';
  return [{ field: 'afliteMid', message }];
}
