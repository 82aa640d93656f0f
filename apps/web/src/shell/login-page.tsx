import { useEffect, useState, type FormEvent } from 'react';
import type { AuthConfigView } from '@arbiter/contracts';
import { authConfig, completeSsoLogin, login } from '../api/session';

/**
 * Email and password against POST /v1/auth/login, and "Sign in with …" when single sign-on is
 * configured (the password form is hidden where local logins are switched off). Back from the
 * provider, completes the sign-in from the one-time code in the address.
 */
export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [config, setConfig] = useState<AuthConfigView | null>(null);

  useEffect(() => {
    completeSsoLogin().catch((e: Error) => setError(e.message));
    authConfig()
      .then(setConfig)
      // Without an answer, offer the password form: the login itself will say what is wrong.
      .catch(() => setConfig({ localLogin: true, sso: null }));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form
        className="card login-card"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="login-title"
      >
        <h1 id="login-title">
          Arbiter <span className="muted">review</span>
        </h1>
        {config?.sso && (
          <a className="button primary sso-button" href={config.sso.startUrl}>
            Sign in with {config.sso.name}
          </a>
        )}
        {config?.sso && config.localLogin && <p className="muted login-or">or</p>}
        {config?.localLogin && (
          <>
            <label>
              Email
              <input
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </label>
            <label>
              Password
              <input
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
          </>
        )}
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        {config?.localLogin && (
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        )}
      </form>
    </main>
  );
}
