import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import { refreshSession, session } from '../api/session';
import { applyDelta, stampAges, type DashboardDelta, type DashboardSnapshot } from './stats-view';

export type FeedStatus = 'connecting' | 'live' | 'offline' | 'unavailable';

export interface BacklogSample {
  t: number;
  waiting: number;
  claimed: number;
}

export interface DashboardFeed {
  status: FeedStatus;
  snapshot: DashboardSnapshot | null;
  updatedAt: number | null;
  /** The backlog as pushed since the page opened (one sample per push, the last 2 hours at most). */
  history: BacklogSample[];
}

const HISTORY_MAX = 7200;

/**
 * The leads' live feed: a snapshot on connect, then deltas. 'unavailable' when this api has no
 * /dashboard namespace (stats not deployed): the page then falls back to the review queue counts.
 */
export function useDashboardFeed(): DashboardFeed {
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const [snapshot, setSnapshot] = useState<DashboardSnapshot | null>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [history, setHistory] = useState<BacklogSample[]>([]);

  useEffect(() => {
    const socket = io('/dashboard', {
      transports: ['websocket'],
      auth: (cb) =>
        cb({ token: session.get()?.accessToken, workspace: session.get()?.workspace ?? undefined }),
    });
    socket.on('connect', () => setStatus('live'));
    socket.on('disconnect', () => setStatus('offline'));
    socket.on('connect_error', (error: Error) => {
      if (/invalid namespace/i.test(error.message)) return setStatus('unavailable');
      setStatus('offline');
      if (/unauthorized/.test(error.message))
        void refreshSession().then((next) => next && socket.connect());
    });
    const samplesOf = (messages: { at: string; totals: DashboardSnapshot['totals'] }[]) =>
      messages.map((m) => ({
        t: Date.parse(m.at),
        waiting: m.totals.waiting,
        claimed: m.totals.claimed,
      }));
    const sample = (samples: BacklogSample[]) =>
      setHistory((list) => {
        const next = list.concat(samples);
        return next.length > HISTORY_MAX ? next.slice(next.length - HISTORY_MAX) : next;
      });

    // A busy floor pushes many deltas a second: they are applied together once per frame, so
    // the page renders at most once per frame however fast they come (issue 17's 50 ms budget).
    let queued: DashboardDelta[] = [];
    let frame: number | null = null;
    let fallback: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      if (frame !== null) cancelAnimationFrame(frame);
      if (fallback !== null) clearTimeout(fallback);
      frame = fallback = null;
      const deltas = queued;
      queued = [];
      if (!deltas.length) return;
      setSnapshot((last) => (last ? deltas.reduce((s, d) => applyDelta(s, d), last) : last));
      setUpdatedAt(Date.now());
      sample(samplesOf(deltas));
    };
    socket.on('dashboard.snapshot', (next: DashboardSnapshot) => {
      // Deltas queued before a snapshot are older than it: the snapshot replaces them.
      queued = [];
      setSnapshot(stampAges(next));
      setUpdatedAt(Date.now());
      sample(samplesOf([next]));
    });
    socket.on('dashboard.delta', (delta: DashboardDelta) => {
      // Stamped on receipt, not at the flush: a queue's age is counted from when its figure came.
      queued.push(stampAges(delta));
      if (frame !== null) return;
      frame = requestAnimationFrame(flush);
      // A hidden tab gets no frames: the deltas are still applied, a few times a second.
      fallback = setTimeout(flush, 250);
    });
    return () => {
      if (frame !== null) cancelAnimationFrame(frame);
      if (fallback !== null) clearTimeout(fallback);
      socket.disconnect();
    };
  }, []);

  return { status, snapshot, updatedAt, history };
}
