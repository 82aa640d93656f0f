import { useState } from 'react';
import { KbdHint } from './kbd-hint';
import { ariaKeys } from './shortcuts';

// Remembered in this browser: a reviewer who folded the guidelines away wants them folded on
// the next task too (the workspace is rebuilt per task).
const OPEN_KEY = 'arbiter.guidelines.open';

function storedOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) !== 'false';
  } catch {
    return true;
  }
}

/** Shown or hidden by the reviewer, remembered across tasks; `toggle` is what the G key calls. */
export function useGuidelinesOpen(): {
  open: boolean;
  setOpen(open: boolean): void;
  toggle(): void;
} {
  const [open, set] = useState(storedOpen);
  const setOpen = (next: boolean) => {
    set(next);
    try {
      localStorage.setItem(OPEN_KEY, String(next));
    } catch {
      // Storage refused (private mode): the choice lasts for this task only.
    }
  };
  return { open, setOpen, toggle: () => setOpen(!open) };
}

/**
 * The pipeline's review guidelines (review.guidelines of the policy version that judged the
 * submission). Shown as written, line breaks kept: markdown stays readable as plain text, and
 * nothing in a policy is ever rendered as HTML.
 */
export function GuidelinesPanel({
  pipeline,
  text,
  open,
  onToggle,
}: {
  pipeline: string;
  text: string;
  open: boolean;
  onToggle(open: boolean): void;
}) {
  return (
    <section className="card guidelines" aria-labelledby="guidelines-title">
      <details open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
        <summary aria-keyshortcuts={ariaKeys('guidelines')}>
          <h3 id="guidelines-title">
            Guidelines <span className="count">{pipeline}</span>
          </h3>{' '}
          <KbdHint action="guidelines" />
        </summary>
        <div className="prose guidelines-text" data-testid="guidelines">
          {text}
        </div>
      </details>
    </section>
  );
}
