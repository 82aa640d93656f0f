import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  REBINDABLE,
  rebind,
  resetKeymap,
  SHORTCUTS,
  useKeymap,
  type Binding,
  type ShortcutAction,
} from './shortcuts';

/** The `?` sheet: every key of the desk, from the same map the handler reads; letters can be changed. */
export function CheatSheet({ open, onClose }: { open: boolean; onClose(): void }) {
  useKeymap();
  const dialog = useRef<HTMLDialogElement>(null);
  const [capturing, setCapturing] = useState<ShortcutAction | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
    if (!open) setCapturing(null);
  }, [open]);

  // While waiting for the new letter, the key press is the answer, not a shortcut (React's handler
  // runs before the document's, which skips a prevented event).
  const onKeyDown = (event: KeyboardEvent) => {
    if (!capturing) return;
    event.preventDefault();
    if (event.key === 'Escape') {
      setCapturing(null);
      return;
    }
    const refused = rebind(capturing, event.key);
    setMessage(refused ?? `${SHORTCUTS[capturing].describe}: now ${SHORTCUTS[capturing].label}.`);
    if (!refused) setCapturing(null);
  };

  return (
    <dialog
      ref={dialog}
      className="cheat-sheet"
      aria-labelledby="cheat-title"
      onClose={onClose}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        if (capturing) e.preventDefault();
      }}
    >
      <h2 id="cheat-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {(Object.entries(SHORTCUTS) as [ShortcutAction, Binding][]).map(([action, b]) => (
            <tr key={action}>
              <th scope="row">
                <kbd>{b.label}</kbd>
              </th>
              <td>{b.describe}</td>
              <td>
                {REBINDABLE.includes(action) && (
                  <button
                    type="button"
                    className="small"
                    aria-pressed={capturing === action}
                    onClick={() => setCapturing(capturing === action ? null : action)}
                  >
                    {capturing === action ? 'Press a letter…' : 'Change'}
                    <span className="sr-only"> the key of: {b.describe}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              <kbd>1</kbd>–<kbd>9</kbd>
            </th>
            <td>
              Toggle the reason code with that number (then {SHORTCUTS.reject.label} to reject)
            </td>
            <td />
          </tr>
        </tbody>
      </table>
      <p className="muted" aria-live="polite">
        {message ??
          'Letter keys are ignored while you type in a field; Ctrl+Enter and Esc work everywhere. Your letters are kept for you in this browser.'}
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
        <button
          type="button"
          onClick={() => {
            resetKeymap();
            setMessage('Back to the default keys.');
          }}
        >
          Default keys
        </button>
      </div>
    </dialog>
  );
}
