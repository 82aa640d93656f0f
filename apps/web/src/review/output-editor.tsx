import { useEffect, useRef } from 'react';
import { wordDiff } from '@arbiter/contracts/word-diff';
import type { JsonProblem } from '../lib/json-problem';
import { ariaKeys } from './shortcuts';

interface Props {
  original: string;
  value: string;
  problem: JsonProblem | null;
  onChange(value: string): void;
}

/** The line of the fault with a caret under its column, as an editor would point at it. */
function ProblemExcerpt({ text, problem }: { text: string; problem: JsonProblem }) {
  const line = text.split('\n')[problem.line - 1] ?? '';
  return (
    <pre className="json-excerpt" aria-hidden="true">
      {line}
      {'\n'}
      {' '.repeat(Math.max(0, problem.column - 1))}^
    </pre>
  );
}

/** The output, editable, with a word diff against the original and a JSON fault shown where it is. */
export function OutputEditor({ original, value, problem, onChange }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const parts = wordDiff(original, value);
  const changed = parts.some((p) => p.op !== 'same');
  // The editor opens focused, so typing (and Ctrl+Enter) works without reaching for the mouse.
  useEffect(() => {
    area.current?.focus({ preventScroll: false });
  }, []);
  const goToProblem = () => {
    if (!problem || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(problem.offset, Math.min(value.length, problem.offset + 1));
  };

  return (
    <div className="editor">
      <label>
        Edited output
        <textarea
          ref={area}
          rows={8}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          spellCheck
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'json-problem' : undefined}
          aria-keyshortcuts={ariaKeys('submit')}
        />
      </label>
      {problem && (
        <div id="json-problem" className="json-problem" aria-live="polite">
          <p>
            <b>
              Not valid JSON at line {problem.line}, column {problem.column}:
            </b>{' '}
            {problem.message}{' '}
            <button type="button" className="link" onClick={goToProblem}>
              Go to the error
            </button>
          </p>
          <ProblemExcerpt text={value} problem={problem} />
        </div>
      )}
      <div className="diff" role="group" aria-label="Changes">
        <span className="diff-title">{changed ? 'Changes' : 'No changes yet'}</span>
        {changed && (
          <p>
            {parts.map((p, i) =>
              p.op === 'same' ? (
                <span key={i}>{p.text}</span>
              ) : p.op === 'add' ? (
                <ins key={i}>{p.text}</ins>
              ) : (
                <del key={i}>{p.text}</del>
              ),
            )}
          </p>
        )}
      </div>
    </div>
  );
}
