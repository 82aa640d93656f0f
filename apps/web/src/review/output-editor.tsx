import { wordDiff } from '../lib/word-diff';

interface Props {
  original: string;
  value: string;
  onChange(value: string): void;
}

/** The output, editable, with a word diff against the original underneath. */
export function OutputEditor({ original, value, onChange }: Props) {
  const parts = wordDiff(original, value);
  const changed = parts.some((p) => p.op !== 'same');
  return (
    <div className="editor">
      <label>
        Edited output
        <textarea rows={6} value={value} onChange={(e) => onChange(e.target.value)} spellCheck />
      </label>
      <div className="diff" aria-label="Changes">
        <span className="diff-title">{changed ? 'Changes' : 'No changes yet'}</span>
        {changed && (
          <p>
            {parts.map((p, i) =>
              p.op === 'same' ? <span key={i}>{p.text}</span> : p.op === 'add' ? <ins key={i}>{p.text}</ins> : <del key={i}>{p.text}</del>,
            )}
          </p>
        )}
      </div>
    </div>
  );
}
