import type { GoalResponse } from '@goalpost/contracts';
import { useState } from 'react';
import { Badge } from '../../components/Badge';
import { Dialog } from '../../components/Dialog';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, InlineError, Loading } from '../../components/QueryStates';
import { formatPounds } from '../../lib/format';
import { GoalForm } from './GoalForm';
import { useCreateGoal, useGoals, useUpdateGoal } from './hooks';

export function GoalsPage() {
  const goals = useGoals();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<GoalResponse | null>(null);

  return (
    <>
      <PageHeader
        title="Goals"
        description="The Aflite goals your site can record: a sale, a sign-up, a lead."
        actions={
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            Add goal
          </button>
        }
      />
      {goals.isPending ? (
        <Loading label="Loading goals…" />
      ) : goals.isError ? (
        <ErrorState error={goals.error} onRetry={() => goals.refetch()} />
      ) : goals.data.length === 0 ? (
        <EmptyState title="No goals yet">
          <p>Add each goal you set up in the Aflite merchant interface, with the same goal ID.</p>
        </EmptyState>
      ) : (
        <GoalTable goals={goals.data} onEdit={setEditing} />
      )}
      {creating ? <CreateGoalDialog onClose={() => setCreating(false)} /> : null}
      {editing ? <EditGoalDialog goal={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function GoalTable({ goals, onEdit }: { goals: GoalResponse[]; onEdit: (goal: GoalResponse) => void }) {
  const update = useUpdateGoal();
  return (
    <>
      <div className="table-scroll">
        <table className="table table-cards">
          <caption className="visually-hidden">Goals</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Aflite goal ID</th>
              <th scope="col" className="cell-number">
                Default value
              </th>
              <th scope="col">From the browser</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {goals.map((goal) => (
              <tr key={goal.id} className={goal.enabled ? undefined : 'is-disabled'}>
                <th scope="row" className="cell-primary">
                  {goal.name}
                </th>
                <td className="cell-mono" data-label="Aflite goal ID">
                  {goal.afliteGoalId}
                </td>
                <td className="cell-number" data-label="Default value">
                  {formatPounds(goal.defaultValue)}
                </td>
                <td data-label="From the browser">{goal.allowBrowser ? `Allowed, up to ${formatPounds(goal.browserValueCap)}` : 'Server only'}</td>
                <td data-label="Status">{goal.enabled ? <Badge tone="good">Enabled</Badge> : <Badge tone="neutral">Disabled</Badge>}</td>
                <td className="cell-actions">
                  <button type="button" className="button button-small" onClick={() => onEdit(goal)} aria-label={`Edit ${goal.name}`}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={update.isPending}
                    aria-label={`${goal.enabled ? 'Disable' : 'Enable'} ${goal.name}`}
                    onClick={() => update.mutate({ id: goal.id, changes: { enabled: !goal.enabled } })}
                  >
                    {goal.enabled ? 'Disable' : 'Enable'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">A disabled goal is refused when your site tries to record it. Conversions already recorded are kept.</p>
      <InlineError error={update.error} />
    </>
  );
}

function CreateGoalDialog({ onClose }: { onClose: () => void }) {
  const create = useCreateGoal();
  return (
    <Dialog title="Add goal" onClose={onClose}>
      <GoalForm
        submitLabel="Add goal"
        pending={create.isPending}
        error={create.error}
        onSubmit={(values) => create.mutate(values, { onSuccess: onClose })}
        onCancel={onClose}
      />
    </Dialog>
  );
}

function EditGoalDialog({ goal, onClose }: { goal: GoalResponse; onClose: () => void }) {
  const update = useUpdateGoal();
  return (
    <Dialog title={`Edit ${goal.name}`} onClose={onClose}>
      <GoalForm
        goal={goal}
        submitLabel="Save changes"
        pending={update.isPending}
        error={update.error}
        onSubmit={(values) => update.mutate({ id: goal.id, changes: values }, { onSuccess: onClose })}
        onCancel={onClose}
      />
    </Dialog>
  );
}
