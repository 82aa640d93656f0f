import { DatasetsErrorCode } from '../datasets.errors';
import type {
  DatasetItemCursor,
  DatasetItemPageRow,
  DatasetItemRepository,
} from './dataset-item.repository';
import type { DatasetRepository, DatasetRow } from './dataset.repository';
import { Datasets } from './datasets.use-case';

const DATASET = 'd0000000-0000-4000-8000-000000000000';

const item = (n: number): DatasetItemPageRow => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  submissionId: null,
  source: 'api',
  verdict: 'approved',
  input: { prompt: `q${n}` },
  variables: {},
  language: null,
  output: { text: `a${n}` },
  correctedOutput: null,
  reasons: [],
  createdAt: new Date(0),
  // Microseconds a Date cannot hold: the cursor must carry this text, not createdAt.
  cursorAt: `2026-01-01 00:00:00.${String(n).padStart(6, '0')}+00`,
});

/** In-memory ports: a dataset of `count` items read by keyset, and the cursors asked for. */
function datasetsWith(count: number, exists = true) {
  const all = Array.from({ length: count }, (_, i) => item(i + 1));
  const asked: (DatasetItemCursor | null)[] = [];
  const datasets = new Datasets(
    {
      findById: async () => (exists ? ({ id: DATASET } as DatasetRow) : null),
    } as unknown as DatasetRepository,
    {
      page: async (_id: string, after: DatasetItemCursor | null, limit: number) => {
        asked.push(after);
        if (!after) return all.slice(0, limit);
        const at = all.findIndex((r) => r.cursorAt === after.at && r.id === after.id);
        // A cursor that is no item's would restart or skip in Postgres: fail here instead.
        if (at < 0) throw new Error(`no item at cursor ${JSON.stringify(after)}`);
        return all.slice(at + 1, at + 1 + limit);
      },
    } as unknown as DatasetItemRepository,
  );
  return { datasets, asked };
}

async function collect(pages: AsyncIterable<string>): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of pages) chunks.push(chunk);
  return chunks;
}

describe('Datasets.exportJsonl', () => {
  it('refuses an unknown dataset before it reads or yields anything', async () => {
    const { datasets, asked } = datasetsWith(3, false);
    await expect(datasets.exportJsonl(DATASET)).rejects.toMatchObject({
      code: DatasetsErrorCode.DatasetNotFound,
    });
    expect(asked).toEqual([]);
  });

  it.each([
    [0, 0, 1],
    [1, 1, 1],
    [999, 1, 1],
    [1000, 1, 2], // a full page may be the last: one more read finds nothing
    [1001, 2, 2],
    [2500, 3, 3],
  ])(
    '%i items: %i chunks of lines from %i reads, each item once and in order',
    async (count, chunks, reads) => {
      const { datasets, asked } = datasetsWith(count);
      const out = await collect(await datasets.exportJsonl(DATASET));
      expect(out).toHaveLength(chunks);
      expect(out.every((c) => c.endsWith('\n'))).toBe(true);
      const ids = out
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).id);
      expect(ids).toEqual(Array.from({ length: count }, (_, i) => item(i + 1).id));
      expect(asked).toHaveLength(reads);
      // Each read goes on from the last item of the one before, by its exact instant and id.
      asked.slice(1).forEach((cursor, i) => {
        const last = item((i + 1) * 1000);
        expect(cursor).toEqual({ at: last.cursorAt, id: last.id });
      });
    },
  );

  it('writes the fields of an item, in the order clients read them', async () => {
    const { datasets } = datasetsWith(1);
    const [line] = await collect(await datasets.exportJsonl(DATASET));
    expect(Object.keys(JSON.parse(line))).toEqual([
      'id',
      'submissionId',
      'input',
      'variables',
      'language',
      'output',
      'verdict',
      'correctedOutput',
      'reasons',
    ]);
  });
});
