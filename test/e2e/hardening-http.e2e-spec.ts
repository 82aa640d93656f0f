import { connect, Socket } from 'node:net';
import { request } from 'node:http';
import { io } from 'socket.io-client';
import { ArbiterHarness } from '../support/arbiter.harness';
import { submissionBody } from '../support/fixtures';

const DESK = 'https://desk.example.com';

/** Resolves when the server closes the connection, with what it sent before. */
function closed(socket: Socket): Promise<string> {
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  return new Promise((resolve) => socket.once('close', () => resolve(received)));
}

async function rawConnection(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return socket;
}

describe('HTTP hardening: headers, socket.io origins, timeouts, 413', () => {
  let arbiter: ArbiterHarness;
  beforeAll(async () => {
    arbiter = await ArbiterHarness.start({
      worker: false,
      config: {
        bodyLimitBytes: 64 * 1024,
        socketOrigins: [DESK],
        http: { requestTimeoutMs: 2000, headersTimeoutMs: 1000, keepAliveTimeoutMs: 5000 },
      },
    });
  });
  afterAll(() => arbiter.stop());

  it.each(['/', '/review', '/docs', '/docs/json', '/health', '/v1/users', '/nope'])(
    '%s carries the security headers',
    async (path) => {
      const res = await arbiter.http.get(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    },
  );

  it('socket.io refuses a cross-origin browser that is not configured, and serves a configured one', async () => {
    const handshake = (origin: string) =>
      fetch(`${arbiter.http.baseUrl}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });
    const evil = await handshake('https://evil.example');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const desk = await handshake(DESK);
    expect(desk.status).toBe(200);
    expect(desk.headers.get('access-control-allow-origin')).toBe(DESK);
    // The UI served by the api itself is same-origin.
    const self = await handshake(arbiter.http.baseUrl);
    expect(self.status).toBe(200);
  });

  it('the default namespace / accepts no connection', async () => {
    const socket = io(arbiter.http.baseUrl, { transports: ['websocket'], reconnection: false });
    try {
      const error = await new Promise<Error>((resolve, reject) => {
        socket.once('connect', () => reject(new Error('connected to /')));
        socket.once('connect_error', resolve);
      });
      expect(error.message).toMatch(/namespace|not found|refused/i);
    } finally {
      socket.disconnect();
    }
  });

  it('a request whose headers never finish is cut off', async () => {
    const socket = await rawConnection(arbiter.http.baseUrl);
    const done = closed(socket);
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    await done;
    expect(socket.destroyed).toBe(true);
  });

  it('a request whose body never finishes is cut off', async () => {
    const socket = await rawConnection(arbiter.http.baseUrl);
    const done = closed(socket);
    socket.write(
      `POST /v1/submissions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${arbiter.bootstrapKey}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"pipeline":',
    );
    const received = await done;
    expect(received).toMatch(/^HTTP\/1.1 408/);
  });

  it.each([
    ['with a Content-Length', true],
    ['chunked', false],
  ])(
    'a body over the cap, still being sent (%s, Connection: close), gets its 413 before the connection closes',
    async (_how, withLength) => {
      const body = Buffer.from(
        JSON.stringify(submissionBody({ output: { text: 'x'.repeat(2 * 1024 * 1024) } })),
      );
      const { hostname, port } = new URL(arbiter.http.baseUrl);
      const lengthHeader: Record<string, number> = withLength
        ? { 'content-length': body.length }
        : {};
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: hostname,
            port,
            method: 'POST',
            path: '/v1/submissions',
            headers: {
              'content-type': 'application/json',
              connection: 'close',
              ...lengthHeader,
              authorization: `Bearer ${arbiter.bootstrapKey}`,
            },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        // In 16 KiB pieces, as a slow client would: the server answers long before the end.
        let offset = 0;
        const pump = (): void => {
          while (offset < body.length) {
            const more = req.write(body.subarray(offset, offset + 16 * 1024));
            offset += 16 * 1024;
            if (!more) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      });
      expect(status).toBe(413);
    },
  );

  it('a 2 MiB body sent at once gets its 413, not a reset', async () => {
    const body = JSON.stringify(submissionBody({ output: { text: 'x'.repeat(2 * 1024 * 1024) } }));
    for (let i = 0; i < 5; i++) {
      const res = await arbiter.http.post('/v1/submissions', undefined, {
        token: arbiter.bootstrapKey,
        raw: body,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(413);
    }
  });
});
