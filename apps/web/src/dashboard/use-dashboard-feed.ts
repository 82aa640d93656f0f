import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import { api, refreshSession, session } from '../api/session';
import { applyDelta, type AutomationView, type DashboardDelta, type DashboardSnapshot, type ThroughputView } from './stats-view';

export type FeedStatus = 'connecting' | 'live' | 'offline' | 'unavailable';

export interface DashboardFeed {
  status: FeedStatus;
  snapshot: DashboardSnapshot | null;
  updatedAt: number | null;
}

/**
 * The leads' live feed: a snapshot on connect, then deltas. 'unavailable' when this api has no
 * /dashboard namespace (stats not deployed): the page then falls back to the review queue counts.
 */
export function useDashboardFeed(): DashboardFeed {
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const [snapshot, setSnapshot] = useState<DashboardSnapshot | null>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);

  useEffect(() => {
    const socket = io('/dashboard', { transports: ['websocket'], auth: (cb) => cb({ token: session.get()?.accessToken }) });
    socket.on('connect', () => setStatus('live'));
    socket.on('disconnect', () => setStatus('offline'));
    socket.on('connect_error', (error: Error) => {
      if (/invalid namespace/i.test(error.message)) return setStatus('unavailable');
      setStatus('offline');
      if (/unauthorized/.test(error.message)) void refreshSession().then((next) => next && socket.connect());
    });
    socket.on('dashboard.snapshot', (next: DashboardSnapshot) => {
      setSnapshot(next);
      setUpdatedAt(Date.now());
    });
    socket.on('dashboard.delta', (delta: DashboardDelta) => {
      setSnapshot((last) => (last ? applyDelta(last, delta) : last));
      setUpdatedAt(Date.now());
    });
    return () => {
      socket.disconnect();
    };
  }, []);

  return { status, snapshot, updatedAt };
}

export interface FlowFigures {
  throughput: ThroughputView | null;
  automation: AutomationView | null;
}

const FLOW_REFRESH_MS = 30_000;

/** The last hour's throughput and automation from /v1/stats, refreshed every 30 s. */
export function useFlowFigures(enabled: boolean): FlowFigures {
  const [figures, setFigures] = useState<FlowFigures>({ throughput: null, automation: null });
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    const load = async () => {
      const [throughput, automation] = await Promise.all([
        api<ThroughputView>('GET', '/v1/stats/throughput').catch(() => null),
        api<AutomationView>('GET', '/v1/stats/automation').catch(() => null),
      ]);
      if (!stopped) setFigures({ throughput, automation });
    };
    void load();
    const timer = setInterval(() => void load(), FLOW_REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [enabled]);
  return figures;
}
