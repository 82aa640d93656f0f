import { useEffect, useState, useSyncExternalStore } from 'react';

/** The current time, re-rendering every `everyMs` (countdowns). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

// One clock per period for every cell that ticks: fifty ages on the floor are one timer and one
// React batch a second, not fifty of each.
interface Clock {
  now: number;
  subscribe(listener: () => void): () => void;
  read(): number;
}
const clocks = new Map<number, Clock>();

function clockOf(everyMs: number): Clock {
  const known = clocks.get(everyMs);
  if (known) return known;
  const listeners = new Set<() => void>();
  const clock: Clock = {
    now: Date.now(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read: () => clock.now,
  };
  setInterval(() => {
    clock.now = Date.now();
    listeners.forEach((l) => l());
  }, everyMs);
  clocks.set(everyMs, clock);
  return clock;
}

/** The current time from a clock shared by every caller with the same period. */
export function useSharedNow(everyMs = 1000): number {
  const clock = clockOf(everyMs);
  return useSyncExternalStore(clock.subscribe, clock.read);
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

/** One way to write a share everywhere: "42 %", "0.8 %" under 10 %, "—" when unknown. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  const pct = share * 100;
  return `${pct > 0 && pct < 10 ? pct.toFixed(1) : Math.round(pct)} %`;
}

/** One time format, in the viewer's time zone: "14:05:09" today, "5 Dec 14:05" otherwise. */
export function formatClock(at: string | number | Date, now = Date.now()): string {
  const date = new Date(at);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return sameDay
    ? date.toLocaleTimeString([], {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hour12: false,
      })
    : date.toLocaleString([], {
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      });
}
