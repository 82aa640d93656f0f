import { SHORTCUTS, useKeymap, type ShortcutAction } from './shortcuts';

/** The key of an action, shown on its button; hidden from the accessible name (aria-keyshortcuts says it). */
export function KbdHint({ action }: { action: ShortcutAction }) {
  useKeymap();
  return (
    <kbd className="hint" aria-hidden="true">
      {SHORTCUTS[action].label}
    </kbd>
  );
}
