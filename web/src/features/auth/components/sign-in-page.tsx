import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSignIn, type SignInInput } from '@/features/auth/api/sign-in';
import { usePageTitle } from '@/lib/page-title';
import { ApiError, fieldErrorsFor } from '@/lib/problem';
import './sign-in-page.css';

type Field = keyof SignInInput;

/**
 * Sign-in; after it, back to where the user was sent from. Server messages land on their fields. Drawn with plain
 * elements and a small style sheet rather than Ant Design: it is the first page a visitor on a slow county network
 * loads, and it carries none of the component library (the signed-in frame brings it).
 */
export function SignInPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('signIn.title'));
  const [values, setValues] = useState<SignInInput>({ username: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<string>();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/organizations';

  const change = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    // A field's message is about what was there before: it goes once the field changes.
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(undefined);
    const missing: Partial<Record<Field, string>> = {};
    for (const field of ['username', 'password'] as const) {
      if (!values[field].trim()) {
        missing[field] = t('signIn.required', { field: t(`signIn.${field}`) });
      }
    }
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      document.getElementById(`sign-in-${Object.keys(missing)[0]}`)?.focus();
      return;
    }
    try {
      await signIn.mutateAsync(values);
      void navigate(from, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const { fields, other } = fieldErrorsFor(error, ['username', 'password']);
        setErrors(Object.fromEntries(fields.map((f) => [f.name[0], f.errors[0]])));
        if (fields[0]) {
          document.getElementById(`sign-in-${String(fields[0].name[0])}`)?.focus();
        }
        setMessage(other[0]);
      } else {
        setMessage(error instanceof ApiError ? error.message : t('errors.network'));
      }
    }
  }

  const field = (name: Field, type: string, autoComplete: string) => (
    <div className="sign-in-field">
      <label htmlFor={`sign-in-${name}`}>{t(`signIn.${name}`)}</label>
      <input
        id={`sign-in-${name}`}
        name={name}
        type={type}
        autoComplete={autoComplete}
        autoFocus={name === 'username'}
        required
        aria-required="true"
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `sign-in-${name}-error` : undefined}
        value={values[name]}
        onChange={(event) => change(name, event.target.value)}
      />
      {errors[name] && (
        <div id={`sign-in-${name}-error`} className="sign-in-error">
          {errors[name]}
        </div>
      )}
    </div>
  );

  return (
    <main className="sign-in-page" lang={i18n.language}>
      <section className="sign-in-card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">
          {t('appName')} · {t('signIn.title')}
        </h1>
        {message && (
          <div className="sign-in-alert" role="alert">
            <strong>{t('signIn.failed')}</strong>
            <div>{message}</div>
          </div>
        )}
        <form onSubmit={(event) => void submit(event)} noValidate>
          {field('username', 'text', 'username')}
          {field('password', 'password', 'current-password')}
          <button type="submit" className="sign-in-submit" disabled={signIn.isPending} aria-busy={signIn.isPending}>
            {t('signIn.submit')}
          </button>
        </form>
      </section>
    </main>
  );
}
