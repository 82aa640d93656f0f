import { AppConfig, loadConfig } from '@arbiter/config';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { UrlGuard } from '../ssrf/url-guard.service';
import { WebhookHttpClient } from './webhook-http.client';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

describe('WebhookHttpClient (against a local receiver)', () => {
  let server: http.Server;
  let handler: Handler;
  let base: string;
  let client: WebhookHttpClient;
  let config: AppConfig;
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        handler(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    config = loadConfig({
      ARBITER_WEBHOOK_ALLOW_HOSTS: '127.0.0.1,receiver.test',
      ARBITER_WEBHOOK_TIMEOUT_MS: '300',
      ARBITER_WEBHOOK_CONNECT_TIMEOUT_MS: '100',
      ARBITER_WEBHOOK_MAX_RESPONSE_BYTES: '16',
    });
    const resolver = async (host: string) => {
      if (host === 'receiver.test' || host === 'rebound.test')
        return [{ address: '127.0.0.1', family: 4 }];
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    };
    client = new WebhookHttpClient(config, new UrlGuard(config, resolver));
  });
  afterAll(async () => {
    client.onModuleDestroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => (received.length = 0));

  it('posts the body as JSON with the given headers and reads the status', async () => {
    handler = (_req, res) => res.writeHead(204).end();
    const result = await client.post(`${base}/hook`, { 'webhook-id': 'evt-1' }, '{"a":1}');
    expect(result).toMatchObject({ statusCode: 204, error: null });
    expect(received[0].body).toBe('{"a":1}');
    expect(received[0].headers).toMatchObject({
      'webhook-id': 'evt-1',
      'content-type': 'application/json',
    });
  });

  it('reports Retry-After of an error response', async () => {
    handler = (_req, res) => res.writeHead(503, { 'retry-after': '7' }).end('busy');
    expect(await client.post(`${base}/hook`, {}, '{}')).toMatchObject({
      statusCode: 503,
      retryAfter: '7',
      responseBody: 'busy',
    });
  });

  it('does not follow a redirect', async () => {
    handler = (req, res) =>
      req.url === '/hook'
        ? res.writeHead(307, { location: '/elsewhere' }).end()
        : res.writeHead(200).end();
    const result = await client.post(`${base}/hook`, {}, '{}');
    expect(result).toMatchObject({ statusCode: 307, error: 'redirect to /elsewhere not followed' });
    expect(received.map((r) => r.headers.host)).toHaveLength(1);
  });

  it('reads the response body only up to the cap', async () => {
    handler = (_req, res) => {
      res.writeHead(200);
      res.write('x'.repeat(10_000));
      // Never ends: without the cap the client would wait for the total timeout.
    };
    const result = await client.post(`${base}/hook`, {}, '{}');
    expect(result).toMatchObject({ statusCode: 200, error: null });
    expect(result.responseBody).toBe('x'.repeat(16));
  });

  it('gives up on a receiver that never answers after the total timeout', async () => {
    handler = () => undefined;
    const result = await client.post(`${base}/hook`, {}, '{}');
    expect(result.statusCode).toBeNull();
    expect(result.error).toMatch(/no complete response within 300 ms/);
    expect(result.latencyMs).toBeLessThan(2000);
  });

  it('reports a refused connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await client.post(`http://127.0.0.1:${port}/`, {}, '{}')).toMatchObject({
      blocked: false,
      error: expect.stringMatching(/ECONNREFUSED/),
    });
  });

  it('connects to an allow-listed name, and refuses a name rebinding to a private address', async () => {
    handler = (_req, res) => res.writeHead(200).end();
    const port = new URL(base).port;
    expect((await client.post(`http://receiver.test:${port}/`, {}, '{}')).statusCode).toBe(200);
    const rebound = await client.post(`http://rebound.test:${port}/`, {}, '{}');
    expect(rebound).toMatchObject({
      statusCode: null,
      blocked: true,
      error: expect.stringMatching(/resolves to 127.0.0.1, a loopback address/),
    });
    expect(received).toHaveLength(1);
  });

  it('refuses a forbidden URL without sending anything', async () => {
    for (const url of [
      'file:///etc/passwd',
      'http://169.254.169.254/latest/meta-data/',
      'http://127.0.0.2/',
    ]) {
      expect(await client.post(url, {}, '{}')).toMatchObject({
        blocked: true,
        error: expect.stringMatching(/http or https|metadata|loopback/),
      });
    }
    expect(received).toHaveLength(0);
  });
});
