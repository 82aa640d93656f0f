import { useState, type MouseEvent } from 'react';
import { navigate, usePath } from '../shell/router';
import { AuditLogAdmin } from './audit-log-admin';
import { ClientsAdmin } from './clients-admin';
import { DeadLettersAdmin } from './dead-letters-admin';
import { PipelinesAdmin } from './pipelines-admin';
import { UsersAdmin } from './users-admin';

const SECTIONS = [
  { path: '/admin', name: 'Pipelines', Screen: PipelinesAdmin },
  { path: '/admin/users', name: 'Users', Screen: UsersAdmin },
  { path: '/admin/clients', name: 'Clients and keys', Screen: ClientsAdmin },
  { path: '/admin/dead-letters', name: 'Dead letters', Screen: DeadLettersAdmin },
  { path: '/admin/audit', name: 'Audit log', Screen: AuditLogAdmin },
] as const;

/** Admin screens over the existing endpoints, one per sub-path. */
export function AdminPage() {
  const path = usePath();
  const [notice, setNotice] = useState<string | null>(null);
  const section = SECTIONS.find((s) => s.path === path) ?? SECTIONS[0];
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
              {s.name}
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
