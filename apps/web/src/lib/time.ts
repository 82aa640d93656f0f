import { useEffect, useState } from 'react';

/** The current time, re-rendering every `everyMs` (countdowns). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "4:05", "1:02:03" or "-0:12" for a duration in ms (negative = overdue). */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${s}` : `${sign}${m}:${s}`;
}

export type DeadlineState = 'due' | 'at risk' | 'breached';

/** The server ages SLA states every few seconds; the clock knows a breach the moment it happens. */
export function deadlineState(dueAt: string, slaState: string, now: number): DeadlineState {
  if (slaState === 'breached' || Date.parse(dueAt) <= now) return 'breached';
  return slaState === 'at_risk' ? 'at risk' : 'due';
}
