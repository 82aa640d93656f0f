import { ArbiterHarness } from '../support/arbiter.harness';
import { policy, submissionBody } from '../support/fixtures';

interface Gate {
  type: string;
  passed: boolean;
  findings: { code: string; message: string; suggestion?: string }[];
  metrics?: Record<string, number>;
}
interface Submission {
  status: string;
  decision: { reasons: { code: string }[]; flags: string[] } | null;
  gates: Gate[];
}
interface Refused {
  problems?: { path: string; message: string }[];
}

const DENIAL = {
  name: 'denial-en',
  text: 'Dear {{name}}, your claim {{claim:CLM-\\d{6}}} is not covered by policy {{policy}}. You may appeal within 30 days.',
};

// One pipeline per validator type, all onFail: reject; autoApprove 0 approves whatever passes.
const PIPELINES: Record<string, Record<string, unknown>> = {
  'v-sql': {
    type: 'sql',
    dialect: 'postgresql',
    field: 'query',
    tables: ['public.orders', 'public.customers'],
    requireLimit: 100,
  },
  'v-template': { type: 'template', templates: [DENIAL] },
  'v-tone': { type: 'tone', target: 'formal', languages: ['id', 'en'] },
  'v-advice': { type: 'regulatedAdvice', domains: ['medical', 'financial'] },
};

