import { readFileSync } from 'node:fs';
import { passwordWeakness } from '../auth/password-policy';

/** Where `admin reset-password` takes the new password from, for scripts. */
export const NEW_PASSWORD_ENV = 'GOALPOST_NEW_PASSWORD';

export interface NewPasswordSource {
  /** Read it from standard input (its first line). */
  stdin: boolean;
}

/**
 * The new admin password: from standard input when asked to, else from GOALPOST_NEW_PASSWORD, else typed
 * twice at a hidden prompt (which says at once why a password is refused, and asks again).
 */
export async function readNewPassword(source: NewPasswordSource, email: string): Promise<string> {
  if (source.stdin) return firstLine(readFileSync(0, 'utf8'));
  const fromEnv = process.env[NEW_PASSWORD_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new Error(`No new password given: run this in a terminal to be asked for it, or pass --password-stdin, or set ${NEW_PASSWORD_ENV}`);
  }
  // Loaded only here: the prompt library is an ES module, and only an interactive run needs it.
  const { default: password } = await import('@inquirer/password');
  const first = await password({ message: `New password for ${email}:`, mask: true, validate: (value) => passwordWeakness(value, email) ?? true });
  const again = await password({ message: 'Repeat it:', mask: true });
  if (again !== first) throw new Error('The two passwords are not the same; nothing was changed');
  return first;
}

function firstLine(input: string): string {
  const end = input.search(/\r?\n/);
  return end === -1 ? input : input.slice(0, end);
}
