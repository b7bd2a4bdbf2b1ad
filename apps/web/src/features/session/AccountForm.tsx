import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { InlineError } from '../../components/QueryStates';
import { useSignIn } from './hooks';

export const MIN_PASSWORD = 10;
/** The server also refuses common and easily guessed passwords, and says why under the field. */
export const PASSWORD_HINT = `At least ${MIN_PASSWORD} characters, and not a common or easily guessed password: a few unrelated words work well.`;

/** Sign in, or — on first run — create the one admin account. */
interface AccountFormProps {
  mode: 'sign-in' | 'setup';
  /** Runs after the new session is saved; a page whose redirect already follows the session can leave it out. */
  onDone?: () => void;
}

export function AccountForm({ mode, onDone }: AccountFormProps) {
  const id = useId();
  const mutation = useSignIn(mode);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [localError, setLocalError] = useState<{ field: 'password' | 'confirm'; message: string } | null>(null);
  const apiError = mutation.error instanceof ApiError ? mutation.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setLocalError(null);
    if (mode === 'setup' && password.length < MIN_PASSWORD) {
      setLocalError({ field: 'password', message: `Use at least ${MIN_PASSWORD} characters.` });
      return;
    }
    if (mode === 'setup' && password !== confirm) {
      setLocalError({ field: 'confirm', message: 'The two passwords are not the same.' });
      return;
    }
    mutation.mutate({ email: email.trim(), password }, { onSuccess: onDone });
  };

  const fieldError = (name: 'email' | 'password') => (localError?.field === name ? localError.message : undefined) ?? apiError?.fieldMessage(name);
  const generalError = mutation.error && !(apiError && apiError.fields.length) ? mutation.error : null;

  return (
    <form className="form account-form" onSubmit={submit} noValidate>
      <FormField id={`${id}-email`} label="Email address" error={fieldError('email')}>
        {(control) => <input {...control} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}
      </FormField>
      <FormField id={`${id}-password`} label="Password" hint={mode === 'setup' ? PASSWORD_HINT : undefined} error={fieldError('password')}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete={mode === 'setup' ? 'new-password' : 'current-password'}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </FormField>
      {mode === 'setup' ? (
        <FormField id={`${id}-confirm`} label="Repeat password" error={localError?.field === 'confirm' ? localError.message : undefined}>
          {(control) => (
            <input {...control} type="password" autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.target.value)} />
          )}
        </FormField>
      ) : null}
      <InlineError error={generalError} />
      <button type="submit" className="button button-primary button-wide" disabled={mutation.isPending}>
        {mutation.isPending ? 'Please wait…' : mode === 'setup' ? 'Create admin account' : 'Sign in'}
      </button>
    </form>
  );
}
