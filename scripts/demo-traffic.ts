// npm run demo:traffic -- [--rate 2] [--duration 120] [--base http://127.0.0.1:3000]
//                         [--key arb_demo_0123456789abcdef] [--pipeline demo] [--seed 1]
//
// Submits a realistic, bounded stream to a running Arbiter (the demo by default): `rate` items a
// second for `duration` seconds, at most rate × duration in all. Grounded answers, paraphrases,
// wrong facts, PII, denied phrases, JSON outputs, Malay, Tagalog and code-switched answers, some
// with samples and logprobs. Then it waits until each is routed and prints how many went
// to each route, overall and per kind of answer. Progress goes to stderr, the summary to stdout.
import { DENIED_ANSWERS, ItemKind, KIND_WEIGHTS, PII_ANSWERS, TOPICS } from './demo-traffic.items';

/** Before the score stage has routed it. */
const UNROUTED = new Set(['received', 'scoring']);
const ROUTES = ['approved', 'rejected', 'ai_review', 'human_review'];
const MAX_IN_FLIGHT = 64;
const SETTLE_TIMEOUT_MS = 60_000;

interface Options {
  rate: number;
  duration: number;
  base: string;
  key: string;
  pipeline: string;
  seed: number;
}

interface Sent {
  id: string;
  kind: ItemKind;
  route?: string;
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i > 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function options(): Options {
  const number = (name: string, fallback: number, min: number, max: number): number => {
    const raw = flag(name);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) {
      throw new Error(`--${name} must be a number from ${min} to ${max} (got ${raw})`);
    }
    return value;
  };
  return {
    rate: number('rate', 2, 0.1, 200),
    duration: number('duration', 120, 1, 3600),
    base: (flag('base') ?? 'http://127.0.0.1:3000').replace(/\/$/, ''),
    key: flag('key') ?? 'arb_demo_0123456789abcdef',
    pipeline: flag('pipeline') ?? 'demo',
    seed: number('seed', 1, 0, 2 ** 31),
  };
}

/** mulberry32: a small seeded generator, so a run can be repeated item for item. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One submission body of the given kind. */
function makeItem(kind: ItemKind, random: () => number, pipeline: string): Record<string, unknown> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const topic = pick(TOPICS);
  const context = [{ id: topic.id, text: topic.context }];
  let input: Record<string, unknown> = { prompt: topic.prompt, context };
  let output: Record<string, unknown>;
  // A confident model: high token probabilities; an unsure one: a tail of unlikely tokens.
  let confident = true;
  let samples: string[] | undefined;
  switch (kind) {
    case 'grounded':
      output = { text: topic.grounded };
      samples = [topic.grounded, topic.paraphrase];
      break;
    case 'paraphrase':
      output = { text: topic.paraphrase };
      samples = [topic.grounded, topic.paraphrase];
      break;
    case 'wrong-fact':
      output = { text: topic.wrongFact };
      samples = [topic.grounded, topic.paraphrase];
      confident = false;
      break;
    case 'pii':
      output = { text: pick(PII_ANSWERS) };
      break;
    case 'denied-phrase':
      output = { text: pick(DENIED_ANSWERS) };
      break;
    case 'json':
      output = { json: topic.json };
      break;
    case 'malay':
      input = {
        prompt: topic.malay.prompt,
        context: [{ id: topic.id, text: topic.malay.context }],
        language: 'ms',
      };
      output = { text: topic.malay.answer };
      break;
    case 'tagalog':
      input = {
        prompt: topic.tagalog.prompt,
        context: [{ id: topic.id, text: topic.tagalog.context }],
        language: 'tl',
      };
      output = { text: topic.tagalog.answer };
      break;
    case 'code-switched':
      output = { text: topic.codeSwitched };
      break;
  }
  if (samples && random() < 0.5) output.samples = samples;
  if (typeof output.text === 'string' && random() < 0.35) {
    output.logprobs = logprobsFor(output.text, confident, random);
  }
  return {
    pipeline,
    input,
    output,
    model: { provider: 'openai', name: pick(['gpt-4o-mini', 'gpt-4.1-mini']) },
    promptVersion: 'support-v3',
    metadata: {
      source: 'demo-traffic',
      kind,
      customer: { tier: pick(['gold', 'silver', 'standard']) },
    },
  };
}

/**
 * Token log-probabilities, about one token per 4 characters: a confident model's are all near 0
 * (p > 0.86); an unsure one has a tail of unlikely tokens (p from 0.7% to 14%) among middling ones.
 */
function logprobsFor(text: string, confident: boolean, random: () => number): number[] {
  const tokens = Math.max(8, Math.round(text.length / 4));
  return Array.from({ length: tokens }, () => {
    const logprob = confident
      ? -0.15 * random()
      : random() < 0.3
        ? -2 - 3 * random()
        : -0.6 * random();
    return Number(logprob.toFixed(3));
  });
}

