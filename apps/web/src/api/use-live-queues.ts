import { useCallback, useEffect, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type { QueueCountsView } from '@arbiter/contracts';
import { command, connectReviewSocket } from './review-socket';

export interface LiveQueues {
  socket: Socket | null;
  connected: boolean;
  queues: QueueCountsView[];
  /** When the last count arrived (list or push), for "updated …" hints. */
  updatedAt: number | null;
  /** Re-reads the counts now (after my own claim or decision, without waiting for the push). */
  refresh(): void;
}

/**
 * The /review connection and the queues it shows, kept live by `queue.counts` pushes
 * (reviewers: their queues; leads and admins: every queue). Reconnects re-read the list.
 */
export function useLiveQueues(): LiveQueues {
  const [socket, setSocket] = useState<Socket | null>(null);
  const [connected, setConnected] = useState(false);
  const [queues, setQueues] = useState<QueueCountsView[]>([]);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);

  const load = useCallback((s: Socket) => {
    command<{ queues: QueueCountsView[] }>(s, 'queues').then(
      (r) => {
        setQueues(r.queues);
        setUpdatedAt(Date.now());
      },
      () => undefined,
    );
  }, []);

  useEffect(() => {
    const s = connectReviewSocket();
    s.on('connect', () => {
      setConnected(true);
      load(s);
    });
    s.on('disconnect', () => setConnected(false));
    s.on('queue.counts', (counts: QueueCountsView) => {
      setQueues((list) =>
        list.some((q) => q.queue === counts.queue)
          ? list.map((q) => (q.queue === counts.queue ? counts : q))
          : [...list, counts],
      );
      setUpdatedAt(Date.now());
    });
    setSocket(s);
    return () => {
      s.disconnect();
      setSocket(null);
    };
  }, [load]);

  const refresh = useCallback(() => {
    if (socket) load(socket);
  }, [socket, load]);

  return { socket, connected, queues, updatedAt, refresh };
}
