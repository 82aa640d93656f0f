import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/session';
import { api } from '../api/session';
import { command } from '../api/review-socket';
import { useLiveQueues, type LiveQueues } from '../api/use-live-queues';
import type { DecisionAck, ReviewAction, TaskView } from './task-view';
import { useRecentDecisions, type RecentDecisions } from './use-recent-decisions';

export interface Notice {
  tone: 'info' | 'success' | 'warning' | 'error';
  text: string;
}

export interface DecisionExtras {
  reasonCodes?: string[];
  comment?: string;
  editedOutput?: { text?: string; json?: Record<string, unknown> };
}

export interface ReviewDesk extends LiveQueues {
  task: TaskView | null;
  leaseExpiresAt: number | null;
  leaseWarning: boolean;
  notice: Notice | null;
  busy: boolean;
  /** The socket has been up once: a later disconnect is "reconnecting", not "connecting". */
  everConnected: boolean;
  clearNotice(): void;
  claimNext(before?: string): Promise<void>;
  /** Resolves when decided (and the next task claimed); rejects with the server's refusal. */
  decide(action: ReviewAction, extras: DecisionExtras): Promise<void>;
  release(): Promise<void>;
  /** My latest decisions, a pending one undoable until its window ends. */
  recent: RecentDecisions;
  /** Takes a decision back: its task returns to my hands (one I held instead goes back to the queue). */
  undo(decisionId: string): Promise<void>;
}

const REVOKED: Record<string, string> = {
  'lease-expired': 'Your lease lapsed, so the task went back to the queue.',
  expired: 'The submission expired before a decision.',
  escalated: 'The task was escalated to another queue.',
  erased: 'The submission was erased, so its task was withdrawn.',
};

const DONE: Record<string, string> = { approved: 'Approved', rejected: 'Rejected' };

function describe(ack: DecisionAck): string {
  if (ack.result === 'decided')
    return ack.undoableUntil
      ? `${DONE[ack.outcome]} (undoable for ${Math.max(1, Math.round((Date.parse(ack.undoableUntil) - Date.now()) / 1000))} s).`
      : `${DONE[ack.outcome]}.`;
  if (ack.result === 'waiting') return `Decision recorded (${ack.have} of ${ack.need} reviewers).`;
  if (ack.result === 'audited')
    return ack.verdict === 'agreed'
      ? 'Audit recorded: approval confirmed.'
      : 'Audit recorded: approval overturned.';
  return `Escalated to ${ack.queue}.`;
}

/**
 * One reviewer's desk: live queues, the held task with its lease kept alive by heartbeats every
 * third of the lease, server pushes (revoked, lease expiring), and decide-then-claim-next.
 */
