import { Fragment, type ReactNode } from 'react';
import { formatShare } from '../lib/time';
import type { FlaggedSpan } from './flagged-spans';
import type { GateResult, SignalResult, TaskView } from './task-view';

function Section({
  id,
  title,
  children,
  extra,
}: {
  id: string;
  title: string;
  children: ReactNode;
  extra?: ReactNode;
}) {
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
const show = (v: unknown) =>
  typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : String(v);

/** Free-form evidence: scalars as chips, the rest as JSON on demand. */
function EvidenceValue({ value }: { value: unknown }) {
  if (value === undefined || value === null) return null;
  if (isScalar(value)) return <span className="chip">{show(value)}</span>;
  const entries = Array.isArray(value) ? [] : Object.entries(value as Record<string, unknown>);
  const scalars = entries.filter(([, v]) => isScalar(v));
  const rest = Array.isArray(value)
    ? value
    : Object.fromEntries(entries.filter(([, v]) => !isScalar(v)));
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

function Gates({
  gates,
  spans,
  onApply,
}: {
  gates: GateResult[];
  spans: FlaggedSpan[];
  onApply(span: FlaggedSpan): void;
}) {
  const spanOf = (start?: number, end?: number) =>
    spans.find((s) => s.kind === 'finding' && s.start === start && s.end === end && s.suggestion);
  if (!gates.length) return <p className="muted">No validators ran for this pipeline.</p>;
  return (
    <ul className="gates">
      {gates.map((gate, i) => (
        <li key={`${gate.type}-${i}`}>
          <span className={`pill ${gate.passed ? 'ok' : gate.onFail === 'flag' ? 'warn' : 'bad'}`}>
            {gate.passed ? '✓ passed' : `✗ failed → ${gate.onFail}`}
          </span>
          <b>{gate.type}</b>
          {gate.findings.length > 0 && (
            <ul className="findings">
              {gate.findings.map((f, j) => (
                <li key={j}>
                  <code>{f.code}</code> {f.message}
                  {f.spans?.some((s) => s.text || s.path) && (
                    <span className="muted">
                      {' '}
                      —{' '}
                      {f.spans
                        .map((s) => s.text ?? s.path)
                        .filter(Boolean)
                        .join(', ')}
                    </span>
                  )}
                  {f.suggestion && <span className="suggestion"> Suggest: “{f.suggestion}”</span>}
                  {f.suggestion &&
                    f.spans
                      ?.map((s) => spanOf(s.start, s.end))
                      .filter((s): s is FlaggedSpan => Boolean(s))
                      .slice(0, 1)
                      .map((s) => (
                        <button
                          key={s.id}
                          type="button"
                          className="small"
                          onClick={() => onApply(s)}
                          aria-label={`Apply “${f.suggestion}” to “${s.text}”`}
                        >
                          Apply
                        </button>
                      ))}
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
    <div className="table-scroll">
      <table className="signals">
        <thead>
          <tr>
            <th scope="col">Signal</th>
            <th scope="col">Score</th>
            <th
              scope="col"
              title="The weight the fitted combiner gives the signal; it can differ from the policy's, which is its starting point"
            >
              Weight (fitted)
            </th>
          </tr>
        </thead>
        <tbody>
          {signals.map((s) => (
            <Fragment key={s.name}>
              <tr className={s.evidence == null ? undefined : 'has-evidence'}>
                <th scope="row">{s.name}</th>
                <td className="score">
                  {s.missing || s.score === null ? (
                    <span className="muted">missing</span>
                  ) : (
                    <>
                      <meter
                        min={0}
                        max={1}
                        low={0.5}
                        high={0.8}
                        optimum={1}
                        value={s.score}
                        aria-label={`${s.name} score`}
                      />{' '}
                      {s.score.toFixed(2)}
                    </>
                  )}
                </td>
                <td>{Number.isInteger(s.weight) ? s.weight : s.weight.toFixed(2)}</td>
              </tr>
              {s.evidence != null && (
                <tr className="evidence-row">
                  <td colSpan={3}>
                    <EvidenceValue value={s.evidence} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
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
        <p className="muted">
          {view.task.kind === 'qa'
            ? 'Quality audit of an automatic approval.'
            : 'No routing reason was recorded.'}
        </p>
      )}
      {routing?.flags && routing.flags.length > 0 && (
        <p>
          Flags:{' '}
          {routing.flags.map((f) => (
            <span className="chip" key={f}>
              {f}
            </span>
          ))}
        </p>
      )}
      {routing?.aiReview && (
        <div className="ai-review">
          <b>AI reviewer</b> {String(provider ?? '')} {model ? `(${String(model)})` : ''}: verdict{' '}
          <b>{String(verdict ?? '—')}</b>
          {typeof confidence === 'number' && <> at {formatShare(confidence)}</>}
          <EvidenceValue value={aiRest} />
        </div>
      )}
    </Section>
  );
}

/** Why the task came to people: the routing reasons, flags and the AI reviewer's verdict. */
export function WhyHere({ view }: { view: TaskView }) {
  return <Routing view={view} />;
}

/** The checks behind the confidence: validators (with one-click suggestions) and signals. */
export function Checks({
  view,
  spans,
  onApply,
}: {
  view: TaskView;
  spans: FlaggedSpan[];
  onApply(span: FlaggedSpan): void;
}) {
  const { gates, signals } = view.submission;
  return (
    <>
      <Section id="gates" title="Validators">
        <Gates gates={gates} spans={spans} onApply={onApply} />
      </Section>
      <Section id="signals" title="Signals">
        <Signals signals={signals} />
      </Section>
    </>
  );
}
