import { DomainError, DomainErrorCode } from './errors/domain-error';

/** Position after the last row of a page ordered by (time, id) descending. */
export interface KeysetPosition {
  at: number;
  id: number;
}

/** Opaque to clients: they pass `nextCursor` back as `cursor` and never build one. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.at}.${position.id}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, field = 'cursor'): KeysetPosition | null {
  if (cursor === undefined || cursor === '') return null;
  const match = /^(\d{1,16})\.(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const position = match ? { at: Number(match[1]), id: Number(match[2]) } : null;
  if (!position || !Number.isSafeInteger(position.at)) {
    throw new DomainError(DomainErrorCode.InvalidValue, `${field}: not a cursor from a previous page; start again without it`, field);
  }
  return position;
}

/** Rows strictly after `position` in (at DESC, id DESC) order; the first term lets an index bound the range. */
export function afterPosition(atColumn: string, idColumn: string, position: KeysetPosition, add: (value: unknown) => string): string {
  const at = add(position.at);
  return `${atColumn} <= ${at} AND (${atColumn} < ${at} OR ${idColumn} < ${add(position.id)})`;
}
