import { Fragment, useEffect, type MouseEvent } from 'react';
import { refreshSession, session, useSession, type Session } from '../api/session';
import { AdminPage } from '../admin/admin-page';
import { DashboardPage } from '../dashboard/dashboard-page';
import { QueueBrowserPage } from '../dashboard/queue-browser-page';
import { ReviewPage } from '../review/review-page';
import { LoginPage } from './login-page';
import { navigate, usePath } from './router';

// Refresh a minute before the access token lapses, so sockets reconnect with a live token.
const REFRESH_EARLY_MS = 60_000;

/** A link click that moves the app instead of reloading the page. */
const follow = (path: string) => (event: MouseEvent) => {
  event.preventDefault();
  navigate(path);
};

const canLead = (s: Session) => s.role === 'lead' || s.role === 'admin';
const isAdmin = (s: Session) => s.role === 'admin';
const isAdminPath = (path: string) => path === '/admin' || path.startsWith('/admin/');

/** Signed out: the login form. Signed in: the review desk, the dashboard for leads, admin screens for admins. */
export function App() {
  const user = useSession();
  const path = usePath();

  useEffect(() => {
    if (!user) return;
    const timer = setTimeout(
      () => void refreshSession(),
      Math.max(5_000, user.accessExpiresAt - Date.now() - REFRESH_EARLY_MS),
    );
    return () => clearTimeout(timer);
  }, [user]);

  const page = !user
    ? 'login'
    : path === '/dashboard' && canLead(user)
      ? 'dashboard'
      : path === '/queues' && canLead(user)
        ? 'queues'
        : isAdminPath(path) && isAdmin(user)
          ? 'admin'
          : path === '/review'
            ? 'review'
            : null;
  useEffect(() => {
    if (user && page === null) navigate(canLead(user) ? '/dashboard' : '/review', true);
  }, [user, page]);

  if (!user) return <LoginPage />;
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Arbiter</span>
        <nav aria-label="Main">
          <a
            href="/review"
            aria-current={page === 'review' ? 'page' : undefined}
            onClick={follow('/review')}
          >
            Review
          </a>
          {canLead(user) && (
            <a
              href="/dashboard"
              aria-current={page === 'dashboard' ? 'page' : undefined}
              onClick={follow('/dashboard')}
            >
              Dashboard
            </a>
          )}
          {canLead(user) && (
            <a
              href="/queues"
              aria-current={page === 'queues' ? 'page' : undefined}
              onClick={follow('/queues')}
            >
              Queues
            </a>
          )}
          {isAdmin(user) && (
            <a
              href="/admin"
              aria-current={page === 'admin' ? 'page' : undefined}
              onClick={follow('/admin')}
            >
              Admin
            </a>
          )}
        </nav>
        <WorkspaceSwitcher user={user} />
        <span className="who">
          {user.email} <span className="role">{user.role}</span>
        </span>
        <button type="button" className="link" onClick={session.signOut}>
          Sign out
        </button>
      </header>
      {!user.platformAdmin && user.workspaces.length === 0 ? (
        <p className="card notice" role="status">
          You are not a member of any workspace yet: ask an admin to add you to one.
        </p>
      ) : (
        // Keyed by workspace: a switch remounts the page, so its sockets and reads start afresh there.
        <Fragment key={user.workspace ?? '*'}>
          {page === 'dashboard' ? (
            <DashboardPage />
          ) : page === 'queues' ? (
            <QueueBrowserPage />
          ) : page === 'review' ? (
            <ReviewPage />
          ) : page === 'admin' ? (
            <AdminPage />
          ) : null}
        </Fragment>
      )}
    </div>
  );
}

/**
 * Which workspace the user acts in, when there is a choice: more than one membership, or a
 * platform admin (who may also act across every workspace).
 */
function WorkspaceSwitcher({ user }: { user: Session }) {
  if (!user.platformAdmin && user.workspaces.length < 2) return null;
  return (
    <label className="workspace-switcher">
      <span className="sr-only">Workspace</span>
      <select
        aria-label="Workspace"
        value={user.workspace ?? ''}
        onChange={(e) => session.selectWorkspace(e.target.value || null)}
      >
        {user.platformAdmin && <option value="">All workspaces</option>}
        {user.workspaces.map((w) => (
          <option key={w.key} value={w.key}>
            {w.name} ({w.role})
          </option>
        ))}
      </select>
    </label>
  );
}
