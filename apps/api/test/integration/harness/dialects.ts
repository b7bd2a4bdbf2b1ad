import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { Stack, type StackOptions } from './stack';
import { POSTGRES_SKIPPED, POSTGRES_URL, type Dialect } from './test-database';

/** SQLite always; PostgreSQL when a server is given. */
export const DIALECTS: Dialect[] = POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface SuiteContext {
  /** The running stack; valid inside tests and hooks, not while tests are being collected. */
  readonly stack: Stack;
}

/**
 * Runs `suite` once per dialect against its own sandbox + api + fresh database. Before each test the
 * sandbox is reset (faults cleared) and the api is the base one again if a test ran it with other settings;
 * when a test fails, what the processes printed meanwhile is shown.
 */
export function describeEachDialect(title: string, suite: (ctx: SuiteContext, dialect: Dialect) => void, options: StackOptions = {}): void {
  describe.each(DIALECTS)(`${title} (%s)`, (dialect) => {
    let stack: Stack | undefined;
    const ctx = context(() => stack);

    beforeAll(async () => {
      stack = await Stack.start(dialect, options);
    }, 120_000);

    afterAll(async () => {
      await stack?.stop();
    }, 60_000);

    beforeEach(async ({ onTestFailed }) => {
      const mark = ctx.stack.log.mark();
      onTestFailed(() => {
        console.error(`--- output of the ${dialect} stack during this test ---\n${ctx.stack.log.since(mark)}`);
      });
      await ctx.stack.sandbox.reset();
      await ctx.stack.useApi();
    });

    suite(ctx, dialect);
  });

  // Without a server the PostgreSQL run shows up as skipped, with the reason as its title, instead of vanishing.
  if (!POSTGRES_URL) {
    describe.skipIf(!POSTGRES_URL)(`${title} (postgres): ${POSTGRES_SKIPPED}`, () =>
      suite(
        context(() => undefined),
        'postgres',
      ),
    );
  }
}

function context(current: () => Stack | undefined): SuiteContext {
  return {
    get stack() {
      const stack = current();
      if (!stack) throw new Error('the stack is not started');
      return stack;
    },
  };
}
