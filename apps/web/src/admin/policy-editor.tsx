import { useRef, useState, type FormEvent } from 'react';
import type { LocatedProblemView, PipelineView } from '@arbiter/contracts';
import { apiText, ProblemsError } from '../api/session';
import { usePolicyCheck, type PolicyCheckState } from './use-policy-check';

type Problem = { path: string; message: string };

/** Offset of the start of a 1-based line and column in the text. */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  const before = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  return Math.min(text.length, before + column - 1);
}

function ProblemRow({
  problem,
  onGo,
}: {
  problem: LocatedProblemView;
  onGo(problem: LocatedProblemView): void;
}) {
  return (
    <li data-line={problem.line ?? undefined}>
      {problem.line !== null && (
        <button type="button" className="link" onClick={() => onGo(problem)}>
          Line {problem.line}, column {problem.column}
        </button>
      )}{' '}
      <code>{problem.path || '(document)'}</code> {problem.message}
    </li>
  );
}

/** The API's verdict on the text as typed: checking, valid, or each problem at its line. */
function CheckResult({
  state,
  onGo,
}: {
  state: PolicyCheckState;
  onGo(problem: LocatedProblemView): void;
}) {
  if (state.status === 'checking') return <p className="muted">Checking…</p>;
  if (state.status === 'failed')
    return <p className="error-text">The policy could not be checked: {state.message}</p>;
  const { valid, problems, warnings } = state.result;
  return (
    <>
      <p className={valid ? 'ok-text' : 'error-text'} data-testid="policy-verdict">
        {valid
          ? '✓ Valid: it can be saved.'
          : `✗ ${problems.length} problem${problems.length === 1 ? '' : 's'}: it cannot be saved yet.`}
      </p>
      {problems.length > 0 && (
        <ul className="problems" aria-label="Problems">
          {problems.map((p, i) => (
            <ProblemRow key={i} problem={p} onGo={onGo} />
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul className="problems warnings" aria-label="Warnings">
          {warnings.map((p, i) => (
            <ProblemRow key={i} problem={p} onGo={onGo} />
          ))}
        </ul>
      )}
    </>
  );
}

/** A new policy version, checked by the API as it is typed, saved (and optionally activated). */
export function PolicyEditor({
  pipeline,
  initial,
  onSaved,
}: {
  pipeline: string;
  initial: string;
  onSaved(view: PipelineView, note: string): void;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initial);
  const [activate, setActivate] = useState(false);
  const [refusal, setRefusal] = useState<{ error: string; problems: Problem[] } | null>(null);
  const check = usePolicyCheck(pipeline, text);
  const invalid = check.status === 'checked' && !check.result.valid;

  const goTo = (problem: LocatedProblemView) => {
    if (!area.current || problem.line === null) return;
    const at = offsetOf(text, problem.line, problem.column ?? 1);
    area.current.focus();
    area.current.setSelectionRange(at, Math.min(text.length, at + 1));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    try {
      const r = await apiText<{
        version: number;
        created: boolean;
        warnings: Problem[];
        pipeline: PipelineView;
      }>(
        'PUT',
        `/v1/pipelines/${encodeURIComponent(pipeline)}?activate=${activate}`,
        text,
        'application/yaml',
      );
      onSaved(
        r.pipeline,
        r.created
          ? `Saved as version ${r.version}${activate ? ' and activated' : ''}.`
          : `Same as version ${r.version}: nothing added.`,
      );
    } catch (e) {
      setRefusal({
        error: (e as Error).message,
        problems: e instanceof ProblemsError ? e.problems : [],
      });
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} className="policy-editor" aria-label="New policy version">
      <label>
        Policy (YAML)
        <textarea
          ref={area}
          rows={14}
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
          aria-invalid={invalid || refusal ? true : undefined}
          aria-describedby="policy-check"
        />
      </label>
      <div id="policy-check" aria-live="polite">
        <CheckResult state={check} onGo={goTo} />
        {refusal && (
          <>
            <p className="error-text">{refusal.error}</p>
            {refusal.problems.length > 0 && (
              <ul className="problems">
                {refusal.problems.map((p, i) => (
                  <li key={i}>
                    <code>{p.path || '(document)'}</code> {p.message}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <label className="check">
        <input type="checkbox" checked={activate} onChange={(e) => setActivate(e.target.checked)} />{' '}
        Activate it at once
      </label>
      <button type="submit" className="primary">
        Save as a new version
      </button>
    </form>
  );
}
