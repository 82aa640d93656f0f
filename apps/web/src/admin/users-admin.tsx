import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { UserView } from '@arbiter/contracts';
import { api, authConfig } from '../api/session';
import { ScrollTable } from '../shell/scroll-table';

const ROLES = ['reviewer', 'lead', 'admin'] as const;
const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function CreateUser({ onCreated }: { onCreated(user: UserView): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<(typeof ROLES)[number]>('reviewer');
  const [queues, setQueues] = useState('');
  const [error, setError] = useState<string | null>(null);
  // With local logins off, people sign in with single sign-on: the API refuses a password then.
  const [localLogin, setLocalLogin] = useState(true);
  useEffect(() => {
    authConfig().then(
      (c) => setLocalLogin(c.localLogin),
      () => undefined,
    );
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const user = await api<UserView>('POST', '/v1/users', {
        email,
        ...(localLogin ? { password } : {}),
        role,
        queues: list(queues),
      });
      setEmail('');
      setPassword('');
      setQueues('');
      onCreated(user);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form
      className="card form-grid"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="new-user-title"
    >
      <h3 id="new-user-title">New user</h3>
      <label>
        Email
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      {localLogin ? (
        <label>
          Password
          <input
            type="password"
            required
            minLength={8}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
      ) : (
        <p className="muted">They sign in with single sign-on (local passwords are off).</p>
      )}
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}>
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label>
        Queues (comma-separated)
        <input
          value={queues}
          onChange={(e) => setQueues(e.target.value)}
          placeholder="support, billing"
        />
      </label>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        Create user
      </button>
    </form>
  );
}

/** Users: create, change role, disable and enable (disabling signs them out everywhere). */
export function UsersAdmin({ onNotice }: { onNotice(text: string): void }) {
  const [users, setUsers] = useState<UserView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<UserView[]>('GET', '/v1/users').then(setUsers, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  const change = async (work: Promise<UserView>, note: string) => {
    setError(null);
    try {
      const next = await work;
      setUsers((all) => all.map((u) => (u.id === next.id ? next : u)));
      onNotice(note);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="admin-section">
      <CreateUser
        onCreated={(u) => {
          setUsers((all) => [...all, u]);
          onNotice(`Created ${u.email} (${u.role}).`);
        }}
      />
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <section className="card" aria-labelledby="users-title">
        <h3 id="users-title">Users</h3>
        <ScrollTable label="Users" columns={['Email', 'Role', 'Queues', 'Status', 'Actions']}>
          {users.map((u) => (
            <tr key={u.id} data-user={u.email}>
              <th scope="row">{u.email}</th>
              <td>
                <select
                  aria-label={`Role of ${u.email}`}
                  value={u.role}
                  onChange={(e) =>
                    void change(
                      api<UserView>('PATCH', `/v1/users/${u.id}`, { role: e.target.value }),
                      `${u.email} is now ${e.target.value}.`,
                    )
                  }
                >
                  {ROLES.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </td>
              <td>{u.queues.join(', ') || '—'}</td>
              <td>{u.disabledAt ? '✗\u00a0disabled' : '✓\u00a0active'}</td>
              <td>
                {u.disabledAt ? (
                  <button
                    type="button"
                    onClick={() =>
                      void change(
                        api<UserView>('POST', `/v1/users/${u.id}/enable`),
                        `${u.email} can sign in again.`,
                      )
                    }
                  >
                    Enable {u.email}
                  </button>
                ) : (
                  <button
                    type="button"
                    onClick={() =>
                      void change(
                        api<UserView>('POST', `/v1/users/${u.id}/disable`),
                        `${u.email} is disabled and signed out.`,
                      )
                    }
                  >
                    Disable {u.email}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </ScrollTable>
      </section>
    </div>
  );
}
