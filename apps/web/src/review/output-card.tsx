import { useEffect, useRef } from 'react';
import { segment } from '../lib/highlight';
import type { FlaggedSpan } from './flagged-spans';
import { KbdHint } from './kbd-hint';
import { ariaKeys } from './shortcuts';
import type { TaskView } from './task-view';

interface Props {
  view: TaskView;
  spans: FlaggedSpan[];
  selected: FlaggedSpan | null;
  onSelect(span: FlaggedSpan | null): void;
  onStep(step: 1 | -1): void;
  onApply(span: FlaggedSpan): void;
}

const RELATION: Record<string, string> = {
  supports: 'supported by',
  contradicts: 'contradicted by',
  closest: 'closest context (weak support)',
};

/** Text and the status of each marked piece in words, never by colour alone. */
function HighlightedText({
  text,
  spans,
  selected,
  onSelect,
}: {
  text: string;
  spans: FlaggedSpan[];
  selected: FlaggedSpan | null;
  onSelect(s: FlaggedSpan): void;
}) {
  const selectedRef = useRef<HTMLElement>(null);
  // A block body on purpose: newer Chromium returns a Promise from scrollIntoView, and an effect
  // that returns it hands React a "cleanup" that is not a function (the page crashed on unmount).
  useEffect(() => {
    void selectedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  let firstOfSelected = true;
  return (
    <p className="output-text" role="group" aria-label="Output text">
      {segment(text, spans).map((seg, i) => {
        if (!seg.marks.length) return <span key={i}>{seg.text}</span>;
        const covering = seg.marks as FlaggedSpan[];
        const finding = covering.some((m) => m.kind === 'finding');
        const isSelected = selected !== null && covering.some((m) => m.id === selected.id);
        const anchor = isSelected && firstOfSelected;
        if (anchor) firstOfSelected = false;
        return (
          <mark
            key={i}
            ref={anchor ? selectedRef : undefined}
            className={`${finding ? 'finding' : 'evidence'}${isSelected ? ' selected' : ''}`}
            title={covering.map((m) => m.label).join('\n')}
            data-span={covering[0]!.id}
            onClick={() => onSelect(covering.find((m) => m.kind === 'finding') ?? covering[0]!)}
          >
            {seg.text}
          </mark>
        );
      })}
    </p>
  );
}

/** The selected span's details: what flagged it, its context sentence, and its suggestion. */
function SpanDetails({
  spans,
  selected,
  onStep,
  onApply,
}: Pick<Props, 'spans' | 'selected' | 'onStep' | 'onApply'>) {
  const index = selected ? spans.findIndex((s) => s.id === selected.id) : -1;
  return (
    <div className="span-details" aria-label="Highlight details" role="region">
      <div className="span-nav">
        <button
          type="button"
          onClick={() => onStep(-1)}
          aria-keyshortcuts={ariaKeys('prevSpan')}
          disabled={!spans.length}
        >
          ‹ Previous <KbdHint action="prevSpan" />
        </button>
        <span aria-live="polite">
          {index >= 0
            ? `Flagged span ${index + 1} of ${spans.length}`
            : `${spans.length} flagged span${spans.length === 1 ? '' : 's'}`}
        </span>
        <button
          type="button"
          onClick={() => onStep(1)}
          aria-keyshortcuts={ariaKeys('nextSpan')}
          disabled={!spans.length}
        >
          Next <KbdHint action="nextSpan" /> ›
        </button>
      </div>
      {selected && (
        <div className="span-body" aria-live="polite">
          <p>
            <span className={`pill ${selected.kind === 'finding' ? 'bad' : 'warn'}`}>
              {selected.kind === 'finding' ? 'validator finding' : 'signal evidence'}
            </span>{' '}
            <q>{selected.text}</q>
          </p>
          <ul>
            {selected.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
          {selected.link ? (
            <p className={`link-${selected.link.relation}`}>
              <b>{RELATION[selected.link.relation]}</b> {selected.link.docId}
              {selected.link.support !== null &&
                ` (support ${Math.round(selected.link.support * 100)} %)`}
              : <q>{selected.link.text}</q>
            </p>
          ) : (
            <p className="muted">No context sentence was matched to this span.</p>
          )}
          {selected.suggestion && (
            <button type="button" className="primary" onClick={() => onApply(selected)}>
              Apply “{selected.suggestion.text}” in the editor
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** The output first: the text with its flagged spans, and the selected span's details. */
export function OutputCard(props: Props) {
  const { output } = props.view.submission;
  const text = typeof output.text === 'string' ? output.text : null;
  return (
    <section
      className="card output-card"
      aria-labelledby="ev-output"
      data-task-id={props.view.task.id}
    >
      <h3 id="ev-output">
        Output{' '}
        {output.samples?.length ? (
          <span className="count">{output.samples.length} samples</span>
        ) : null}
      </h3>
      {text !== null ? (
        <HighlightedText
          text={text}
          spans={props.spans}
          selected={props.selected}
          onSelect={props.onSelect}
        />
      ) : (
        <pre className="output-json" tabIndex={0} role="group" aria-label="Output text">
          {JSON.stringify(output.json, null, 2)}
        </pre>
      )}
      {props.spans.length > 0 && (
        <>
          <p className="legend">
            <mark className="finding">validator finding</mark>{' '}
            <mark className="evidence">signal evidence</mark> click a mark, or <kbd>J</kbd>/
            <kbd>K</kbd>
          </p>
          <SpanDetails
            spans={props.spans}
            selected={props.selected}
            onStep={props.onStep}
            onApply={props.onApply}
          />
        </>
      )}
    </section>
  );
}
