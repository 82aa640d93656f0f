import { useEffect, useRef, type ReactNode } from 'react';
import type { ContextLink } from './flagged-spans';
import type { TaskView } from './task-view';

interface Props {
  view: TaskView;
  /** Context sentences the evidence points at, by document id. */
  pointed: Map<string, string[]>;
  /** The sentence linked to the selected span: scrolled into view and lit up. */
  lit: ContextLink | null;
}

interface Piece {
  text: string;
  pointed: boolean;
}

/** Splits a document at the pointed sentences (first occurrence of each). */
function pieces(text: string, sentences: string[]): Piece[] {
  const found = sentences
    .map((s) => ({ s, at: s ? text.indexOf(s) : -1 }))
    .filter((f) => f.at >= 0)
    .sort((a, b) => a.at - b.at);
  const out: Piece[] = [];
  let cursor = 0;
  for (const { s, at } of found) {
    if (at < cursor) continue;
    if (at > cursor) out.push({ text: text.slice(cursor, at), pointed: false });
    out.push({ text: s, pointed: true });
    cursor = at + s.length;
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor), pointed: false });
  return out;
}

function Passage({ text, isLit }: { text: string; isLit: boolean }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!isLit || !ref.current) return;
    // A reviewer may have folded the document away; the link opens it again.
    ref.current.closest('details')?.setAttribute('open', '');
    void ref.current.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [isLit]);
  return (
    <mark ref={ref} className={isLit ? 'passage lit' : 'passage'} data-lit={isLit || undefined}>
      {isLit && <span className="sr-only">Linked sentence: </span>}
      {text}
    </mark>
  );
}

function Doc({
  id,
  text,
  sentences,
  lit,
}: {
  id: string;
  text: string;
  sentences: string[];
  lit: ContextLink | null;
}) {
  const litHere = lit?.docId === id ? lit.text : null;
  const all = litHere && !sentences.includes(litHere) ? [...sentences, litHere] : sentences;
  const parts = pieces(text, all);
  const unmatched = litHere !== null && !parts.some((p) => p.pointed && p.text === litHere);
  // Open when the evidence points into it (or the selected span does); the rest stay collapsed.
  return (
    <details className="doc" open={all.length > 0 || undefined} data-doc={id}>
      <summary>
        {id} {all.length > 0 && <span className="count">{all.length} linked</span>}
      </summary>
      <p className="prose">
        {parts.map((p, i) =>
          p.pointed ? (
            <Passage key={i} text={p.text} isLit={p.text === litHere} />
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
      {unmatched && litHere !== null && (
        <p className="prose">
          <Passage text={litHere} isLit />
        </p>
      )}
    </details>
  );
}

// A prompt longer than this is collapsed to its first words.
const PROMPT_SUMMARY = 90;

function Collapsible({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <details className="doc">
      <summary>{title}</summary>
      {children}
    </details>
  );
}

/** The prompt and the context documents, collapsed except the passages the evidence points at. */
export function ContextCard({ view, pointed, lit }: Props) {
  const { input } = view.submission;
  const context = input.context ?? [];
  return (
    <>
      <section className="card" aria-labelledby="ev-prompt">
        <h3 id="ev-prompt">Prompt</h3>
        {input.prompt && input.prompt.length > PROMPT_SUMMARY ? (
          <Collapsible
            title={
              <span className="summary-line">{`${input.prompt.slice(0, PROMPT_SUMMARY)}…`}</span>
            }
          >
            <p className="prose">{input.prompt}</p>
          </Collapsible>
        ) : input.prompt ? (
          <p className="prose">{input.prompt}</p>
        ) : (
          <p className="muted">No prompt was sent.</p>
        )}
      </section>
      <section className="card" aria-labelledby="ev-context">
        <h3 id="ev-context">
          Context documents <span className="count">{context.length}</span>
        </h3>
        {context.length ? (
          context.map((doc) => (
            <Doc
              key={doc.id}
              id={doc.id}
              text={doc.text}
              sentences={pointed.get(doc.id) ?? []}
              lit={lit}
            />
          ))
        ) : (
          <p className="muted">No context documents.</p>
        )}
      </section>
    </>
  );
}
