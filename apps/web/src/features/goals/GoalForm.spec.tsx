import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { goal } from '../../test/fixtures';
import { GoalForm } from './GoalForm';

describe('GoalForm', () => {
  it('asks for a maximum browser value only for goals allowed from the browser, and sends it', async () => {
    const onSubmit = vi.fn();
    render(<GoalForm submitLabel="Add goal" pending={false} error={null} onSubmit={onSubmit} />);
    expect(screen.queryByLabelText('Maximum value from the browser (£)')).toBeNull();

    await userEvent.type(screen.getByLabelText('Name'), 'Sign-up');
    await userEvent.type(screen.getByLabelText('Aflite goal ID'), '6');
    await userEvent.click(screen.getByLabelText('Allow this goal from the browser'));
    await userEvent.type(screen.getByLabelText('Maximum value from the browser (£)'), ' 250.00 ');
    await userEvent.click(screen.getByRole('button', { name: 'Add goal' }));
    expect(onSubmit).toHaveBeenCalledWith({ afliteGoalId: '6', name: 'Sign-up', defaultValue: null, allowBrowser: true, maxBrowserValue: '250.00' });
  });

  it('shows the cap in force when editing, clears the maximum when emptied, and places its error', async () => {
    const onSubmit = vi.fn();
    const error = new ApiError({
      statusCode: 400,
      error: 'invalid_value',
      message: 'maxBrowserValue: must be at least the default value (10.00), or empty',
      fields: [{ field: 'maxBrowserValue', message: 'maxBrowserValue: must be at least the default value (10.00), or empty' }],
    });
    const editing = goal({ allowBrowser: true, maxBrowserValue: '80.00', browserValueCap: '80.00' });
    render(<GoalForm goal={editing} submitLabel="Save changes" pending={false} error={error} onSubmit={onSubmit} />);

    const field = screen.getByLabelText<HTMLInputElement>('Maximum value from the browser (£)');
    expect(field.value).toBe('80.00');
    const description = (field.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(description).toMatch(/In force now: £80\.00\..*Must be at least the default value \(10\.00\), or empty/);
    await userEvent.clear(field);
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ maxBrowserValue: null }));
  });
});
