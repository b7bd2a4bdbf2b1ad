import { expect, it } from 'vitest';
import { describeEachDialect } from './harness/dialects';

describeEachDialect('goals on the command line', (ctx) => {
  it('adds a browser goal with its own maximum value and lists the cap in force', async () => {
    const { stack } = ctx;
    const added = await stack.runCli(['goal', 'add', '71', 'Newsletter', '--default-value', '1.00', '--allow-browser', '--max-browser-value', '5.00']);
    expect(added.code, added.stderr).toBe(0);
    const defaulted = await stack.runCli(['goal', 'add', '72', 'Quote', '--default-value', '3.00', '--allow-browser']);
    expect(defaulted.code, defaulted.stderr).toBe(0);

    const list = await stack.runCli(['goal', 'list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('71\tNewsletter\tenabled\tbrowser up to 5.00');
    // Without a maximum of its own, a browser goal is capped at ten times its default value.
    expect(list.stdout).toContain('72\tQuote\tenabled\tbrowser up to 30.00');
  });

  it('refuses a maximum below the default value, naming it, and adds nothing', async () => {
    const { stack } = ctx;
    const refused = await stack.runCli(['goal', 'add', '73', 'Cheap', '--default-value', '2.00', '--allow-browser', '--max-browser-value', '1.00']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/maxBrowserValue: must be at least the default value/);
    expect((await stack.runCli(['goal', 'list'])).stdout).not.toContain('Cheap');
  });
});
