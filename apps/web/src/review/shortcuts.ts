import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';

export type ShortcutAction =
  | 'approve'
  | 'reject'
  | 'edit'
  | 'escalate'
  | 'release'
  | 'submit'
  | 'cancel'
  | 'nextSpan'
  | 'prevSpan'
  | 'claim'
  | 'undo'
  | 'guidelines'
  | 'help';

/** A key as KeyboardEvent.key gives it (lower case), and how the UI writes it. */
export interface Binding {
  key: string;
  label: string;
  /** Needs Ctrl (or ⌘); works while typing in a field. */
  mod?: boolean;
  describe: string;
}

/**
 * The desk's keyboard map: one place that the handler, the buttons' hints, aria-keyshortcuts and
 * the `?` cheat sheet all read, so a hint can never disagree with what the key does.
 */
const DEFAULTS: Record<ShortcutAction, Binding> = {
  approve: { key: 'a', label: 'A', describe: 'Approve the output as it is' },
  reject: { key: 'r', label: 'R', describe: 'Reject with the reason codes chosen' },
  edit: { key: 'e', label: 'E', describe: 'Edit the output (then Ctrl+Enter to approve the edit)' },
  escalate: { key: 'x', label: 'X', describe: 'Escalate to the escalation queue' },
  release: { key: 'l', label: 'L', describe: 'Release the task back to the queue' },
  submit: { key: 'enter', label: 'Ctrl+Enter', mod: true, describe: 'Submit the edited output' },
  cancel: { key: 'escape', label: 'Esc', describe: 'Cancel the edit, close this sheet' },
  nextSpan: { key: 'j', label: 'J', describe: 'Next flagged span (shows its context sentence)' },
  prevSpan: { key: 'k', label: 'K', describe: 'Previous flagged span' },
  claim: { key: 'n', label: 'N', describe: 'Claim the next task when your hands are empty' },
  undo: {
    key: 'u',
    label: 'U',
    describe: 'Undo your last decision while its undo window is open (the task comes back)',
  },
  guidelines: { key: 'g', label: 'G', describe: "Show or hide the pipeline's review guidelines" },
  help: { key: '?', label: '?', describe: 'Show or hide this cheat sheet' },
};

/** Actions a reviewer may move to another letter; Ctrl+Enter, Esc, ? and the digits stay put. */
export const REBINDABLE: ShortcutAction[] = [
  'approve',
  'reject',
  'edit',
  'escalate',
  'release',
  'nextSpan',
  'prevSpan',
  'claim',
  'undo',
  'guidelines',
];

// Per user, in this browser: a reviewer's muscle memory belongs to the person, not the tab.
const storageKey = (userId: string) => `arbiter.keys.${userId}`;
let owner: string | null = null;
let overrides: Partial<Record<ShortcutAction, string>> = {};
let version = 0;
const listeners = new Set<() => void>();

/** The effective map: defaults with this user's letters. */
export let SHORTCUTS: Record<ShortcutAction, Binding> = { ...DEFAULTS };

function publish(): void {
  SHORTCUTS = Object.fromEntries(
    (Object.entries(DEFAULTS) as [ShortcutAction, Binding][]).map(([action, b]) => {
      const key = overrides[action];
      return [action, key ? { ...b, key, label: key.toUpperCase() } : b];
    }),
  ) as Record<ShortcutAction, Binding>;
  version++;
  listeners.forEach((l) => l());
}

/** Reads the user's letters (once per user). */
export function loadKeymap(userId: string): void {
  if (owner === userId) return;
  owner = userId;
  try {
    overrides = JSON.parse(localStorage.getItem(storageKey(userId)) ?? '{}') as Partial<
      Record<ShortcutAction, string>
    >;
  } catch {
    overrides = {};
  }
  publish();
}

/** Moves an action to a letter; the reason it cannot, or null when done. */
export function rebind(action: ShortcutAction, key: string): string | null {
  const k = key.toLowerCase();
  if (!REBINDABLE.includes(action)) return 'That key cannot be changed.';
  if (!/^[a-z]$/.test(k)) return 'Use a letter A–Z (digits choose reason codes).';
  const taken = (Object.entries(SHORTCUTS) as [ShortcutAction, Binding][]).find(
    ([other, b]) => other !== action && b.key === k && !b.mod,
  );
  if (taken) return `${k.toUpperCase()} already does “${taken[1].describe}”.`;
  overrides = { ...overrides, [action]: k };
  if (owner) localStorage.setItem(storageKey(owner), JSON.stringify(overrides));
  publish();
  return null;
}

export function resetKeymap(): void {
  overrides = {};
  if (owner) localStorage.removeItem(storageKey(owner));
  publish();
}

/** Re-renders when the map changes (hints on buttons follow a rebinding at once). */
export function useKeymap(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => version,
  );
}

/** aria-keyshortcuts wants "Control+Enter", "A", "Shift+?"…; this map's labels are close to that. */
export function ariaKeys(action: ShortcutAction): string {
  const b = SHORTCUTS[action];
  return b.mod ? 'Control+Enter' : b.key === '?' ? 'Shift+?' : b.label;
}

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>> & {
  reason?: (index: number) => void;
};

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function actionOf(event: KeyboardEvent): ShortcutAction | null {
  const key = event.key.toLowerCase();
  const mod = event.ctrlKey || event.metaKey;
  for (const [action, b] of Object.entries(SHORTCUTS) as [ShortcutAction, Binding][]) {
    if (b.key === key && Boolean(b.mod) === mod) return action;
  }
  return null;
}

/**
 * Listens on the document while `enabled`. Letters and digits are ignored while the reviewer types
 * in a field (a comment must be able to contain an "a"); Ctrl+Enter and Esc work everywhere.
 * Handlers are read through a ref, so re-renders do not re-bind the listener. The listener is bound
 * in a layout effect, before the browser paints the task: a key pressed the moment the task shows
 * must not fall into the gap between paint and a passive effect.
 */
export function useShortcuts(handlers: ShortcutHandlers, enabled = true): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.isComposing) return;
      const action = actionOf(event);
      const typing = isTyping(event.target);
      if (action && (!typing || action === 'submit' || action === 'cancel')) {
        const handler = ref.current[action];
        if (!handler) return;
        event.preventDefault();
        handler();
        return;
      }
      if (
        typing ||
        event.ctrlKey ||
        event.metaKey ||
        !/^[1-9]$/.test(event.key) ||
        !ref.current.reason
      )
        return;
      event.preventDefault();
      ref.current.reason(Number(event.key) - 1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