export function useReviewDesk(): ReviewDesk {
  const live = useLiveQueues();
  const { socket, refresh } = live;
  const [task, setTask] = useState<TaskView | null>(null);
  const [leaseExpiresAt, setLeaseExpiresAt] = useState<number | null>(null);
  const [leaseWarning, setLeaseWarning] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const taskRef = useRef<TaskView | null>(null);
  taskRef.current = task;

  const [everConnected, setEverConnected] = useState(false);
  const recent = useRecentDecisions(live.connected);
  const reloadRecent = recent.reload;

  const hold = useCallback((next: TaskView | null) => {
    setTask(next);
    setLeaseWarning(false);
    setLeaseExpiresAt(next?.task.leaseExpiresAt ? Date.parse(next.task.leaseExpiresAt) : null);
  }, []);

  // Every (re)connection asks the server what this reviewer still holds: a reload, a closed tab or
  // a new login gets the task back with its lease instead of leaving it locked until it lapses.
  // A lost connection clears notices that may no longer be true.
  useEffect(() => {
    if (!socket) return;
    const onConnect = () => {
      setEverConnected(true);
      command<{ tasks: TaskView[] }>(socket, 'held').then(
        ({ tasks }) => {
          const [held] = tasks;
          if (!held || taskRef.current) return;
          hold(held);
          setNotice({ tone: 'info', text: 'Resumed the task you were holding.' });
        },
        () => undefined,
      );
    };
    const onDisconnect = () => setNotice(null);
    if (socket.connected) onConnect();
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
    };
  }, [socket, hold]);

  const claimNext = useCallback(
    async (before?: string) => {
      // While reconnecting nothing is sent: a command would wait out its timeout, then fail.
      if (!socket?.connected) return;
      setBusy(true);
      try {
        const { task: next } = await command<{ task: TaskView | null }>(socket, 'claim');
        hold(next);
        const prefix = before ? `${before} ` : '';
        setNotice(
          next
            ? before
              ? { tone: 'success', text: `${prefix}Next task claimed.` }
              : null
            : {
                tone: before ? 'success' : 'info',
                text: `${prefix}Nothing is waiting in your queues.`,
              },
        );
      } catch (error) {
        setNotice({ tone: 'error', text: (error as Error).message });
      } finally {
        setBusy(false);
        refresh();
      }
    },
    [socket, hold, refresh],
  );

  const lost = useCallback(
    (text: string) => {
      hold(null);
      setNotice({ tone: 'warning', text });
    },
    [hold],
  );

  const heartbeat = useCallback(async () => {
    const held = taskRef.current;
    if (!socket || !held?.task.leaseToken) return;
    try {
      const ack = await command<{ leaseExpiresAt: string }>(socket, 'heartbeat', {
        taskId: held.task.id,
        leaseToken: held.task.leaseToken,
      });
      setLeaseExpiresAt(Date.parse(ack.leaseExpiresAt));
      setLeaseWarning(false);
    } catch (error) {
      if (
        error instanceof ApiError &&
        error.status >= 400 &&
        error.status < 500 &&
        taskRef.current?.task.id === held.task.id
      ) {
        lost(`You no longer hold this task: ${error.message}`);
      }
    }
  }, [socket, lost]);

  // Heartbeats every third of the lease, so two can be lost before the lease lapses. The timer
  // restarts per task, not per heartbeat.
  const taskId = task?.task.id;
  useEffect(() => {
    const until = taskRef.current?.task.leaseExpiresAt;
    if (!taskId || !until) return;
    const leaseMs = Math.max(3000, Date.parse(until) - Date.now());
    const timer = setInterval(() => void heartbeat(), leaseMs / 3);
    return () => clearInterval(timer);
  }, [taskId, heartbeat]);

  useEffect(() => {
    if (!socket) return;
    const onRevoked = (p: { taskId: string; reason: string }) => {
      if (taskRef.current?.task.id === p.taskId)
        lost(REVOKED[p.reason] ?? `The task was taken back (${p.reason}).`);
    };
    const onExpiring = (p: { taskId: string }) => {
      if (taskRef.current?.task.id !== p.taskId) return;
      setLeaseWarning(true);
      void heartbeat();
    };
    const onUrgent = (p: { queue: string }) => {
      if (!taskRef.current)
        setNotice({ tone: 'warning', text: `An urgent task arrived in ${p.queue}.` });
    };
    socket.on('task.revoked', onRevoked);
    socket.on('lease.expiring', onExpiring);
    socket.on('task.urgent', onUrgent);
    return () => {
      socket.off('task.revoked', onRevoked);
      socket.off('lease.expiring', onExpiring);
      socket.off('task.urgent', onUrgent);
    };
  }, [socket, lost, heartbeat]);

  const decide = useCallback(
    async (action: ReviewAction, extras: DecisionExtras) => {
      const held = taskRef.current;
      if (!socket?.connected || !held?.task.leaseToken) return;
      setBusy(true);
      try {
        const ack = await command<DecisionAck>(socket, 'decide', {
          taskId: held.task.id,
          leaseToken: held.task.leaseToken,
          action,
          ...extras,
        });
        reloadRecent();
        await claimNext(describe(ack));
      } catch (error) {
        // Gone, no longer mine or closed otherwise (review.task_closed names why: expired, erased,
        // decided, escalated): nothing to correct in the form, the task has left my hands.
        if (error instanceof ApiError && (error.status === 404 || error.status === 409))
          lost(error.message);
        else throw error;
      } finally {
        setBusy(false);
      }
    },
    [socket, claimNext, lost, reloadRecent],
  );

  const undo = useCallback(
    async (decisionId: string) => {
      if (!socket?.connected) return;
      setBusy(true);
      try {
        const back = await api<TaskView>('POST', `/v1/review/decisions/${decisionId}/undo`);
        // The task claimed after the decision goes back to its queue: one task in hand at a time.
        const instead = taskRef.current;
        if (instead?.task.leaseToken && instead.task.id !== back.task.id)
          await command(socket, 'release', {
            taskId: instead.task.id,
            leaseToken: instead.task.leaseToken,
          }).catch(() => undefined);
        hold(back);
        setNotice({ tone: 'info', text: 'Decision undone: the task is back in your hands.' });
      } catch (error) {
        setNotice({ tone: 'error', text: (error as Error).message });
      } finally {
        setBusy(false);
        reloadRecent();
        refresh();
      }
    },
    [socket, hold, refresh, reloadRecent],
  );

  const release = useCallback(async () => {
    const held = taskRef.current;
    if (!socket || !held?.task.leaseToken) return;
    try {
      await command(socket, 'release', { taskId: held.task.id, leaseToken: held.task.leaseToken });
      hold(null);
      refresh();
      setNotice({ tone: 'info', text: 'Task released back to the queue.' });
    } catch (error) {
      // Gone or closed meanwhile (review.task_closed says why): it has left my hands all the same.
      if (error instanceof ApiError && (error.status === 404 || error.status === 409)) {
        lost(error.message);
        refresh();
      } else setNotice({ tone: 'error', text: (error as Error).message });
    }
  }, [socket, hold, refresh, lost]);

  const clearNotice = useCallback(() => setNotice(null), []);

  return {
    ...live,
    task,
    leaseExpiresAt,
    leaseWarning,
    notice,
    busy,
    everConnected,
    clearNotice,
    claimNext,
    decide,
    release,
    recent,
    undo,
  };
}
