import type { Locator } from '@playwright/test';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-text match, so "Status" does not also find "Aflite status". */
export const exactly = (text: string) => new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);

/** The value next to a term in a description list (<dt>Trigger</dt><dd>Automatic</dd>). */
export function detailValue(scope: Locator, term: string): Locator {
  return scope
    .locator('dl > div')
    .filter({
      has: scope
        .page()
        .getByRole('term')
        .filter({ hasText: exactly(term) }),
    })
    .getByRole('definition');
}

/** A cell of a row by its column's header text. */
export async function cellIn(table: Locator, row: Locator, column: string): Promise<Locator> {
  const headers = (await table.getByRole('row').first().locator('th, td').allTextContents()).map((text) => text.trim());
  const index = headers.indexOf(column);
  if (index === -1) throw new Error(`no column "${column}" in [${headers.join(', ')}]`);
  return row.locator('th, td').nth(index);
}
