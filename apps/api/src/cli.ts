import 'reflect-metadata';
import { formatValue, parseValueToMinor } from '@goalpost/aflite';
import { CONVERSION_STATUSES, type ConversionStatus } from '@goalpost/contracts';
import { Command, InvalidArgumentError } from 'commander';
import { AuthService } from './auth/auth.service';
import { withContext } from './cli/cli-context';
import { NEW_PASSWORD_ENV, readNewPassword } from './cli/new-password';
import { Db } from './database/db.service';
import { MigrationsRepository } from './database/migrations.repository';
import { ResendService } from './delivery/resend.service';
import { browserValueCapMinor } from './goals/browser-value-cap';
import { GoalsService } from './goals/goals.service';
import { IngestKeysService } from './ingest-keys/ingest-keys.service';
import { describeStoredSettings } from './settings/describe-stored-settings';
import { SettingsService } from './settings/settings.service';

const program = new Command('goalpost').description('Goalpost operator commands').showHelpAfterError();

program
  .command('migrate')
  .description('apply database migrations (also done at every start)')
  .action(() =>
    withContext(async (app) => {
      const applied = await app.get(MigrationsRepository).appliedNames();
      console.log(`Database is up to date (${app.get(Db).dialect}); migrations applied: ${applied.join(', ')}`);
    }),
  );

const admin = program.command('admin').description("the dashboard's admin account");
admin
  .command('reset-password')
  .description('set a new admin password when the old one is lost; every session of the account ends')
  .option('--email <email>', 'the account to reset (default: the admin account)')
  .option('--password-stdin', 'read the new password from standard input instead of asking', false)
  .addHelpText('after', `\nScripts can also pass the new password in ${NEW_PASSWORD_ENV}. The same password rules apply as in the dashboard.`)
  .action((opts: { email?: string; passwordStdin: boolean }) =>
    withContext(async (app) => {
      const auth = app.get(AuthService);
      const password = await readNewPassword({ stdin: opts.passwordStdin }, await auth.recoveryEmail(opts.email));
      const reset = await auth.resetPassword(password, opts.email);
      const ended = reset.sessionsEnded === 1 ? '1 session' : `${reset.sessionsEnded} sessions`;
      console.log(`New password set for ${reset.email}; ${ended} signed out. Sign in to the dashboard with the new password.`);
    }),
  );

const keys = program.command('ingest-key').description('keys your servers use to send clicks and goals');
keys
  .command('create <name>')
  .description('create a key; it is printed once and stored only as a hash')
  .action((name: string) =>
    withContext(async (app) => {
      const key = await app.get(IngestKeysService).create(name);
      console.log(`Created ingest key "${key.name}" (id ${key.id}). Keep it now, it will not be shown again:\n\n  ${key.key}\n`);
    }),
  );
keys.command('list').action(() =>
  withContext(async (app) => {
    for (const k of await app.get(IngestKeysService).list()) {
      console.log(`${k.id}\t${k.prefix}…\t${k.name}\t${k.revokedAt ? 'revoked' : 'active'}`);
    }
  }),
);
keys.command('revoke <id>').action((id: string) =>
  withContext(async (app) => {
    const key = await app.get(IngestKeysService).revoke(positiveInt(id));
    console.log(`Revoked ingest key "${key.name}" (id ${key.id})`);
  }),
);

program
  .command('settings')
  .description('show the stored settings (the API key only as its last four characters)')
  .option('--json', 'print them as JSON')
  .action((opts: { json?: boolean }) =>
    withContext(async (app) => {
      const shown = describeStoredSettings(await app.get(SettingsService).get());
      if (opts.json) console.log(JSON.stringify(shown, null, 2));
      else for (const [name, value] of Object.entries(shown)) console.log(`${name}\t${JSON.stringify(value)}`);
    }),
  );

const goals = program.command('goal').description('the Aflite goals Goalpost accepts');
goals
  .command('add <aflite-goal-id> <name>')
  .option('--default-value <amount>', 'value used when a conversion has none, e.g. 10.00', (v) => money(v))
  .option('--allow-browser', 'allow goalpost("goal", …) from the browser for this goal', false)
  .option('--max-browser-value <amount>', 'largest value accepted from the browser, e.g. 250.00 (default: 10× the default value, or 1000.00)', (v) => money(v))
  .action((afliteGoalId: string, name: string, opts: { defaultValue?: number; allowBrowser: boolean; maxBrowserValue?: number }) =>
    withContext(async (app) => {
      const goal = await app.get(GoalsService).create({
        afliteGoalId,
        name,
        defaultValueMinor: opts.defaultValue ?? null,
        allowBrowser: opts.allowBrowser,
        maxBrowserValueMinor: opts.maxBrowserValue ?? null,
      });
      console.log(`Added goal "${goal.name}" (Aflite goal ID ${goal.afliteGoalId})`);
    }),
  );
goals.command('list').action(() =>
  withContext(async (app) => {
    for (const g of await app.get(GoalsService).list()) {
      const browser = g.allowBrowser ? `\tbrowser up to ${formatValue(browserValueCapMinor(g))}` : '';
      console.log(`${g.afliteGoalId}\t${g.name}\t${g.enabled ? 'enabled' : 'disabled'}${browser}`);
    }
  }),
);

program
  .command('deliveries')
  .description('work with the delivery queue')
  .command('resend')
  .requiredOption('--status <status>', `re-send every live conversion in this status (${CONVERSION_STATUSES.join(', ')})`, status)
  .option('--force', "skip the check against Aflite's goals feed (may duplicate a goal Aflite already holds)", false)
  .action((opts: { status: ConversionStatus; force: boolean }) =>
    withContext(async (app) => {
      const resend = app.get(ResendService);
      const ids = await resend.idsByStatus(opts.status);
      const count = await resend.resendConversions(ids, opts.force);
      console.log(
        `Queued ${count} deliveries for re-sending${opts.force ? ' (forced)' : '; each is checked against Aflite first'}. A running Goalpost sends them.`,
      );
    }),
  );

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive whole number');
  return n;
}

function money(value: string): number {
  const minor = parseValueToMinor(value);
  if (minor === null) throw new InvalidArgumentError('must be an amount such as 10.00');
  return minor;
}

function status(value: string): ConversionStatus {
  if (!(CONVERSION_STATUSES as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${CONVERSION_STATUSES.join(', ')}`);
  return value as ConversionStatus;
}

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
