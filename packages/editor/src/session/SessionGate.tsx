/**
 * The login gate (登录): asks the server who is signed in (`GET /api/session`). On 127.0.0.1 there is
 * no login and the pages show as before. With accounts and nobody signed in, the login form is shown
 * instead of the pages; once signed in, a bar names the account and its role, with 退出 (sign out).
 *
 * The signed-in role is written on `<body data-role="…">`, so the style sheet hides the actions the
 * role may not take (scheme save, publish, new year, restore for 评审 and 部门填报); the server checks
 * every request anyway. When the window gets focus again the session is checked again, so an expired
 * login leads back to the form.
 *
 * Without accounts it mounts the 署名 dialog (AuthorGate): the history records the name this browser gives,
 * asked before the first write. With accounts the signed-in account is recorded and nothing is asked.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { LoginForm } from './LoginForm.tsx';
import { AuthorGate } from '../components/AuthorDialog.tsx';
import { sessionApi, type SessionResponse, type SessionUser } from './session-api.ts';
import './session.css';

/** The Chinese names of the roles (as `@jixiao/api` ROLE_ZH; the editor imports only types from there). */
const ROLE_ZH: Record<SessionUser['role'], string> = { policy: '政策管理', reviewer: '评审', department: '部门填报' };

/** The signed-in user (the local 政策管理 user on 127.0.0.1); null while unknown. */
const SessionContext = createContext<SessionUser | null>(null);

/** The signed-in user, for hiding what the role may not do. */
export function useSessionUser(): SessionUser | null {
  return useContext(SessionContext);
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; session: SessionResponse };

export function SessionGate(p: { children: ReactNode }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const refresh = useCallback(() => {
    sessionApi.get().then(
      (session) => setState({ kind: 'ready', session }),
      // a failed re-check (e.g. the network for a moment) keeps the page as it is
      (e: unknown) => setState((s) => (s.kind === 'ready' ? s : { kind: 'error', message: e instanceof Error ? e.message : String(e) })),
    );
  }, []);

  useEffect(() => {
    refresh();
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh]);

  const user = state.kind === 'ready' ? state.session.user : null;
  useEffect(() => {
    if (user) document.body.dataset['role'] = user.role;
    else delete document.body.dataset['role'];
  }, [user]);

  if (state.kind === 'loading') return <p className="page-message">正在载入…</p>;
  if (state.kind === 'error') return <p className="page-message error">{state.message}</p>;
  const { session } = state;
  if (session.loginRequired && !session.user) return <LoginForm onSignedIn={(s) => setState({ kind: 'ready', session: s })} />;

  const logout = () => {
    sessionApi.logout().then(
      (s) => setState({ kind: 'ready', session: s }),
      () => refresh(),
    );
  };
  return (
    <SessionContext.Provider value={session.user}>
      {session.loginRequired && session.user ? (
        <div className="session-bar" data-testid="session-bar">
          <span>
            {session.user.displayName}
            <span className="muted">
              （{ROLE_ZH[session.user.role]}
              {session.user.department ? `：${session.user.department}` : ''}）
            </span>
          </span>
          <button type="button" className="link" onClick={logout}>
            退出
          </button>
        </div>
      ) : null}
      {/* without accounts the history records the 署名 this browser gives: every write asks for it first */}
      {session.loginRequired ? null : <AuthorGate />}
      {p.children}
    </SessionContext.Provider>
  );
}
