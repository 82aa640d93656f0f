import { deadlineState, formatDuration, formatShare, useNow } from '../lib/time';
import type { TaskView } from './task-view';

interface Props {
  view: TaskView;
  leaseExpiresAt: number | null;
  leaseWarning: boolean;
}

/** Who sent it, how urgent it is, and the two clocks: the SLA deadline and my lease. */
export function TaskHeader({ view, leaseExpiresAt, leaseWarning }: Props) {
  const now = useNow();
  const { task, submission } = view;
  const state = deadlineState(task.dueAt, task.slaState, now);
  const dueIn = Date.parse(task.dueAt) - now;
  const leaseLeft = leaseExpiresAt === null ? null : leaseExpiresAt - now;
  const confidence = formatShare(submission.confidence);

  return (
    <div className="task-header">
      <div className="task-title">
        <h2>
          {submission.pipeline} {task.kind === 'qa' && <span className="pill audit">Audit</span>}
          {task.kind === 'escalation' && <span className="pill warn">Escalation</span>}
          {(task.requiredSkills ?? []).length > 0 && (
            <span
              className={`pill ${task.skillFallback ? 'warn' : ''}`}
              title={
                task.skillFallback
                  ? 'Nobody with this skill took it in time: offered to the whole queue'
                  : 'Offered only to reviewers with this skill'
              }
            >
              {task.skillFallback ? 'Fallback: needs ' : 'Needs '}
              {task.requiredSkills.join(', ')}
            </span>
          )}
        </h2>
        <span className="meta">
          queue <b>{task.queue}</b> · priority <b>{task.priority}</b>
          {task.kind !== 'review' && (
            <>
              {' '}
              · <b>{task.kind === 'qa' ? 'QA audit' : task.kind}</b>
            </>
          )}{' '}
          · policy v{submission.policyVersion} · model {submission.model.name ?? '?'}
          {submission.externalId && <> · ref {submission.externalId}</>} · confidence{' '}
          <b>{confidence}</b>
        </span>
      </div>
      <div className={`clock sla-${state.replace(' ', '-')}`} role="timer" aria-label="Deadline">
        <span className="clock-label">Deadline · {state}</span>
        <span className="clock-value">
          {state === 'breached' ? `overdue ${formatDuration(-dueIn)}` : formatDuration(dueIn)}
        </span>
      </div>
      {leaseLeft !== null && (
        <div
          className={`clock ${leaseWarning || leaseLeft < 30_000 ? 'lease-warn' : ''}`}
          role="timer"
          aria-label="Lease"
        >
          <span className="clock-label">Lease</span>
          <span className="clock-value">{formatDuration(Math.max(0, leaseLeft))}</span>
        </div>
      )}
      {leaseWarning && (
        <p role="alert" className="lease-alert">
          Your lease on this task is about to expire. Keep this tab open; it is renewing it now.
        </p>
      )}
    </div>
  );
}