describe('validators for business rules, through the API', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start();
  });
  afterAll(() => arbiter.stop());
  beforeEach(async () => {
    await arbiter.reset();
    for (const [key, validator] of Object.entries(PIPELINES))
      await arbiter.putPolicy(
        key,
        policy({ review: { queue: key }, validators: [{ ...validator, onFail: 'reject' }] }),
      );
  });

  const submit = async (pipeline: string, output: Record<string, unknown>): Promise<Submission> => {
    const res = await arbiter.http.post<{ id: string }>(
      '/v1/submissions',
      submissionBody({ pipeline, output }),
      {
        token: arbiter.bootstrapKey,
      },
    );
    expect(res.status).toBe(202);
    await arbiter.waitForQueuesIdle();
    return (
      await arbiter.http.get<Submission>(`/v1/submissions/${res.body.id}`, {
        token: arbiter.bootstrapKey,
      })
    ).body;
  };

  it.each<[string, string, Record<string, unknown>, string, string | null]>([
    [
      'sql',
      'v-sql',
      { json: { query: 'SELECT id, total FROM orders WHERE total > 10 LIMIT 20' } },
      'approved',
      null,
    ],
    [
      'sql',
      'v-sql',
      { json: { query: 'SELECT id FROM orders LIMIT 1; DROP TABLE orders' } },
      'rejected',
      'sql.multiple_statements',
    ],
    [
      'sql',
      'v-sql',
      { json: { query: 'WITH d AS (DELETE FROM orders RETURNING id) SELECT id FROM d LIMIT 1' } },
      'rejected',
      'sql.parse_error',
    ],
    [
      'sql',
      'v-sql',
      { json: { query: 'SELECT pg_sleep(10) LIMIT 1' } },
      'rejected',
      'sql.function',
    ],
    [
      'sql',
      'v-sql',
      { json: { query: 'SELECT * FROM pg_shadow LIMIT 1' } },
      'rejected',
      'sql.table',
    ],
    ['sql', 'v-sql', { text: 'Sorry, I cannot write that query.' }, 'rejected', 'sql.missing'],
    [
      'template',
      'v-template',
      {
        text: 'Dear Ms Lim, your claim CLM-123456 is not covered by policy P-77. You may appeal within 30 days.',
      },
      'approved',
      null,
    ],
    [
      'template',
      'v-template',
      {
        text: 'Dear Ms Lim, your claim CLM-123456 is fraudulent under policy P-77. You may appeal within 30 days.',
      },
      'rejected',
      'template.mismatch',
    ],
    [
      'template',
      'v-template',
      {
        text: 'Dear Ms Lim, your claim 123 is not covered by policy P-77. You may appeal within 30 days.',
      },
      'rejected',
      'template.slot',
    ],
    [
      'tone',
      'v-tone',
      {
        text: 'Dengan hormat, bersama ini kami sampaikan bahwa pesanan Bapak telah dikirim. Hormat kami.',
      },
      'approved',
      null,
    ],
    [
      'tone',
      'v-tone',
      { text: 'Gue udah kirim barangnya ya bro, tungguin aja!' },
      'rejected',
      'tone.too_casual',
    ],
    [
      'regulatedAdvice',
      'v-advice',
      {
        text: 'Your appointment is confirmed for Tuesday. Please consult your doctor about the dosage.',
      },
      'approved',
      null,
    ],
    [
      'regulatedAdvice',
      'v-advice',
      { text: 'Minum dua tablet parasetamol setiap enam jam.' },
      'rejected',
      'advice.medical',
    ],
    [
      'regulatedAdvice',
      'v-advice',
      { text: 'คุณควรย้ายเงินออมทั้งหมดไปซื้อหุ้นตอนนี้' },
      'rejected',
      'advice.financial',
    ],
  ])('%s: %j → %s', async (type, pipeline, output, status, code) => {
    const s = await submit(pipeline, output);
    expect(s.status).toBe(status);
    const gate = s.gates.find((g) => g.type === type);
    expect(gate?.passed).toBe(code === null);
    if (code) {
      expect(gate?.findings.map((f) => f.code)).toContain(code);
      expect(s.decision?.reasons.map((r) => r.code)).toContain(code);
    }
  });

  it('stores the tone score as a gate metric, passed or failed, for drift tracking', async () => {
    const formal = await submit('v-tone', {
      text: 'Dengan hormat, kami sampaikan bahwa permohonan Bapak telah diterima.',
    });
    const casual = await submit('v-tone', {
      text: 'Makasih ya kak, ntar aku kabarin lagi kalo udah nyampe!',
    });
    const metric = (s: Submission) =>
      s.gates.find((g) => g.type === 'tone')?.metrics?.['tone.formality'];
    expect(metric(formal)).toBeGreaterThan(0.7);
    expect(metric(casual)).toBeLessThan(0.4);
  });

  it('shows the closest template and its wording to the reviewer', async () => {
    const s = await submit('v-template', { text: 'Dear Ms Lim, we reject claim CLM-123456.' });
    const finding = s.gates[0].findings[0];
    expect(finding?.message).toContain('denial-en');
    expect(finding?.suggestion).toBe(DENIAL.text);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'an unparseable table rule',
      { type: 'sql', tables: ['orders; DROP TABLE x'] },
      'validators[0].tables[0]',
    ],
    ['an unknown SQL dialect', { type: 'sql', dialect: 'oracle' }, 'validators[0].dialect'],
    [
      'a malformed template slot',
      { type: 'template', templates: [{ name: 'a', text: 'Dear {{name' }] },
      'validators[0].templates[0].text',
    ],
    [
      'a slot pattern that does not compile',
      { type: 'template', templates: [{ name: 'a', text: 'Ref {{r:[}} ok' }] },
      'validators[0].templates[0].text',
    ],
    ['an unknown tone target', { type: 'tone', target: 'stiff' }, 'validators[0].target'],
    [
      'an unknown tone language',
      { type: 'tone', target: 'formal', languages: ['vi'] },
      'validators[0].languages[0]',
    ],
    [
      'an unknown advice domain',
      { type: 'regulatedAdvice', domains: ['astrology'] },
      'validators[0].domains[0]',
    ],
  ])('refuses a policy with %s: 400 naming the field', async (_name, validator, path) => {
    const res = await arbiter.http.put<Refused>(
      '/v1/pipelines/bad',
      policy({ pipeline: 'bad', validators: [{ ...validator, onFail: 'reject' }] }),
      { token: await arbiter.adminAccessToken() },
    );
    expect(res.status).toBe(400);
    expect(res.body.problems?.map((p) => p.path)).toContain(path);
  });
});
