import { loadConfig, WebhookConfig } from '@arbiter/config';
import { expectEventually } from '@arbiter/testing';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** The parsed body, when a configured secret verified it (standardwebhooks). */
  payload: {
    type: string;
    timestamp: string;
    data: Record<string, unknown> & { id: string };
  } | null;
  /** The configured secrets that verify this request. */
  verifiedWith: string[];
  status: number;
  receivedAt: number;
  path: string;
  /** The W3C traceparent header, when the sender traced the delivery. */
  traceparent: string | null;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
}

/**
 * A webhook receiver for tests, on 127.0.0.1: verifies every request with the
 * `standardwebhooks` package against the configured secrets, records it, answers per `respond`.
 * It can be stopped and started again on the same port (a receiver that was down).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  secrets: string[] = [];
  respond: (request: { count: number; path: string }) => Reply = () => ({ status: 204 });
  private server?: http.Server;
  private port = 0;

  private constructor(readonly host: string) {}

  /** Listens on `host` (any 127.x address works on Linux) and an ephemeral port. */
  static async start(host = '127.0.0.1'): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(host);
    await receiver.listen();
    return receiver;
  }

  url(path = '/hooks', host = this.host): string {
    return `http://${host}:${this.port}${path}`;
  }

  /** Requests whose signature verified with a configured secret. */
  get verified(): ReceivedWebhook[] {
    return this.received.filter((r) => r.verifiedWith.length > 0);
  }

  async listen(): Promise<void> {
    const server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => server.listen(this.port, this.host, resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening (connections refused) until listen() again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  reset(): void {
    this.received.length = 0;
    this.secrets = [];
    this.respond = () => ({ status: 204 });
  }

  /** Waits until `count` requests have arrived (verified or not). */
  async waitFor(count: number, timeoutMs = 15_000): Promise<ReceivedWebhook[]> {
    return expectEventually(
      () => {
        if (this.received.length < count)
          throw new Error(`receiver got ${this.received.length} of ${count} webhooks`);
        return this.received;
      },
      timeoutMs,
      20,
    );
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = {
        'webhook-id': String(req.headers['webhook-id'] ?? ''),
        'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
        'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
      };
      let payload: ReceivedWebhook['payload'] = null;
      const verifiedWith: string[] = [];
      for (const secret of this.secrets) {
        try {
          payload = new Webhook(secret).verify(body, headers) as ReceivedWebhook['payload'];
          verifiedWith.push(secret);
        } catch {
          // not signed with this secret
        }
      }
      const path = req.url ?? '/';
      const reply = this.respond({ count: this.received.length + 1, path });
      this.received.push({
        id: headers['webhook-id'],
        timestamp: headers['webhook-timestamp'],
        signature: headers['webhook-signature'],
        body,
        payload,
        verifiedWith,
        status: reply.status,
        receivedAt: Date.now(),
        path,
        traceparent: typeof req.headers.traceparent === 'string' ? req.headers.traceparent : null,
      });
      res.writeHead(reply.status, reply.headers).end();
    });
  }
}

/**
 * Webhook settings for tests: 127.0.0.1 allow-listed (the receiver), short retry delays and a
 * short horizon so retries and dead letters happen within a test.
 */
export function testWebhookConfig(overrides: Partial<WebhookConfig> = {}): WebhookConfig {
  return {
    ...loadConfig({}).webhooks,
    allowHosts: ['127.0.0.1'],
    retryBaseMs: 40,
    retryMaxDelayMs: 200,
    retryHorizonMs: 1500,
    connectTimeoutMs: 1000,
    timeoutMs: 3000,
    ...overrides,
  };
}
