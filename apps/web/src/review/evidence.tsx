import type { ReactNode } from 'react';
import { evidenceMarks, segment, type Mark } from '../lib/highlight';
import type { GateResult, SignalResult, TaskView } from './task-view';

function Section({ id, title, children, extra }: { id: string; title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <section className="card" aria-labelledby={`ev-${id}`}>
      <h3 id={`ev-${id}`}>
        {title} {extra}
      </h3>
      {children}
    </section>
  );
}

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const show = (v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : String(v));

/** Free-form evidence: scalars as chips, the rest as JSON on demand. */
function EvidenceValue({ value }: { value: unknown }) {
  if (value === undefined || value === null) return null;
  if (isScalar(value)) return <span className="chip">{show(value)}</span>;
  const entries = Array.isArray(value) ? [] : Object.entries(value as Record<string, unknown>);
  const scalars = entries.filter(([, v]) => isScalar(v));
  const rest = Array.isArray(value) ? value : Object.fromEntries(entries.filter(([, v]) => !isScalar(v)));
  const hasRest = Array.isArray(rest) ? rest.length > 0 : Object.keys(rest).length > 0;
  return (
    <div className="evidence">
      {scalars.map(([k, v]) => (
        <span className="chip" key={k}>
          {k} <b>{show(v)}</b>
        </span>
      ))}
      {hasRest && (
        <details>
          <summary>details</summary>
          <pre>{JSON.stringify(rest, null, 2)}</pre>
        </details>
      )}
    </div>
  );
}

function Highlighted({ text, marks }: { text: string; marks: Mark[] }) {
  return (
    <p className="output-text" aria-label="Output text">
      {segment(text, marks).map((seg, i) => {
        if (!seg.marks.length) return <span key={i}>{seg.text}</span>;
        const finding = seg.marks.some((m) => m.kind === 'finding');
        return (
          <mark key={i} className={finding ? 'finding' : 'evidence'} title={seg.marks.map((m) => m.label).join('\n')}>
            {seg.text}
          </mark>
        );
      })}
    </p>
  );
}

function Gates({ gates }: { gates: GateResult[] }) {
  if (!gates.length) return <p className="muted">No validators ran for this pipeline.</p>;
  return (
    <ul className="gates">
      {gates.map((gate, i) => (
        <li key={`${gate.type}-${i}`}>
          <span className={`pill ${gate.passed ? 'ok' : gate.onFail === 'flag' ? 'warn' : 'bad'}`}>{gate.passed ? 'passed' : `failed → ${gate.onFail}`}</span>
          <b>{gate.type}</b>
          {gate.findings.length > 0 && (
            <ul className="findings">
              {gate.findings.map((f, j) => (
                <li key={j}>
                  <code>{f.code}</code> {f.message}
                  {f.spans?.some((s) => s.text || s.path) && <span className="muted"> — {f.spans.map((s) => s.text ?? s.path).filter(Boolean).join(', ')}</span>}
                  {f.suggestion && <span className="suggestion"> Suggest: “{f.suggestion}”</span>}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function Signals({ signals }: { signals: SignalResult[] }) {
  if (!signals.length) return <p className="muted">No signals were scored.</p>;
  return (
    <table className="signals">
      <thead>
        <tr>
          <th scope="col">Signal</th>
          <th scope="col">Score</th>
          <th scope="col">Weight</th>
          <th scope="col">Evidence</th>
        </tr>
      </thead>
      <tbody>
        {signals.map((s) => (
          <tr key={s.name}>
            <th scope="row">{s.name}</th>
            <td className="score">
              {s.missing || s.score === null ? (
                <span className="muted">missing</span>
              ) : (
                <>
                  <meter min={0} max={1} low={0.5} high={0.8} optimum={1} value={s.score} aria-label={`${s.name} score`} /> {s.score.toFixed(2)}
                </>
              )}
            </td>
            <td>{Number.isInteger(s.weight) ? s.weight : s.weight.toFixed(2)}</td>
            <td>
              <EvidenceValue value={s.evidence} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Routing({ view }: { view: TaskView }) {
  const routing = view.submission.routing;
  const reasons = routing?.reasons ?? [];
  const { provider, model, verdict, confidence, ...aiRest } = routing?.aiReview ?? {};
  return (
    <Section id="routing" title="Why it is here">
      {reasons.length ? (
        <ul className="reasons">
          {reasons.map((r, i) => (
            <li key={i}>
              <code>{r.code}</code> {r.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{view.task.kind === 'qa' ? 'Quality audit of an automatic approval.' : 'No routing reason was recorded.'}</p>
      )}
      {routing?.flags && routing.flags.length > 0 && <p>Flags: {routing.flags.map((f) => <span className="chip" key={f}>{f}</span>)}</p>}
      {routing?.aiReview && (
        <div className="ai-review">
          <b>AI reviewer</b> {String(provider ?? '')} {model ? `(${String(model)})` : ''}: verdict <b>{String(verdict ?? '—')}</b>
          {typeof confidence === 'number' && <> at {Math.round(confidence * 100)}%</>}
          <EvidenceValue value={aiRest} />
        </div>
      )}
    </Section>
  );
}

/** Everything the reviewer decides on: why it came to people, the input, the output, the checks. */
export function Evidence({ view }: { view: TaskView }) {
  const { input, output, gates, signals } = view.submission;
  const marks: Mark[] = [
    ...gates.flatMap((g) =>
      g.findings.flatMap((f) =>
        (f.spans ?? []).flatMap((s) => (s.start !== undefined && s.end !== undefined ? [{ start: s.start, end: s.end, kind: 'finding' as const, label: `${g.type}: ${f.message}` }] : [])),
      ),
    ),
    ...signals.flatMap((s) => evidenceMarks(s.name, s.evidence)),
  ];
  const context = input.context ?? [];
  return (
    <div className="evidence-column">
      <Routing view={view} />
      <Section id="prompt" title="Prompt">
        {input.prompt ? <p className="prose">{input.prompt}</p> : <p className="muted">No prompt was sent.</p>}
      </Section>
      <Section id="context" title="Context documents" extra={<span className="count">{context.length}</span>}>
        {context.length ? (
          context.map((doc) => (
            <details key={doc.id} open={context.length <= 3} className="doc">
              <summary>{doc.id}</summary>
              <p className="prose">{doc.text}</p>
            </details>
          ))
        ) : (
          <p className="muted">No context documents.</p>
        )}
      </Section>
      <Section id="output" title="Output" extra={output.samples?.length ? <span className="count">{output.samples.length} samples</span> : undefined}>
        {typeof output.text === 'string' ? <Highlighted text={output.text} marks={marks} /> : <pre className="output-json">{JSON.stringify(output.json, null, 2)}</pre>}
        {marks.length > 0 && (
          <p className="legend">
            <mark className="finding">validator finding</mark> <mark className="evidence">signal evidence</mark> hover for details
          </p>
        )}
      </Section>
      <Section id="gates" title="Validators">
        <Gates gates={gates} />
      </Section>
      <Section id="signals" title="Signals">
        <Signals signals={signals} />
      </Section>
    </div>
  );
}
