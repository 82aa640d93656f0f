import { memo } from 'react';
import type { LineDiff } from '../lib/yaml-view';

const LINE = /^(\s*(?:- )*)([^:\s][^:]*?):(\s.*|$)|^(\s*- )(.*)$/;

function valueClass(v: string): string {
  const t = v.trim();
  if (/^(true|false|null)$/.test(t)) return 'y-lit';
  if (/^-?\d+(\.\d+)?$/.test(t)) return 'y-num';
  return 'y-str';
}

/** One YAML line with its key, and its value's kind, set apart. */
function Line({ text }: { text: string }) {
  const m = LINE.exec(text);
  if (!m) return <>{text}</>;
  if (m[2] !== undefined) {
    return (
      <>
        {m[1]}
        <span className="y-key">{m[2]}</span>:
        {m[3] && <span className={valueClass(m[3])}>{m[3]}</span>}
      </>
    );
  }
  return (
    <>
      {m[4]}
      <span className={valueClass(m[5] ?? '')}>{m[5]}</span>
    </>
  );
}

/** A policy as highlighted YAML. */
export const YamlBlock = memo(function YamlBlock({ yaml, label }: { yaml: string; label: string }) {
  return (
    <pre className="yaml" role="region" aria-label={label} tabIndex={0}>
      {yaml.split('\n').map((line, i) => (
        <div key={i}>
          <Line text={line} />
        </div>
      ))}
    </pre>
  );
});

/** Two versions' YAML line by line: removed lines marked −, added +, so the change reads without colour. */
export function YamlDiff({ diff, label }: { diff: LineDiff[]; label: string }) {
  const changed = diff.some((d) => d.op !== 'same');
  return (
    <pre className="yaml diff-view" role="region" aria-label={label} tabIndex={0}>
      {!changed && <div>The two versions are the same.</div>}
      {diff.map((d, i) => (
        <div key={i} className={`d-${d.op}`}>
          <span className="d-sign" aria-hidden="true">
            {d.op === 'add' ? '+' : d.op === 'remove' ? '−' : ' '}
          </span>
          {d.op !== 'same' && (
            <span className="sr-only">{d.op === 'add' ? 'added: ' : 'removed: '}</span>
          )}
          {d.text}
        </div>
      ))}
    </pre>
  );
}
