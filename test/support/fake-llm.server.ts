import { AiProviderConfig, parseAiProviders } from '@arbiter/config';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** What the fake provider answers to one request. */
export type FakeReply =
  | {
      verdict: Record<string, unknown>;
      usage?: { prompt_tokens: number; completion_tokens: number };
      delayMs?: number;
    }
  | { status: number; body?: string; headers?: Record<string, string>; delayMs?: number }
  | { content: string; delayMs?: number };

export interface ReceivedRequest {
  at: number;
  path: string;
  headers: IncomingMessage['headers'];
  /** The raw body, exactly as it reached the server (what left Arbiter). */
  raw: string;
  body: { model?: string; messages?: { role: string; content: string }[] };
}

/**
 * A local chat-completions server for tests, scripted per case: `script` decides each reply
 * from the request and its index. Records everything it receives.
 */
export class FakeLlmServer {
  readonly received: ReceivedRequest[] = [];
  private server!: Server;
  private handler: (req: ReceivedRequest, index: number) => FakeReply = () => ({
    verdict: approve(),
  });

  static async start(): Promise<FakeLlmServer> {
    const fake = new FakeLlmServer();
    fake.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        const entry: ReceivedRequest = {
          at: Date.now(),
          path: req.url ?? '',
          headers: req.headers,
          raw,
          body: safeJson(raw),
        };
        const reply = fake.handler(entry, fake.received.length);
        fake.received.push(entry);
        const send = (): void => {
          if (res.destroyed) return;
          if ('status' in reply) {
            res
              .writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
              .end(reply.body ?? '{"error":"scripted"}');
            return;
          }
          const content = 'content' in reply ? reply.content : JSON.stringify(reply.verdict);
          const usage = 'verdict' in reply ? reply.usage : undefined;
          res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              id: 'cmpl-1',
              object: 'chat.completion',
              model: entry.body.model,
              choices: [{ index: 0, message: { role: 'assistant', content } }],
              ...(usage ? { usage } : {}),
            }),
          );
        };
        if (reply.delayMs) setTimeout(send, reply.delayMs).unref();
        else send();
      });
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** Sets how the next requests are answered and forgets what was received. */
  script(handler: (req: ReceivedRequest, index: number) => FakeReply): void {
    this.handler = handler;
    this.received.length = 0;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

export function approve(confidence = 0.97): Record<string, unknown> {
  return {
    verdict: 'approve',
    confidence,
    reasons: ['All claims are supported.'],
    problematicSpans: [],
  };
}

export function reject(confidence = 0.95, span = 'Paris'): Record<string, unknown> {
  return {
    verdict: 'reject',
    confidence,
    reasons: ['The capital is misstated.'],
    problematicSpans: [{ text: span, reason: 'not in context' }],
  };
}

function safeJson(raw: string): ReceivedRequest['body'] {
  try {
    return JSON.parse(raw) as ReceivedRequest['body'];
  } catch {
    return {};
  }
}

/**
 * AI providers on the fake server, parsed as ARBITER_AI_PROVIDERS would be: one per entry, each
 * `llm` / `fake-a` in ap-southeast-1 with prices and a 2 s timeout unless the entry says otherwise.
 * Throws on any problem the parser finds, so a test never runs with a provider it did not mean.
 */
export function fakeLlmProviders(
  llm: FakeLlmServer,
  ...entries: Record<string, unknown>[]
): AiProviderConfig[] {
  const problems: string[] = [];
  const providers = parseAiProviders(
    JSON.stringify(
      (entries.length ? entries : [{}]).map((entry) => ({
        name: 'llm',
        kind: 'openai-compatible',
        baseUrl: llm.baseUrl,
        model: 'fake-a',
        region: 'ap-southeast-1',
        pricePer1kInput: 0.01,
        pricePer1kOutput: 0.03,
        timeoutMs: 2000,
        ...entry,
      })),
    ),
    problems,
  );
  if (problems.length) throw new Error(`fake AI providers refused: ${problems.join('; ')}`);
  return providers;
}