function chooseKind(random: () => number): ItemKind {
  const entries = Object.entries(KIND_WEIGHTS) as [ItemKind, number][];
  let r = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [kind, weight] of entries) {
    if ((r -= weight) < 0) return kind;
  }
  return entries[0][0];
}

async function call(
  opts: Options,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${opts.base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${opts.key}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { message: text.slice(0, 200) };
  }
  return { status: res.status, json };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const opts = options();
  const random = rng(opts.seed);
  const total = Math.max(1, Math.round(opts.rate * opts.duration));
  const health = await fetch(`${opts.base}/health`).catch(() => null);
  if (!health?.ok)
    throw new Error(
      `nothing healthy answers on ${opts.base}/health: start the demo (npm run demo) or pass --base`,
    );
  console.error(
    `demo:traffic → ${opts.base}, pipeline ${opts.pipeline}: ${total} items at ${opts.rate}/s for ${opts.duration} s`,
  );

  const sent: Sent[] = [];
  const refused = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  const started = Date.now();
  for (let i = 0; i < total; i++) {
    // Open loop: item i is due at i / rate seconds, whatever the previous answers took.
    const due = started + (i * 1000) / opts.rate;
    if (due > Date.now()) await sleep(due - Date.now());
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    const kind = chooseKind(random);
    const request = call(opts, 'POST', '/v1/submissions', makeItem(kind, random, opts.pipeline))
      .then(({ status, json }) => {
        if (status === 202 && typeof json.id === 'string') sent.push({ id: json.id, kind });
        else countRefusal(refused, `${status} ${JSON.stringify(json.message ?? '')}`);
      })
      .catch((error: Error) => countRefusal(refused, error.message))
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
    if ((i + 1) % Math.max(1, Math.round(opts.rate * 10)) === 0)
      console.error(`  ${i + 1}/${total} sent`);
  }
  await Promise.all(inFlight);
  console.error(
    `all sent in ${((Date.now() - started) / 1000).toFixed(1)} s; waiting for decisions to settle…`,
  );
  await settle(opts, sent);
  report(sent, refused);
}

function countRefusal(refused: Map<string, number>, reason: string): void {
  const key = reason.slice(0, 160);
  refused.set(key, (refused.get(key) ?? 0) + 1);
}

/**
 * Polls the submissions not yet routed until each has its route, or time runs out. The route is
 * where the score stage sent it (from the timeline), so an AI-reviewed item counts as ai_review
 * whatever the AI reviewer then decided.
 */
async function settle(opts: Options, sent: Sent[]): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let pending = sent;
  while (pending.length > 0 && Date.now() < deadline) {
    for (let i = 0; i < pending.length; i += 16) {
      await Promise.all(
        pending.slice(i, i + 16).map(async (item) => {
          const { status, json } = await call(opts, 'GET', `/v1/submissions/${item.id}`).catch(
            () => ({ status: 0, json: {} as Record<string, unknown> }),
          );
          if (status !== 200 || UNROUTED.has(String(json.status))) return;
          const timeline = (json.timeline ?? []) as { from?: string; to?: string }[];
          const routed = timeline.find((event) => event.from === 'scoring');
          item.route =
            routed?.to ??
            (json.decision as { route?: string } | null)?.route ??
            String(json.status);
        }),
      );
    }
    pending = pending.filter((item) => !item.route);
    if (pending.length > 0) await sleep(1000);
  }
}

function report(sent: Sent[], refused: Map<string, number>): void {
  const columns = [...ROUTES, 'unsettled'];
  const row = (label: string, items: Sent[]): string => {
    const counts = columns.map(
      (route) => items.filter((s) => (s.route ?? 'unsettled') === route).length,
    );
    const cells = counts.map(
      (n) =>
        `${String(n).padStart(5)} ${items.length ? `(${((100 * n) / items.length).toFixed(0)}%)`.padEnd(6) : '      '}`,
    );
    return `${label.padEnd(16)}${String(items.length).padStart(6)}  ${cells.join(' ')}`;
  };
  console.log(
    `\n${'kind'.padEnd(16)}${'sent'.padStart(6)}  ${columns.map((c) => c.padStart(5).padEnd(12)).join(' ')}`,
  );
  for (const kind of Object.keys(KIND_WEIGHTS) as ItemKind[]) {
    const items = sent.filter((s) => s.kind === kind);
    if (items.length) console.log(row(kind, items));
  }
  console.log(row('all', sent));
  const shares = ROUTES.map(
    (route) =>
      `${route} ${sent.length ? ((100 * sent.filter((s) => s.route === route).length) / sent.length).toFixed(1) : '0'}%`,
  );
  console.log(`\nroute shares: ${shares.join(', ')}`);
  for (const [reason, n] of refused) console.log(`refused ${n}×: ${reason}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
