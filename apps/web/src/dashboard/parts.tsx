import type { ReactNode } from 'react';
import { formatClock } from '../lib/time';
import type { FeedStatus } from './use-dashboard-feed';

export function Tile({
  label,
  value,
  tone,
  hint,
}: {
  label: string;
  value: ReactNode;
  tone?: 'warn' | 'bad';
  hint?: string;
}) {
  return (
    <div className={`tile ${tone ?? ''}`}>
      <span className="tile-label">{label}</span>
      <span className="tile-value" role="group" aria-label={label}>
        {value}
      </span>
      {hint && <span className="tile-hint">{hint}</span>}
    </div>
  );
}

export function LoadBar({
  waiting,
  claimed,
  max,
}: {
  waiting: number;
  claimed: number;
  max: number;
}) {
  return (
    <span className="bar" aria-hidden="true">
      <span className="bar-waiting" style={{ width: `${(waiting / max) * 100}%` }} />
      <span className="bar-claimed" style={{ width: `${(claimed / max) * 100}%` }} />
    </span>
  );
}

export function LiveBadge({ status, updatedAt }: { status: FeedStatus; updatedAt: number | null }) {
  return (
    <span className="muted" role="status" aria-label="Feed">
      <span className={status === 'live' ? 'dot live' : 'dot'} /> {status}
      {updatedAt && ` · updated ${formatClock(updatedAt)}`}
    </span>
  );
}

export const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`;

/** "42 s", "7 min", "3 h 5 min" for an age in seconds. */
export function age(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}
