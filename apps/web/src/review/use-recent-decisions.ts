import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecentDecisionView } from '@arbiter/contracts';
import { api } from '../api/session';

/** How many of the latest decisions the desk lists. */
const SHOWN = 8;

export interface RecentDecisions {
  items: RecentDecisionView[];
  /** Reads the list again (after a decision or an undo). */
  reload(): void;
}

/**
 * The reviewer's latest decisions from GET /v1/review/decisions/mine, read when the desk is
 * online and after each decision; a pending one carries the end of its undo window.
 */
export function useRecentDecisions(online: boolean): RecentDecisions {
  const [items, setItems] = useState<RecentDecisionView[]>([]);
  const generation = useRef(0);
  const reload = useCallback(() => {
    // Only the newest answer counts: an older read finishing late must not bring back a row.
    const mine = ++generation.current;
    api<{ decisions: RecentDecisionView[] }>('GET', `/v1/review/decisions/mine?limit=${SHOWN}`)
      .then(({ decisions }) => {
        if (mine === generation.current) setItems(decisions);
      })
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    if (online) reload();
  }, [online, reload]);
  // A pending decision becomes final when its window ends: read again just after that.
  const nextEnd = items
    .map((d) => (d.undoableUntil ? Date.parse(d.undoableUntil) : Infinity))
    .reduce((a, b) => Math.min(a, b), Infinity);
  useEffect(() => {
    if (!Number.isFinite(nextEnd)) return;
    const timer = setTimeout(reload, Math.max(0, nextEnd - Date.now()) + 1500);
    return () => clearTimeout(timer);
  }, [nextEnd, reload]);
  return { items, reload };
}

/** The newest decision still undoable at `now`, if any. */
export function lastUndoable(items: RecentDecisionView[], now: number): RecentDecisionView | null {
  return items.find((d) => d.undoableUntil !== null && Date.parse(d.undoableUntil) > now) ?? null;
}
