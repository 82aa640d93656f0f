import { useState, type MouseEvent } from 'react';
import { useSession } from '../api/session';
import { navigate, usePath } from '../shell/router';
import { AuditLogAdmin } from './audit-log-admin';
import { ClientsAdmin } from './clients-admin';
import { DeadLettersAdmin } from './dead-letters-admin';
import { PipelinesAdmin } from './pipelines-admin';
import { UsersAdmin } from './users-admin';
import { WorkspacesAdmin } from './workspaces-admin';

const SECTIONS = [
  { path: '/admin', name: 'Pipelines', Screen: PipelinesAdmin },
  { path: '/admin/users', name: 'Users', Screen: UsersAdmin },
  // A workspace's admin sees their workspace's members here; a platform admin every workspace.
  { path: '/admin/workspaces', name: 'Workspaces', Screen: WorkspacesAdmin },
  { path: '/admin/clients', name: 'Clients and keys', Screen: ClientsAdmin },
  { path: '/admin/dead-letters', name: 'Dead letters', Screen: DeadLettersAdmin },
  { path: '/admin/audit', name: 'Audit log', Screen: AuditLogAdmin },
] as const;

/** Admin screens over the existing endpoints, one per sub-path. */
export function AdminPage() {
  const path = usePath();
  const platformAdmin = useSession()?.platformAdmin ?? false;
  const [notice, setNotice] = useState<string | null>(null);
  // A section owns its sub-paths too (/admin/workspaces/<key>).
  const section =
    SECTIONS.find((s) => s.path === path) ??
    SECTIONS.find((s) => s.path !== '/admin' && path.startsWith(`${s.path}/`)) ??
    SECTIONS[0];
  const go = (to: string) => (event: MouseEvent) => {
    event.preventDefault();
    setNotice(null);
    navigate(to);
  };
  const { Screen } = section;
  return (
    <main className="dashboard admin">
      <div className="dash-head">
        <h2>Admin</h2>
        <nav aria-label="Admin sections" className="subnav">
          {SECTIONS.map((s) => (
            <a
              key={s.path}
              href={s.path}
              aria-current={s.path === section.path ? 'page' : undefined}
              onClick={go(s.path)}
            >
              {s.Screen === WorkspacesAdmin && !platformAdmin ? 'Members' : s.name}
            </a>
          ))}
        </nav>
      </div>
      <div role="status" aria-live="polite" className={notice ? 'notice success' : 'notice empty'}>
        {notice}
      </div>
      <Screen onNotice={setNotice} />
    </main>
  );
}
