import { useState, type FormEvent } from 'react';
import { apiErrorToForm } from '@/components/ui/api-errors';
import { ErrorSummary, type FieldErrors } from '@/components/ui/error-summary';
import { TextField } from '@/components/ui/form-field';
import { staffPaths } from '@/config/staff-paths';
import { useOidcStatus, useSignIn } from '../api/session';

const LABELS = { email: 'Email address', password: 'Password' };

export const SignInForm = ({ onSignedIn }: { onSignedIn: () => void }) => {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const signIn = useSignIn();
  const oidc = useOidcStatus();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!email.trim()) found.email = 'Enter your email address';
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) found.email = 'Enter an email address like name@agency.gov';
    if (!password) found.password = 'Enter your password';
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) return;
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          const form = apiErrorToForm(error);
          setErrors(form.fieldErrors);
          setGeneral(form.general);
        },
      },
    );
  };

  return (
    <>
      <ErrorSummary errors={errors} labels={LABELS} general={general} />
      <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
        <TextField
          name="email"
          label={LABELS.email}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
          error={errors.email}
        />
        <TextField
          name="password"
          label={LABELS.password}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
          error={errors.password}
        />
        <button type="submit" className="usa-button" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {oidc.data?.enabled ? (
        <div className="margin-top-4">
          <p>Or use your agency’s single sign-on:</p>
          {/* A full page navigation: the API redirects to the identity provider. */}
          <a className="usa-button usa-button--outline" href={staffPaths.oidcLogin}>
            {oidc.data.label}
          </a>
        </div>
      ) : null}
    </>
  );
};
