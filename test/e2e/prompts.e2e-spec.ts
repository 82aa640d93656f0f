import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { expectEventually } from '@arbiter/testing';
import { createApiApp } from '../../apps/api/src/api-app.factory';
import { ArbiterHarness } from '../support/arbiter.harness';
import { HttpClient } from '../support/http.client';
import { supportPrompt } from '../support/prompt-fixtures';

interface Resolved {
  versionId: string;
  version: number;
  label: string | null;
  arm: 'a' | 'b' | null;
  fallback: boolean;
  language: string;
  languageFallback: boolean;
  messages: { role: string; content: string }[];
}
interface Problem {
  message: string;
  problems?: { path: string; message: string }[];
}

/** The registry over real HTTP: versions, labels, diff, resolve with languages, sticky A/B and the fallback. */
describe('prompt registry and resolve', () => {
  let arbiter: ArbiterHarness;
  let admin: { token: string };
  const key = { token: '' };
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({ worker: false });
    key.token = arbiter.bootstrapKey;
  });
  afterAll(() => arbiter.stop());
  beforeEach(async () => {
    await arbiter.reset();
    admin = { token: await arbiter.adminAccessToken() };
  });

  const put = (name: string, body: unknown) =>
    arbiter.http.put<{ created: boolean; version: { id: string; version: number } }>(
      `/v1/prompts/${name}`,
      body,
      admin,
    );
  const resolve = (name: string, body: Record<string, unknown>, http: HttpClient = arbiter.http) =>
    http.post<Resolved>(`/v1/prompts/${name}/resolve`, body, key);
  const vars = { customer: 'Aisyah', question: 'Where is my refund?' };

  it('keeps immutable versions with their language variants, moves labels and diffs two versions', async () => {
    const first = await put('support-answer', supportPrompt({ labels: ['production'] }));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: true, version: { version: 1 } });
    // The same document again adds nothing (a prompts folder applied at every start).
    expect(
      (await put('support-answer', supportPrompt({ labels: ['production'] }))).body,
    ).toMatchObject({ created: false, version: { version: 1 } });
    const second = await put(
      'support-answer',
      supportPrompt({ labels: ['staging'] }, 'Answer {{customer}} in two sentences at most.'),
    );
    expect(second.body).toMatchObject({ created: true, version: { version: 2 } });

    const view = await arbiter.http.get<{
      labels: Record<string, { version: number }>;
      versions: { version: number; languages: string[] }[];
    }>('/v1/prompts/support-answer', admin);
    expect(view.body.labels).toMatchObject({ production: { version: 1 }, staging: { version: 2 } });
    expect(view.body.versions.map((v) => [v.version, v.languages])).toEqual([
      [1, ['en', 'ms']],
      [2, ['en', 'ms']],
    ]);

    const diff = await arbiter.http.get<{
      variants: { language: string; change: string; diff: string | null }[];
      variables: { changed: boolean };
    }>('/v1/prompts/support-answer/diff?from=1&to=2', admin);
    expect(diff.status).toBe(200);
    expect(diff.body.variants.map((v) => [v.language, v.change])).toEqual([
      ['en', 'changed'],
      ['ms', 'same'],
    ]);
    expect(diff.body.variants[0].diff).toContain(
      '-You are a support agent. Answer {{customer}} politely, using only the context.',
    );
    expect(diff.body.variants[0].diff).toContain(
      '+You are a support agent. Answer {{customer}} in two sentences at most.',
    );
    expect(diff.body.variables.changed).toBe(false);

    const moved = await arbiter.http.put<{ labels: Record<string, { version: number }> }>(
      '/v1/prompts/support-answer/labels/production',
      { version: 2, reason: 'shorter answers' },
      admin,
    );
    expect(moved.status).toBe(200);
    expect(moved.body.labels.production.version).toBe(2);
    expect((await resolve('support-answer', { variables: vars })).body.version).toBe(2);
    const history = await arbiter.http.get<{
      events: { kind: string; label: string | null; cause: string }[];
    }>('/v1/prompts/support-answer/history', admin);
    expect(history.body.events[0]).toMatchObject({
      kind: 'label_moved',
      label: 'production',
      cause: 'shorter answers',
    });
  });

  it('renders the asked language, falls back explicitly for a known language without a variant, and inserts variables as data', async () => {
    await put('support-answer', supportPrompt({ labels: ['production'] }));
    const en = await resolve('support-answer', {
      variables: { ...vars, context: 'Refunds take 5 days.' },
    });
    expect(en.status).toBe(200);
    expect(en.body).toMatchObject({
      version: 1,
      label: 'production',
      language: 'en',
      languageFallback: false,
      fallback: false,
    });
    expect(en.body.messages).toEqual([
      {
        role: 'system',
        content: 'You are a support agent. Answer Aisyah politely, using only the context.',
      },
      { role: 'user', content: 'Where is my refund?\n\nContext:\nRefunds take 5 days.' },
    ]);
    const ms = await resolve('support-answer', { variables: vars, language: 'ms' });
    expect(ms.body.messages[0].content).toBe(
      'Anda ejen sokongan. Jawab Aisyah dengan sopan, hanya berdasarkan konteks.',
    );
    expect(ms.body.messages[1].content).toBe('Where is my refund?'); // no context: the section is left out
    const th = await resolve('support-answer', { variables: vars, language: 'th' });
    expect(th.body).toMatchObject({ language: 'en', languageFallback: true });

    // Template code inside a value stays text; nothing is escaped for HTML either.
    const hostile = await resolve('support-answer', {
      variables: { customer: '{{question}} {{> x}} <b>&', question: 'Q' },
    });
    expect(hostile.body.messages[0].content).toBe(
      'You are a support agent. Answer {{question}} {{> x}} <b>& politely, using only the context.',
    );
  });

  it('answers bad input with a 4xx naming the field', async () => {
    await put('support-answer', supportPrompt({ labels: ['production'] }));
    const cases: [string, Promise<{ status: number; body: unknown }>, number, string][] = [
      [
        'unknown language',
        resolve('support-answer', { variables: vars, language: 'xx' }),
        400,
        'language',
      ],
      [
        'missing required variable',
        resolve('support-answer', { variables: { customer: 'A' } }),
        400,
        'variables.question',
      ],
      [
        'variable of the wrong type',
        resolve('support-answer', { variables: { ...vars, question: 42 } }),
        400,
        'variables.question',
      ],
      [
        'unknown label',
        resolve('support-answer', { variables: vars, label: 'canary' }),
        404,
        'label',
      ],
      [
        'template syntax error',
        put(
          'broken',
          supportPrompt({
            template: {
              defaultLanguage: 'en',
              variants: { en: [{ role: 'user', content: '{{#question}} unclosed' }] },
            },
          }),
        ),
        400,
        'template.variants.en[0].content',
      ],
      [
        'undeclared variable',
        put(
          'broken',
          supportPrompt({
            template: {
              defaultLanguage: 'en',
              variants: { en: [{ role: 'user', content: 'Hi {{nickname}}' }] },
            },
          }),
        ),
        400,
        'template.variants.en[0].content',
      ],
      [
        'unknown language variant',
        put(
          'broken',
          supportPrompt({
            template: {
              defaultLanguage: 'en',
              variants: {
                en: [{ role: 'user', content: 'Hi' }],
                xx: [{ role: 'user', content: 'Hi' }],
              },
            },
          }),
        ),
        400,
        'template.variants.xx',
      ],
      [
        'missing partial',
        put(
          'broken',
          supportPrompt({
            template: {
              defaultLanguage: 'en',
              variants: { en: [{ role: 'user', content: '{{> footer}}' }] },
            },
          }),
        ),
        400,
        'template.variants.en[0].content',
      ],
      [
        'default language without a variant',
        put(
          'broken',
          supportPrompt({
            template: {
              defaultLanguage: 'th',
              variants: { en: [{ role: 'user', content: 'Hi' }] },
            },
          }),
        ),
        400,
        'template.defaultLanguage',
      ],
      ['unknown field', put('broken', supportPrompt({ temperature: 1 })), 400, 'temperature'],
    ];
    for (const [name, request, status, path] of cases) {
      const res = await request;
      expect([name, res.status]).toEqual([name, status]);
      expect([name, (res.body as Problem).problems?.map((p) => p.path)]).toEqual([
        name,
        expect.arrayContaining([path]),
      ]);
    }
    // A label pointing at a version of another prompt.
    const other = await put('other-prompt', supportPrompt());
    const crossed = await arbiter.http.put<Problem>(
      '/v1/prompts/support-answer/labels/production',
      { versionId: other.body.version.id },
      admin,
    );
    expect(crossed.status).toBe(422);
    expect(crossed.body.problems).toEqual([
      { path: 'versionId', message: expect.stringContaining('another prompt') },
    ]);
    expect((await resolve('nope', { variables: vars })).status).toBe(404);
    expect(
      (
        await arbiter.http.put(
          '/v1/prompts/support-answer/split',
          { a: 'production', b: 'canary', percent: 10 },
          admin,
        )
      ).status,
    ).toBe(400);
    expect((await resolve('support-answer', { variables: vars, unit: '' })).status).toBe(400);
  });

  it('splits units between two versions stickily, and serves the fallback label when production is missing', async () => {
    await put('support-answer', supportPrompt({ labels: ['production'] }));
    await put('support-answer', supportPrompt({ labels: ['staging'] }, 'Be brief.'));
    const split = await arbiter.http.put(
      '/v1/prompts/support-answer/split',
      { a: 'production', b: 'staging', percent: 30 },
      admin,
    );
    expect(split.status).toBe(200);
    const units = Array.from({ length: 60 }, (_, i) => `customer-${i}`);
    const first = new Map<string, Resolved>();
    for (const unit of units)
      first.set(unit, (await resolve('support-answer', { variables: vars, unit })).body);
    for (const unit of units) {
      const again = (await resolve('support-answer', { variables: vars, unit })).body;
      expect([unit, again.arm, again.version]).toEqual([
        unit,
        first.get(unit)!.arm,
        first.get(unit)!.version,
      ]);
    }
    const inB = [...first.values()].filter((r) => r.arm === 'b');
    expect(inB.length).toBeGreaterThan(5);
    expect(inB.length).toBeLessThan(35);
    expect(
      [...first.values()].every((r) => (r.arm === 'b' ? r.version === 2 : r.version === 1)),
    ).toBe(true);
    expect((await resolve('support-answer', { variables: vars })).body).toMatchObject({
      arm: 'a',
      version: 1,
    });

    await put('fallback-only', supportPrompt({ labels: ['fallback'] }));
    expect((await resolve('fallback-only', { variables: vars })).body).toMatchObject({
      fallback: true,
      label: 'fallback',
      version: 1,
    });
    await put('unlabelled', supportPrompt());
    expect((await resolve('unlabelled', { variables: vars })).status).toBe(409);
  });

  it('another replica forgets its cached prompt as soon as a label moves (Redis pub/sub, not the TTL)', async () => {
    const replica: NestFastifyApplication = await createApiApp(arbiter.config);
    await replica.listen(0, '127.0.0.1');
    try {
      const other = new HttpClient(await replica.getUrl());
      await put('support-answer', supportPrompt({ labels: ['production'] }));
      await put('support-answer', supportPrompt({}, 'Be brief.'));
      expect((await resolve('support-answer', { variables: vars }, other)).body.version).toBe(1); // now cached there
      await arbiter.http.put('/v1/prompts/support-answer/labels/production', { version: 2 }, admin);
      // The cache TTL is 60 s: seeing version 2 within 3 s on the other replica means the announcement did it.
      await expectEventually(
        async () =>
          expect((await resolve('support-answer', { variables: vars }, other)).body.version).toBe(
            2,
          ),
        3000,
        20,
      );
    } finally {
      await replica.close();
    }
  });
});
