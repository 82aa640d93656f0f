import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PipelineView } from '@arbiter/contracts';
import { api } from '../api/session';
import { formatClock } from '../lib/time';
import { lineDiff, toYaml } from '../lib/yaml-view';
import { PolicyEditor } from './policy-editor';
import { YamlBlock, YamlDiff } from './yaml-block';
import { ScrollTable } from '../shell/scroll-table';
const DAY_MS = 86_400_000;

/** Pipelines with figures in the last 30 days: the api has no list of pipelines, the stats know the busy ones. */
function useKnownPipelines(): string[] {
  const [keys, setKeys] = useState<string[]>([]);
  useEffect(() => {
    const from = new Date(Date.now() - 30 * DAY_MS).toISOString();
    api<{ versions: { pipeline: string }[] }>(
      'GET',
      `/v1/stats/versions?from=${encodeURIComponent(from)}&grain=hour`,
    ).then(
      (r) => setKeys([...new Set(r.versions.map((v) => v.pipeline))].sort()),
      () => setKeys([]),
    );
  }, []);
  return keys;
}

function PipelineDetail({
  view,
  onChange,
}: {
  view: PipelineView;
  onChange(view: PipelineView, note: string): void;
}) {
  const versions = [...view.versions].sort((a, b) => b.version - a.version);
  const [shown, setShown] = useState(view.activeVersion ?? versions[0]?.version ?? 1);
  const [compare, setCompare] = useState<number>(versions[1]?.version ?? versions[0]?.version ?? 1);
  const yamlOf = useCallback(
    (v: number) => toYaml(view.versions.find((x) => x.version === v)?.document ?? {}),
    [view],
  );
  const diff = useMemo(() => lineDiff(yamlOf(compare), yamlOf(shown)), [yamlOf, compare, shown]);
  const [error, setError] = useState<string | null>(null);
  const act = async (path: string, body: unknown, note: string) => {
    setError(null);
    try {
      onChange(
        await api<PipelineView>(
          'POST',
          `/v1/pipelines/${encodeURIComponent(view.key)}/${path}`,
          body,
        ),
        note,
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="card" aria-labelledby="pipeline-title">
      <h3 id="pipeline-title">Pipeline {view.key}</h3>
      <p>
        Active version:{' '}
        <b data-testid="active-version">
          {view.activeVersion === null ? 'none' : `v${view.activeVersion}`}
        </b>
        {view.split && (
          <>
            {' '}
            · split: v{view.split.version} gets {view.split.percent} %
          </>
        )}{' '}
        {view.previousVersions.length > 0 && (
          <button
            type="button"
            onClick={() =>
              void act('rollback', undefined, `Rolled back to v${view.previousVersions[0]}.`)
            }
          >
            Roll back to v{view.previousVersions[0]}
          </button>
        )}
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <ScrollTable label="Versions" columns={['Version', 'Created', 'Source', 'State', 'Actions']}>
        {versions.map((v) => (
          <tr key={v.version}>
            <th scope="row">v{v.version}</th>
            <td>{formatClock(v.createdAt)}</td>
            <td>{v.source}</td>
            <td>
              {v.version === view.activeVersion
                ? '✓\u00a0active'
                : view.split?.version === v.version
                  ? `split ${view.split.percent} %`
                  : '—'}
            </td>
            <td className="row-actions">
              <button
                type="button"
                onClick={() => setShown(v.version)}
                aria-pressed={shown === v.version}
              >
                View v{v.version}
              </button>
              {v.version !== view.activeVersion && (
                <button
                  type="button"
                  onClick={() =>
                    void act('activate', { version: v.version }, `Version ${v.version} is active.`)
                  }
                >
                  Activate v{v.version}
                </button>
              )}
            </td>
          </tr>
        ))}
      </ScrollTable>
      <div className="two-up">
        <div>
          <h4>v{shown} as YAML</h4>
          <YamlBlock yaml={yamlOf(shown)} label={`Policy v${shown}`} />
        </div>
        <div>
          <h4>
            <label>
              Changes from{' '}
              <select value={compare} onChange={(e) => setCompare(Number(e.target.value))}>
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    v{v.version}
                  </option>
                ))}
              </select>{' '}
              to v{shown}
            </label>
          </h4>
          <YamlDiff diff={diff} label={`Diff v${compare} to v${shown}`} />
        </div>
      </div>
      <PolicyEditor
        key={view.key}
        pipeline={view.key}
        initial={yamlOf(view.activeVersion ?? shown)}
        onSaved={onChange}
      />
    </section>
  );
}

/** Pipelines and their policy versions: read, diff, add, activate, roll back. */
export function PipelinesAdmin({ onNotice }: { onNotice(text: string): void }) {
  const known = useKnownPipelines();
  const [key, setKey] = useState('');
  const [view, setView] = useState<PipelineView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = async (k: string) => {
    setError(null);
    setKey(k);
    try {
      setView(await api<PipelineView>('GET', `/v1/pipelines/${encodeURIComponent(k)}`));
    } catch (e) {
      setView(null);
      setError((e as Error).message);
    }
  };
  return (
    <div className="admin-section">
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void open(key.trim());
        }}
      >
        <label>
          Pipeline key
          <input
            value={key}
            onChange={(e) => setKey(e.target.value)}
            list="known-pipelines"
            required
            pattern="[a-z0-9][a-z0-9\-]*"
          />
        </label>
        <datalist id="known-pipelines">
          {known.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
        <button type="submit" className="primary">
          Open
        </button>
        {known.map((k) => (
          <button key={k} type="button" className="link" onClick={() => void open(k)}>
            {k}
          </button>
        ))}
      </form>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {view && (
        <PipelineDetail
          key={view.key}
          view={view}
          onChange={(next, note) => {
            setView(next);
            onNotice(note);
          }}
        />
      )}
    </div>
  );
}
