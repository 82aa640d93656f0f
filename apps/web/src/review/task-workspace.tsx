import { useMemo, useState } from 'react';
import { Checks, WhyHere } from './checks';
import { ContextCard } from './context-card';
import { DecisionPanel } from './decision-panel';
import { flaggedSpans, pointedPassages, type FlaggedSpan } from './flagged-spans';
import { GuidelinesPanel, useGuidelinesOpen } from './guidelines-panel';
import { OutputCard } from './output-card';
import { useShortcuts, type ShortcutAction } from './shortcuts';
import { TaskHeader } from './task-header';
import type { ReviewAction } from './task-view';
import { useDecisionForm } from './use-decision-form';
import type { ReviewDesk } from './use-review-desk';

/**
 * The task in hand: the output first beside its context, the checks under the output, the
 * decision on the right. Keyed by task id, so every task starts with a clean form.
 */
export function TaskWorkspace({ desk, keysEnabled }: { desk: ReviewDesk; keysEnabled: boolean }) {
  const view = desk.task!;
  const form = useDecisionForm(view);
  const spans = useMemo(() => flaggedSpans(view), [view]);
  const pointed = useMemo(() => pointedPassages(view), [view]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = spans.find((s) => s.id === selectedId) ?? null;
  const paused = desk.busy || !desk.connected;
  const guidelines = useGuidelinesOpen();

  const step = (by: 1 | -1) => {
    if (!spans.length) return;
    const at = spans.findIndex((s) => s.id === selectedId);
    const next = at < 0 ? (by > 0 ? 0 : spans.length - 1) : (at + by + spans.length) % spans.length;
    setSelectedId(spans[next]!.id);
  };
  const apply = (span: FlaggedSpan) => {
    setSelectedId(span.id);
    if (form.applySuggestion(span)) desk.clearNotice();
  };

  const decide = async (action: ReviewAction) => {
    if (paused) return;
    const extras = form.extrasFor(action);
    if ('refused' in extras) return form.setError(extras.refused);
    form.setError(null);
    try {
      await desk.decide(action, extras);
    } catch (error) {
      form.setError((error as Error).message);
    }
  };

  const act = (action: ShortcutAction) => {
    if (action === 'edit') {
      form.startEdit();
      desk.clearNotice();
    } else if (action === 'cancel') form.cancelEdit();
    else if (action === 'release') void (paused ? undefined : desk.release());
    else if (action === 'submit') void decide('edit');
    else if (action === 'approve' || action === 'reject' || action === 'escalate')
      void decide(action);
  };

  const editing = form.editing;
  useShortcuts(
    {
      approve: editing ? undefined : () => act('approve'),
      reject: editing ? undefined : () => act('reject'),
      edit: editing ? undefined : () => act('edit'),
      escalate: editing || !view.canEscalate ? undefined : () => act('escalate'),
      release: () => act('release'),
      submit: editing ? () => act('submit') : undefined,
      cancel: editing ? () => act('cancel') : selectedId ? () => setSelectedId(null) : undefined,
      nextSpan: () => step(1),
      prevSpan: () => step(-1),
      guidelines: view.guidelines ? guidelines.toggle : undefined,
      reason: (i) => {
        const code = view.reasonCodes[i];
        if (code) form.toggleCode(code);
      },
    },
    keysEnabled,
  );

  return (
    <>
      <TaskHeader
        view={view}
        leaseExpiresAt={desk.leaseExpiresAt}
        leaseWarning={desk.leaseWarning}
      />
      <div className="task-body">
        <div className="task-main">
          <OutputCard
            view={view}
            spans={spans}
            selected={selected}
            onSelect={(s) => setSelectedId(s?.id ?? null)}
            onStep={step}
            onApply={apply}
          />
          <Checks view={view} spans={spans} onApply={apply} />
        </div>
        <div className="task-context">
          {view.guidelines && (
            <GuidelinesPanel
              pipeline={view.submission.pipeline}
              text={view.guidelines}
              open={guidelines.open}
              onToggle={guidelines.setOpen}
            />
          )}
          <WhyHere view={view} />
          <ContextCard view={view} pointed={pointed} lit={selected?.link ?? null} />
        </div>
        <DecisionPanel view={view} form={form} disabled={paused} onAction={act} />
      </div>
    </>
  );
}
