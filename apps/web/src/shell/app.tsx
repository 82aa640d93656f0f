import { useEffect, type MouseEvent } from 'react';
import { refreshSession, session, useSession, type Session } from '../api/session';
import { DashboardPage } from '../dashboard/dashboard-page';
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

/** Signed out: the login form. Signed in: the review desk, and the dashboard for leads. */
export function App() {
  const user = useSession();
  const path = usePath();

  useEffect(() => {
    if (!user) return;
    const timer = setTimeout(() => void refreshSession(), Math.max(5_000, user.accessExpiresAt - Date.now() - REFRESH_EARLY_MS));
    return () => clearTimeout(timer);
  }, [user]);

  const page = !user ? 'login' : path === '/dashboard' && canLead(user) ? 'dashboard' : path === '/review' ? 'review' : null;
  useEffect(() => {
    if (user && page === null) navigate(canLead(user) ? '/dashboard' : '/review', true);
  }, [user, page]);

  if (!user) return <LoginPage />;
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Arbiter</span>
        <nav aria-label="Main">
          <a href="/review" aria-current={page === 'review' ? 'page' : undefined} onClick={follow('/review')}>
            Review
          </a>
          {canLead(user) && (
            <a href="/dashboard" aria-current={page === 'dashboard' ? 'page' : undefined} onClick={follow('/dashboard')}>
              Dashboard
            </a>
          )}
        </nav>
        <span className="who">
          {user.email} <span className="role">{user.role}</span>
        </span>
        <button type="button" className="link" onClick={session.signOut}>
          Sign out
        </button>
      </header>
      {page === 'dashboard' ? <DashboardPage /> : page === 'review' ? <ReviewPage /> : null}
    </div>
  );
}
