import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { PageHeader } from '../../components/PageHeader';
import { InlineError } from '../../components/QueryStates';
import { MIN_PASSWORD, PASSWORD_HINT } from './AccountForm';
import { useChangePassword } from './hooks';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/** The signed-in admin sets a new password; other browsers signed in to the account are signed out. */
export function ChangePasswordPage() {
  const id = useId();
  const mutation = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [localError, setLocalError] = useState<{ field: Field; message: string } | null>(null);
  const [notice, setNotice] = useState('');
  const apiError = mutation.error instanceof ApiError ? mutation.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setLocalError(null);
    setNotice('');
    if (newPassword.length < MIN_PASSWORD) {
      setLocalError({ field: 'newPassword', message: `Use at least ${MIN_PASSWORD} characters.` });
      return;
    }
    if (newPassword !== confirm) {
      setLocalError({ field: 'confirm', message: 'The two passwords are not the same.' });
      return;
    }
    mutation.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          setConfirm('');
          setNotice('Password changed. Any other browser signed in to this account has been signed out.');
        },
      },
    );
  };

  const fieldError = (name: Field) =>
    (localError?.field === name ? localError.message : undefined) ?? (name === 'confirm' ? undefined : apiError?.fieldMessage(name));
  const generalError = mutation.error && !(apiError && apiError.fields.length) ? mutation.error : null;

  return (
    <>
      <PageHeader title="Password" description="Change the password you sign in with. Other browsers signed in to this account are signed out." />
      <form className="form account-form" onSubmit={submit} noValidate>
        <FormField id={`${id}-current`} label="Current password" error={fieldError('currentPassword')}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(e) => setCurrentPassword(e.target.value)}
            />
          )}
        </FormField>
        <FormField id={`${id}-new`} label="New password" hint={PASSWORD_HINT} error={fieldError('newPassword')}>
          {(control) => (
            <input {...control} type="password" autoComplete="new-password" required value={newPassword} onChange={(e) => setNewPassword(e.target.value)} />
          )}
        </FormField>
        <FormField id={`${id}-confirm`} label="Repeat new password" error={fieldError('confirm')}>
          {(control) => (
            <input {...control} type="password" autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.target.value)} />
          )}
        </FormField>
        <InlineError error={generalError} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {mutation.isPending ? 'Please wait…' : 'Change password'}
          </button>
          <span role="status" className="muted">
            {notice}
          </span>
        </div>
      </form>
    </>
  );
}
