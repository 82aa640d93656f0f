import { useCallback, useMemo, useState } from 'react';
import { jsonProblem, type JsonProblem } from '../lib/json-problem';
import type { FlaggedSpan } from './flagged-spans';
import type { ReviewAction, TaskView } from './task-view';
import type { DecisionExtras } from './use-review-desk';

export interface DecisionForm {
  isJson: boolean;
  original: string;
  codes: string[];
  freeCode: string;
  comment: string;
  editing: boolean;
  edited: string;
  /** The edited JSON's syntax error, checked as the reviewer types. */
  problem: JsonProblem | null;
  error: string | null;
  setFreeCode(code: string): void;
  setComment(text: string): void;
  setEdited(text: string): void;
  setError(text: string | null): void;
  toggleCode(code: string): void;
  startEdit(): void;
  cancelEdit(): void;
  /** Puts a validator's suggestion (or redaction) in place of its span, opening the editor. */
  applySuggestion(span: FlaggedSpan): boolean;
  /** The extras of a decision, or the reason it cannot be sent yet. */
  extrasFor(action: ReviewAction): DecisionExtras | { refused: string };
}

export function originalText(view: TaskView): string {
  const { output } = view.submission;
  return typeof output.text === 'string'
    ? output.text
    : JSON.stringify(output.json ?? null, null, 2);
}

/** The decision being prepared for one task (the page keys it by task, so a new task starts clean). */
export function useDecisionForm(view: TaskView): DecisionForm {
  const original = useMemo(() => originalText(view), [view]);
  const isJson = typeof view.submission.output.text !== 'string';
  const [codes, setCodes] = useState<string[]>([]);
  const [freeCode, setFreeCode] = useState('');
  const [comment, setComment] = useState('');
  const [editing, setEditing] = useState(false);
  const [edited, setEdited] = useState(original);
  const [error, setError] = useState<string | null>(null);
  const problem = useMemo(
    () => (isJson && editing ? jsonProblem(edited) : null),
    [isJson, editing, edited],
  );

  const toggleCode = useCallback((code: string) => {
    setError(null);
    setCodes((list) => (list.includes(code) ? list.filter((c) => c !== code) : [...list, code]));
  }, []);

  const applySuggestion = useCallback(
    (span: FlaggedSpan) => {
      const suggestion = span.suggestion;
      if (!suggestion) return false;
      const current = editing ? edited : original;
      // Offsets hold while the reviewer has not changed the text before the span; else the first
      // occurrence of the flagged words is the best guess, and none means the reviewer rewrote it.
      const at =
        current.slice(span.start, span.end) === suggestion.replaces
          ? span.start
          : current.indexOf(suggestion.replaces);
      if (at < 0) {
        setError(`“${suggestion.replaces}” is no longer in the edited text; change it by hand.`);
        return false;
      }
      setEdited(
        current.slice(0, at) + suggestion.text + current.slice(at + suggestion.replaces.length),
      );
      setEditing(true);
      setError(null);
      return true;
    },
    [editing, edited, original],
  );

  const extrasFor = (action: ReviewAction): DecisionExtras | { refused: string } => {
    const chosen = view.reasonCodes.length ? codes : freeCode.trim() ? [freeCode.trim()] : [];
    if (action === 'reject' && chosen.length === 0) {
      return { refused: 'Choose at least one reason code to reject.' };
    }
    const extras: DecisionExtras = {
      ...(chosen.length ? { reasonCodes: chosen } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    };
    if (action !== 'edit') return extras;
    if (edited === original)
      return { refused: 'The edit changes nothing: approve instead, or change the output.' };
    if (!isJson) return { ...extras, editedOutput: { text: edited } };
    if (problem)
      return {
        refused: `The edited output is not valid JSON: line ${problem.line}, column ${problem.column}.`,
      };
    return { ...extras, editedOutput: { json: JSON.parse(edited) as Record<string, unknown> } };
  };

  return {
    isJson,
    original,
    codes,
    freeCode,
    comment,
    editing,
    edited,
    problem,
    error,
    setFreeCode,
    setComment,
    setEdited,
    setError,
    toggleCode,
    startEdit: () => setEditing(true),
    cancelEdit: () => {
      setEditing(false);
      setError(null);
    },
    applySuggestion,
    extrasFor,
  };
}
