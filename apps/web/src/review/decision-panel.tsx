import { useState } from 'react';
import { OutputEditor } from './output-editor';
import type { ReviewAction, TaskView } from './task-view';
import type { DecisionExtras } from './use-review-desk';

interface Props {
  view: TaskView;
  busy: boolean;
  onDecide(action: ReviewAction, extras: DecisionExtras): Promise<void>;
}

function originalText(view: TaskView): string {
  const { output } = view.submission;
  return typeof output.text === 'string' ? output.text : JSON.stringify(output.json ?? null, null, 2);
}

/** Approve, reject (with reason codes), edit (with a diff), escalate; a comment on any of them. */
export function DecisionPanel({ view, busy, onDecide }: Props) {
  const [codes, setCodes] = useState<string[]>([]);
  const [freeCode, setFreeCode] = useState('');
  const [comment, setComment] = useState('');
  const [editing, setEditing] = useState(false);
  const [edited, setEdited] = useState(() => originalText(view));
  const [error, setError] = useState<string | null>(null);
  const policyCodes = view.reasonCodes;
  const chosen = policyCodes.length ? codes : freeCode.trim() ? [freeCode.trim()] : [];
  const isJson = typeof view.submission.output.text !== 'string';

  const toggle = (code: string) => setCodes((list) => (list.includes(code) ? list.filter((c) => c !== code) : [...list, code]));

  const send = async (action: ReviewAction) => {
    setError(null);
    if (action === 'reject' && chosen.length === 0) return setError('Choose at least one reason code to reject.');
    const extras: DecisionExtras = { ...(chosen.length ? { reasonCodes: chosen } : {}), ...(comment.trim() ? { comment: comment.trim() } : {}) };
    if (action === 'edit') {
      if (edited === originalText(view)) return setError('The edit changes nothing: approve instead, or change the output.');
      try {
        extras.editedOutput = isJson ? { json: JSON.parse(edited) as Record<string, unknown> } : { text: edited };
      } catch {
        return setError('The edited output is not valid JSON.');
      }
    }
    try {
      await onDecide(action, extras);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className={editing ? 'card decision editing' : 'card decision'} aria-labelledby="decision-title">
      <h3 id="decision-title">Decision</h3>
      {policyCodes.length ? (
        <fieldset>
          <legend>Reason codes</legend>
          {policyCodes.map((code) => (
            <label key={code} className="check">
              <input type="checkbox" checked={codes.includes(code)} onChange={() => toggle(code)} /> {code}
            </label>
          ))}
        </fieldset>
      ) : (
        <label>
          Reason code
          <input value={freeCode} onChange={(e) => setFreeCode(e.target.value)} placeholder="needed to reject" />
        </label>
      )}
      <label>
        Comment
        <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      {editing && <OutputEditor original={originalText(view)} value={edited} onChange={setEdited} />}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {editing ? (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void send('edit')}>
            Approve edited output
          </button>
          <button type="button" disabled={busy} onClick={() => setEditing(false)}>
            Cancel edit
          </button>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="approve" disabled={busy} onClick={() => void send('approve')}>
            Approve
          </button>
          <button type="button" className="reject" disabled={busy} onClick={() => void send('reject')}>
            Reject
          </button>
          <button type="button" disabled={busy} onClick={() => setEditing(true)}>
            Edit
          </button>
          {view.canEscalate && (
            <button type="button" disabled={busy} onClick={() => void send('escalate')}>
              Escalate
            </button>
          )}
        </div>
      )}
    </section>
  );
}
