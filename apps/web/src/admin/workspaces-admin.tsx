import { useCallback, useEffect, useState, type FormEvent, type MouseEvent } from 'react';
import type { WorkspaceView } from '@arbiter/contracts';
import { api, ProblemsError, session, useSession } from '../api/session';
import { navigate, usePath } from '../shell/router';
import { ScrollTable } from '../shell/scroll-table';
import { WorkspaceMembersAdmin } from './workspace-members-admin';

const BASE = '/admin/workspaces';

type Field = 'key' | 'name';

/** Where a refusal of POST /v1/workspaces belongs: a field it names, else the form as a whole. */
function fieldErrors(e: unknown): { fields: Partial<Record<Field, string>>; form: string | null } {
  if (!(e instanceof ProblemsError)) return { fields: {}, form: (e as Error).message };
  // 409: the key is taken.
  if (e.status === 409) return { fields: { key: e.message }, form: null };
  const fields: Partial<Record<Field, string>> = {};
  let form: string | null = null;
  for (const p of e.problems) {
    const field = p.path.split('.')[0];
    if (field === 'key' || field === 'name')
      fields[field] = fields[field] ? `${fields[field]}; ${p.message}` : p.message;
    else form = form ? `${form}; ${p.message}` : p.message;
  }
  return Object.keys(fields).length || form ? { fields, form } : { fields, form: e.message };
}

function CreateWorkspace({ onCreated }: { onCreated(w: WorkspaceView): void }) {
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    try {
      const created = await api<WorkspaceView>('POST', '/v1/workspaces', { key, name });
      setKey('');
      setName('');
      onCreated(created);
    } catch (e) {
      const { fields, form } = fieldErrors(e);
      setErrors(fields);
      setFormError(form);
    }
  };
  const input = (field: Field, label: string, value: string, set: (v: string) => void) => (
    <label>
      {label}
      <input
        required
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `new-workspace-${field}-error` : undefined}
      />
      {errors[field] && (
        <span id={`new-workspace-${field}-error`} className="error-text" role="alert">
          {errors[field]}
        </span>
      )}
    </label>
  );
  return (
    <form
      className="card form-grid"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="new-workspace-title"
      noValidate
    >
      <h3 id="new-workspace-title">New workspace</h3>
      {input('key', 'Workspace key', key, setKey)}
      {input('name', 'Workspace name', name, setName)}
      {formError && (
        <p role="alert" className="error-text">
          {formError}
        </p>
      )}
      <button type="submit" className="primary">
        Create workspace
      </button>
    </form>
  );
}

/**
 * Workspaces. A platform admin lists and creates them and opens one's members
 * (/admin/workspaces/<key>); a workspace's admin sees the members of the workspace acted in.
 */
export function WorkspacesAdmin({ onNotice }: { onNotice(text: string): void }) {
  const user = useSession();
  const path = usePath();
  const [workspaces, setWorkspaces] = useState<WorkspaceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const platformAdmin = user?.platformAdmin ?? false;
  const load = useCallback(() => {
    if (!platformAdmin) return;
    api<WorkspaceView[]>('GET', '/v1/workspaces').then(setWorkspaces, (e: Error) =>
      setError(e.message),
    );
  }, [platformAdmin]);
  useEffect(load, [load]);
  if (!user) return null;

  const opened = path.startsWith(`${BASE}/`)
    ? decodeURIComponent(path.slice(BASE.length + 1))
    : null;
  if (!platformAdmin || opened) {
    const key = platformAdmin ? opened : user.workspace;
    if (!key) return <p className="muted">You administer no workspace.</p>;
    const name =
      workspaces?.find((w) => w.key === key)?.name ??
      user.workspaces.find((w) => w.key === key)?.name ??
      key;
    return (
      <>
        {platformAdmin && (
          <a href={BASE} onClick={follow(BASE)}>
            ← All workspaces
          </a>
        )}
        <WorkspaceMembersAdmin
          key={key}
          workspace={{ key, name }}
          onNotice={onNotice}
          onChanged={load}
        />
      </>
    );
  }

  return (
    <div className="admin-section">
      <CreateWorkspace
        onCreated={(w) => {
          onNotice(`Created workspace ${w.name} (${w.key}).`);
          load();
          // A platform admin may act in every workspace: the switcher offers the new one.
          void session.reloadWorkspaces();
        }}
      />
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <section className="card" aria-labelledby="workspaces-title">
        <h3 id="workspaces-title">Workspaces</h3>
        {workspaces === null ? (
          <p className="muted">Loading…</p>
        ) : (
          <ScrollTable label="Workspaces" columns={['Key', 'Name', 'Members', 'Manage']}>
            {workspaces.map((w) => (
              <tr key={w.id} data-workspace={w.key}>
                <th scope="row">
                  <code>{w.key}</code>
                </th>
                <td>{w.name}</td>
                <td>{w.members}</td>
                <td>
                  <a href={`${BASE}/${w.key}`} onClick={follow(`${BASE}/${w.key}`)}>
                    Members of {w.key}
                  </a>
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>
    </div>
  );
}

const follow = (to: string) => (event: MouseEvent) => {
  event.preventDefault();
  navigate(to);
};
