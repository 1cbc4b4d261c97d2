/** The login form (登录), shown when the server requires accounts and nobody is signed in. */
import { useState, type FormEvent } from 'react';
import { sessionApi, type SessionResponse } from './session-api.ts';

export function LoginForm(p: { onSignedIn: (s: SessionResponse) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    sessionApi.login(username.trim(), password).then(
      (s) => {
        setBusy(false);
        p.onSignedIn(s);
      },
      (err: unknown) => {
        setBusy(false);
        setPassword('');
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };

  return (
    <form className="login-form" onSubmit={submit} aria-label="登录">
      <h1>绩效评价方案库</h1>
      <p className="muted">请使用单位分配的账号登录。</p>
      <label>
        用户名
        <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
      </label>
      <label>
        密码
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy || !username.trim() || !password}>
        {busy ? '正在登录…' : '登录'}
      </button>
    </form>
  );
}
