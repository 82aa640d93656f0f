import { DriftWatch } from '@arbiter/oversight';
import { expectEventually } from '@arbiter/testing';
import { ArbiterHarness } from '../support/arbiter.harness';
import { ALWAYS_HUMAN, policy, submissionBody } from '../support/fixtures';
import { OpenReviewers } from '../support/reviewer.client';

const MINUTE = 60_000;

/**
 * Drift and model-change detection over real traffic: submissions go through the API and the
 * worker; the test then places them in the baseline or the current window (created_at) and runs
 * the worker's drift watch, as its maintenance schedule would.
 */
describe('oversight: drift and model-change alerts', () => {
  let arbiter: ArbiterHarness;
  const reviewers = new OpenReviewers(() => arbiter);
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({
      config: {
        drift: { everyMs: 3_600_000, windowMs: 10 * MINUTE, baselineMs: 60 * MINUTE, minItems: 20 },
      },
    });
  });
  afterAll(async () => {
    reviewers.closeAll();
    await arbiter.stop();
  });
  beforeEach(async () => {
    reviewers.closeAll();
    await arbiter.reset();
  });

  const watch = () => arbiter.worker!.get(DriftWatch).execute();
  const submitAll = async (n: number, overrides: Record<string, unknown>): Promise<string[]> => {
    const ids = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const res = await arbiter.http.post<{ id: string }>(
          '/v1/submissions',
          submissionBody({
            externalId: `${JSON.stringify(overrides).length}-${i}-${Math.random()}`,
            ...overrides,
          }),
          { token: arbiter.bootstrapKey },
        );
        expect(res.status).toBe(202);
        return res.body.id;
      }),
    );
    await expectEventually(async () => {
      const [{ n: open }] = await arbiter.db.query(
        `SELECT count(*)::int AS n FROM submissions WHERE id = ANY($1) AND confidence IS NULL`,
        [ids],
      );
      expect(open).toBe(0);
    }, 30_000);
    return ids;
  };
  const age = (ids: string[], minutesAgo: number) =>
    arbiter.db.query(
      `UPDATE submissions SET created_at = now() - $2 * interval '1 minute' WHERE id = ANY($1)`,
      [ids, minutesAgo],
    );
  /** A reviewer who claims `count` tasks in turn and rejects every `rejectEvery`-th of them. */
  const reviewerDeciding = async (email: string) => {
    const reviewer = await reviewers.connect(email);
    return async (count: number, rejectEvery: number) => {
      for (let i = 0; i < count; i++) {
        const task = (await expectEventually(async () => {
          const claimed = await reviewer.claim();
          expect(claimed).not.toBeNull();
          return claimed;
        }))!;
        const ack =
          i % rejectEvery === 0
            ? await reviewer.decide(task, 'reject', { reasonCodes: ['inaccurate'] })
            : await reviewer.decide(task, 'approve');
        expect(ack).toMatchObject({ ok: true });
      }
    };
  };
  const alerts = async (status: string) =>
    (
      await arbiter.http.get<{ alerts: { key: string; kind: string; message: string }[] }>(
        `/v1/alerts?status=${status}`,
        {
          token: await arbiter.adminAccessToken(),
        },
      )
    ).body.alerts;

  it('shifted outputs raise one drift alert per shifted feature, once, and its resolve when traffic is back', async () => {
    await arbiter.putPolicy('support', policy());
    const normal = { output: { text: 'The capital of France is Paris.' } };
    const shifted = {
      output: {
        text: `The capital of France is Paris. ${'It has many museums and bridges. '.repeat(40)}`,
      },
    };
    await age(await submitAll(40, normal), 30);
    const late = await submitAll(40, shifted);

    const first = await watch();
    expect(first.fired.some((k) => k.endsWith(':outputLength'))).toBe(true);
    const firing = await alerts('firing');
    expect(firing.find((a) => a.key.endsWith(':outputLength'))).toMatchObject({
      kind: 'drift',
      message: expect.stringMatching(/^Pipeline support: outputLength drifted \(PSI \d/),
    });
    expect((await watch()).fired).toEqual([]); // still shifted: no second alert

    await age(late, 30 * 24 * 60); // out of both windows
    await submitAll(40, normal);
    const back = await watch();
    expect(back.resolved.some((k) => k.endsWith(':outputLength'))).toBe(true);
    expect((await alerts('firing')).filter((a) => a.kind === 'drift')).toEqual([]);
    expect((await alerts('resolved')).map((a) => a.kind)).toContain('drift');
  });

  it("a change of register at the same length (the Indonesian shop's stilted replies) raises an outputFormality drift alert", async () => {
    await arbiter.putPolicy('support', policy());
    const casual =
      'Gue udah cek, barangnya nggak ada, sori banget ya bro, nanti dikabarin lagi aja, makasih ya';
    const stilted =
      'Dengan hormat, kami informasikan bahwa pesanan Bapak/Ibu telah kami kirimkan pada hari ini.';
    expect(stilted.length).toBe(casual.length);
    const reply = (text: string) => ({
      input: {
        prompt: 'Pesanan saya di mana?',
        language: 'id',
        context: [{ id: 'd1', text: 'Pesanan 123 dikirim hari ini lewat JNE.' }],
      },
      output: { text },
    });
    await age(await submitAll(40, reply(casual)), 30);
    await submitAll(40, reply(stilted));

    const run = await watch();
    expect(run.fired).toContainEqual(expect.stringMatching(/:outputFormality$/));
    expect(run.fired.filter((k) => /:(outputLength|language)$/.test(k))).toEqual([]);
    const alert = (await alerts('firing')).find((a) => a.key.endsWith(':outputFormality'));
    expect(alert?.message).toMatch(/^Pipeline support: outputFormality drifted \(PSI \d/);
  });

  it('a new prompt version with a worse human reject rate raises one prompt-change alert', async () => {
    await arbiter.putPolicy(
      'support',
      policy({ ...ALWAYS_HUMAN, review: { queue: 'support', reasonCodes: ['inaccurate'] } }),
    );
    const decideAll = await reviewerDeciding('alice@test.local');
    const v3 = await submitAll(30, { promptVersion: 'answer@3' });
    await decideAll(30, 15); // 2 of 30 rejected
    await age(v3, 30);
    await submitAll(30, { promptVersion: 'answer@4' });
    await decideAll(30, 2); // 15 of 30 rejected

    const run = await watch();
    expect(run.fired.filter((k) => k.startsWith('prompt-change:'))).toHaveLength(1);
    // Same model throughout: no model-change alert.
    expect(run.fired.filter((k) => k.startsWith('model-change:'))).toEqual([]);
    const [alert] = (await alerts('firing')).filter((a) => a.kind === 'prompt_change');
    expect(alert.message).toMatch(
      /prompt version answer@4 replaced answer@3: human reject rate 6\.7 % → 50\.0 %/,
    );
    expect((await watch()).fired.filter((k) => k.startsWith('prompt-change:'))).toEqual([]);
  });

  it('a new model version with a worse human reject rate raises one model-change alert naming what changed', async () => {
    await arbiter.putPolicy(
      'support',
      policy({ ...ALWAYS_HUMAN, review: { queue: 'support', reasonCodes: ['inaccurate'] } }),
    );
    const decideAll = await reviewerDeciding('alice@test.local');
    const v1 = await submitAll(30, {
      model: { provider: 'openai', name: 'gpt-4o-mini', version: '2024-07-18' },
    });
    await decideAll(30, 15); // 2 of 30 rejected
    await age(v1, 30);
    await submitAll(30, {
      model: { provider: 'openai', name: 'gpt-4o-mini', version: '2024-11-20' },
    });
    await decideAll(30, 2); // 15 of 30 rejected

    const run = await watch();
    const key = run.fired.find((k) => k.startsWith('model-change:'));
    expect(key).toBeDefined();
    const [alert] = (await alerts('firing')).filter((a) => a.kind === 'model_change');
    expect(alert.message).toMatch(
      /model gpt-4o-mini:2024-11-20 replaced gpt-4o-mini:2024-07-18: human reject rate 6\.7 % → 50\.0 %/,
    );
    expect((await watch()).fired.filter((k) => k.startsWith('model-change:'))).toEqual([]);
  });
});
