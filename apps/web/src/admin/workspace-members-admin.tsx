import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { UserView, WorkspaceMemberView } from '@arbiter/contracts';
import { api, session, useSession } from '../api/session';
import { ScrollTable } from '../shell/scroll-table';

const ROLES = ['reviewer', 'lead', 'admin'] as const;
type Role = (typeof ROLES)[number];

function RoleSelect({
  id,
  label,
  value,
  onChange,
}: {
  id?: string;
  label?: string;
  value: string;
  onChange(role: Role): void;
}) {
  return (
    <select
      id={id}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as Role)}
    >
      {ROLES.map((r) => (
        <option key={r}>{r}</option>
      ))}
    </select>
  );
}

/**
 * Adds an existing person. A platform admin picks from everyone who is not a member yet; a
 * workspace's admin sees only their own members, so names the person by their user id.
 */
function AddMember({
  candidates,
  onAdd,
}: {
  candidates: UserView[] | null;
  onAdd(userId: string, role: Role): Promise<boolean>;
}) {
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<Role>('reviewer');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onAdd(userId.trim(), role)) setUserId('');
  };
  return (
    <form
      className="card form-grid"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="add-member-title"
    >
      <h3 id="add-member-title">Add a person</h3>
      {/* Labels beside their controls: a label around a select would take in its options' text. */}
      <label htmlFor="add-member-person">{candidates ? 'Person' : "Person's user id"}</label>
      {candidates ? (
        <select
          id="add-member-person"
          required
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
        >
          <option value="">Choose a person…</option>
          {candidates.map((u) => (
            <option key={u.id} value={u.id}>
              {u.email}
            </option>
          ))}
        </select>
      ) : (
        <input
          id="add-member-person"
          required
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
        />
      )}
      <label htmlFor="add-member-role">Role</label>
      <RoleSelect id="add-member-role" value={role} onChange={setRole} />
      <button type="submit" className="primary">
        Add to workspace
      </button>
    </form>
  );
}

/** One workspace's members: add an existing person, change a role, remove (once confirmed). */
export function WorkspaceMembersAdmin({
  workspace,
  onNotice,
  onChanged,
}: {
  workspace: { key: string; name: string };
  onNotice(text: string): void;
  /** After a membership changed (the member counts move). */
  onChanged(): void;
}) {
  const user = useSession();
  const [members, setMembers] = useState<UserView[] | null>(null);
  const [everyone, setEveryone] = useState<UserView[] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const platformAdmin = user?.platformAdmin ?? false;
  const { key } = workspace;
  const load = useCallback(() => {
    api<UserView[]>('GET', '/v1/users', undefined, { workspace: key }).then(
      setMembers,
      (e: Error) => setError(e.message),
    );
    // Everyone on the platform (no workspace named): only a platform admin may read them.
    if (platformAdmin)
      api<UserView[]>('GET', '/v1/users', undefined, { workspace: null }).then(
        setEveryone,
        (e: Error) => setError(e.message),
      );
  }, [key, platformAdmin]);
  useEffect(load, [load]);
  useEffect(() => confirmRef.current?.focus(), [confirming]);

  const change = async (work: () => Promise<string>, userId: string) => {
    setError(null);
    try {
      onNotice(await work());
      setConfirming(null);
      load();
      onChanged();
      // The signed-in user's own workspaces (the switcher, their role here) follow at once.
      if (userId === user?.userId) await session.reloadWorkspaces();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  };
  /** Gives `userId` the role; the notice names the member by the email the API answers with. */
  const setRole = (userId: string, role: Role, note: (email: string) => string) =>
    change(async () => {
      const member = await api<WorkspaceMemberView>(
        'PUT',
        `/v1/workspaces/${key}/members/${userId}`,
        { role },
      );
      return note(member.email);
    }, userId);
  const memberIds = new Set(members?.map((m) => m.id));
  const candidates = platformAdmin
    ? (everyone ?? []).filter((u) => !memberIds.has(u.id) && !u.disabledAt)
    : null;

  return (
    <div className="admin-section">
      <h3>
        Members of {workspace.name} (<code>{key}</code>)
      </h3>
      <AddMember
        candidates={candidates}
        onAdd={(userId, role) =>
          setRole(userId, role, (email) => `Added ${email} to ${key} as ${role}.`)
        }
      />
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <section className="card" aria-labelledby="members-title">
        <h3 id="members-title">Members</h3>
        {members === null ? (
          <p className="muted">Loading…</p>
        ) : members.length === 0 ? (
          <p className="muted">Nobody is a member of {key} yet.</p>
        ) : (
          <ScrollTable label={`Members of ${key}`} columns={['Person', 'Role', 'Actions']}>
            {members.map((m) => (
              <tr key={m.id} data-member={m.email}>
                <th scope="row">{m.email}</th>
                <td>
                  <RoleSelect
                    label={`Role of ${m.email} in ${key}`}
                    value={m.role}
                    onChange={(role) =>
                      void setRole(m.id, role, (email) => `${email} is now ${role} in ${key}.`)
                    }
                  />
                </td>
                <td>
                  {confirming === m.id ? (
                    <span role="group" aria-label={`Confirm removing ${m.email}`}>
                      Remove {m.email} from {key} and its queues?{' '}
                      <button
                        type="button"
                        ref={confirmRef}
                        className="reject"
                        onClick={() =>
                          void change(async () => {
                            await api('DELETE', `/v1/workspaces/${key}/members/${m.id}`);
                            return `Removed ${m.email} from ${key}.`;
                          }, m.id)
                        }
                      >
                        Yes, remove {m.email}
                      </button>{' '}
                      <button type="button" onClick={() => setConfirming(null)}>
                        Keep {m.email}
                      </button>
                    </span>
                  ) : (
                    <button type="button" onClick={() => setConfirming(m.id)}>
                      Remove {m.email}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>
    </div>
  );
}
