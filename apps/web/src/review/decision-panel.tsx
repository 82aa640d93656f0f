import type { ReactNode } from 'react';
import { KbdHint } from './kbd-hint';
import { OutputEditor } from './output-editor';
import { ariaKeys, type ShortcutAction } from './shortcuts';
import type { TaskView } from './task-view';
import type { DecisionForm } from './use-decision-form';

interface Props {
  view: TaskView;
  form: DecisionForm;
  /** A decision is on its way, or the connection is down: every action waits. */
  disabled: boolean;
  onAction(action: ShortcutAction): void;
}

function ActionButton({
  action,
  className,
  disabled,
  onAction,
  children,
}: {
  action: ShortcutAction;
  className?: string;
  disabled: boolean;
  onAction(a: ShortcutAction): void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className}
      disabled={disabled}
      aria-keyshortcuts={ariaKeys(action)}
      onClick={() => onAction(action)}
    >
      {children} <KbdHint action={action} />
    </button>
  );
}

/** What a QA audit asks: the automatic approval was right (approve) or wrong (reject, edit). */
function AuditNote() {
  return (
    <p className="audit-note">
      <span className="pill audit">Audit</span> This output was <b>approved automatically</b> and
      already delivered. Approve if that was right; reject or edit to overturn it (the overturn
      counts against the automation).
    </p>
  );
}

/** Approve, reject (with reason codes 1–9), edit (with a diff), escalate, release; a comment on any of them. */
export function DecisionPanel({ view, form, disabled, onAction }: Props) {
  const policyCodes = view.reasonCodes;
  const audit = view.task.kind === 'qa';

  return (
    <section
      className={form.editing ? 'card decision editing' : 'card decision'}
      aria-labelledby="decision-title"
    >
      <h3 id="decision-title">{audit ? 'Audit decision' : 'Decision'}</h3>
      {audit && <AuditNote />}
      {policyCodes.length ? (
        <fieldset>
          <legend>
            Reason codes <span className="muted">(keys 1–{Math.min(9, policyCodes.length)})</span>
          </legend>
          {policyCodes.map((code, i) => (
            <label key={code} className="check">
              <input
                type="checkbox"
                checked={form.codes.includes(code)}
                onChange={() => form.toggleCode(code)}
                aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
              />
              {i < 9 && (
                <kbd className="hint" aria-hidden="true">
                  {i + 1}
                </kbd>
              )}{' '}
              {code}
            </label>
          ))}
        </fieldset>
      ) : (
        <label>
          Reason code
          <input
            value={form.freeCode}
            onChange={(e) => form.setFreeCode(e.target.value)}
            placeholder="needed to reject"
          />
        </label>
      )}
      <label>
        Comment
        <textarea rows={2} value={form.comment} onChange={(e) => form.setComment(e.target.value)} />
      </label>
      {form.editing && (
        <OutputEditor
          original={form.original}
          value={form.edited}
          problem={form.problem}
          onChange={form.setEdited}
        />
      )}
      {form.error && (
        <p role="alert" className="error-text">
          {form.error}
        </p>
      )}
      <div className="actions action-bar" role="toolbar" aria-label="Decision actions">
        {form.editing ? (
          <>
            <ActionButton
              action="submit"
              className="primary"
              disabled={disabled}
              onAction={onAction}
            >
              Approve edited output
            </ActionButton>
            <ActionButton action="cancel" disabled={false} onAction={onAction}>
              Cancel edit
            </ActionButton>
          </>
        ) : (
          <>
            <ActionButton
              action="approve"
              className="approve"
              disabled={disabled}
              onAction={onAction}
            >
              Approve
            </ActionButton>
            <ActionButton
              action="reject"
              className="reject"
              disabled={disabled}
              onAction={onAction}
            >
              Reject
            </ActionButton>
            <ActionButton action="edit" disabled={disabled} onAction={onAction}>
              Edit
            </ActionButton>
            {view.canEscalate && (
              <ActionButton action="escalate" disabled={disabled} onAction={onAction}>
                Escalate
              </ActionButton>
            )}
            <ActionButton
              action="release"
              className="quiet"
              disabled={disabled}
              onAction={onAction}
            >
              Release
            </ActionButton>
          </>
        )}
      </div>
    </section>
  );
}
