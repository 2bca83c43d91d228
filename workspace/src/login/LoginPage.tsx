import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import { isApiFailure, type ApiFailure } from '../../../ui-kit/api/api-failure.ts';
import type { FormProblems } from '../api/field-problems.ts';
import { logIn, type Me } from '../api/me.ts';
import { useDocumentTitle } from '../app/use-document-title.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { LanguageSwitch } from '../../../ui-kit/i18n/LanguageSwitch.tsx';
import { loginFields as fields, loginProblems, type LoginField } from './login-problems.ts';

export type LoginNotice = 'sessionEnded' | 'signedOut';

const noProblems: FormProblems<LoginField> = { byField: {}, general: [] };

interface LoginPageProps {
  api: ApiClient;
  notice?: LoginNotice;
  failure?: ApiFailure;
  onSignedIn(me: Me): void;
}

export function LoginPage({ api, notice, failure, onSignedIn }: LoginPageProps) {
  const { t } = useI18n();
  useDocumentTitle(t('login.title'));
  const id = useId();
  const [values, setValues] = useState<Record<LoginField, string>>({ login: '', password: '' });
  const [submitting, setSubmitting] = useState(false);
  const [problems, setProblems] = useState<FormProblems<LoginField>>(() =>
    failure === undefined ? noProblems : loginProblems(failure, t),
  );
  const inputs = useRef<Partial<Record<LoginField, HTMLInputElement | null>>>({});

  useEffect(() => {
    inputs.current.login?.focus();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setProblems(noProblems);
    try {
      onSignedIn(await logIn(api, values));
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      const next = loginProblems(error.failure, t);
      setProblems(next);
      setSubmitting(false);
      const first = fields.find((field) => next.byField[field] !== undefined);
      if (first !== undefined) {
        inputs.current[first]?.focus();
        inputs.current[first]?.select();
      }
    }
  }

  return (
    <div className="login-page">
      <div className="login-language">
        <LanguageSwitch label={t('language.label')} />
      </div>
      <main className="login-card">
        <h1>{t('login.title')}</h1>
        <p className="login-subtitle">{t('login.subtitle')}</p>
        {notice !== undefined && (
          <p className="notice" role="status">
            {t(notice === 'sessionEnded' ? 'login.sessionEnded' : 'login.signedOut')}
          </p>
        )}
        {problems.general.length > 0 && (
          <div className="form-error" role="alert">
            {problems.general.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        )}
        <form onSubmit={submit} noValidate aria-busy={submitting}>
          {fields.map((field) => {
            const messages = problems.byField[field];
            const errorId = `${id}-${field}-error`;
            return (
              <div className="field" key={field}>
                <label htmlFor={`${id}-${field}`}>{t(field === 'login' ? 'login.login' : 'login.password')}</label>
                <input
                  id={`${id}-${field}`}
                  name={field}
                  ref={(element) => {
                    inputs.current[field] = element;
                  }}
                  type={field === 'password' ? 'password' : 'text'}
                  autoComplete={field === 'password' ? 'current-password' : 'username'}
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  value={values[field]}
                  aria-invalid={messages !== undefined}
                  aria-describedby={messages === undefined ? undefined : errorId}
                  onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
                />
                {messages !== undefined && (
                  <p className="field-error" id={errorId} role="alert">
                    {messages.join(' ')}
                  </p>
                )}
              </div>
            );
          })}
          <button type="submit" className="primary" disabled={submitting}>
            {t(submitting ? 'login.submitting' : 'login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
