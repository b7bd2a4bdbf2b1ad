import { expect, test } from '../support/fixtures';
import { uniqueRef } from '../support/references';

test('a goal allowed from the browser takes a maximum value in the goal form, and the shop’s pages cannot go above it', async ({ page, goals, visitor }) => {
  const name = `Newsletter ${uniqueRef('CAP')}`;
  const afliteGoalId = uniqueRef('NEWS');

  await test.step('the merchant adds the goal with a default of £2.00 and a maximum of £30.00 from the browser', async () => {
    await goals.goto();
    await goals.addGoal({ name, afliteGoalId, defaultValue: '2.00', allowBrowser: true, maxBrowserValue: '30.00' });
    await expect(await goals.cell(name, 'From the browser')).toHaveText('Allowed, up to £30.00');
  });

  await test.step('a maximum below the default value is refused next to the field', async () => {
    const dialog = await goals.edit(name);
    await expect(goals.maxBrowserValueField(dialog)).toHaveValue('30.00');
    await expect(dialog.getByText('In force now: £30.00.')).toBeVisible();
    await goals.maxBrowserValueField(dialog).fill('1.00');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog.getByText('Must be at least the default value (2.00), or empty')).toBeVisible();
    await expect(goals.maxBrowserValueField(dialog)).toHaveAttribute('aria-invalid', 'true');
  });

  await test.step('emptied, the cap falls back to ten times the default value', async () => {
    const dialog = page.getByRole('dialog', { name: `Edit ${name}` });
    await goals.maxBrowserValueField(dialog).fill('');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
    await expect(await goals.cell(name, 'From the browser')).toHaveText('Allowed, up to £20.00');
    await goals.screenshot('goals-browser-cap');
  });

  await test.step('on the shop, goalpost("goal", …) above the cap is refused naming value; at the cap it is recorded', async () => {
    await visitor.open('/thank-you');
    const above = await visitor.recordGoal({ goal: afliteGoalId, mref: uniqueRef('SIGNUP'), value: '20.01' });
    expect(above).toEqual({ refused: expect.stringMatching(/^value: at most 20\.00 for "Newsletter /) });
    const atCap = await visitor.recordGoal({ goal: afliteGoalId, mref: uniqueRef('SIGNUP'), value: '20.00' });
    expect(atCap).toMatchObject({ recorded: { goalId: afliteGoalId, value: '20.00', source: 'browser' } });
  });
});
