import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import http, { IncomingMessage } from 'node:http';
import https from 'node:https';
import { FORBIDDEN_ADDRESS, UrlGuard } from '../ssrf/url-guard.service';

/** What one POST to a receiver came to. */
export interface HttpAttempt {
  /** null when no response came (refused, timed out, forbidden address). */
  statusCode: number | null;
  retryAfter: string | null;
  /** The first maxResponseBytes of the response, for the attempt log. */
  responseBody: string;
  error: string | null;
  /** The SSRF guard refused the URL or every address it resolves to: nothing was sent. */
  blocked: boolean;
  latencyMs: number;
}

/**
 * Posts webhooks under the SSRF guard: the socket connects only to a checked address, redirects
 * are not followed, the response is read up to a small cap, connect and total timeouts apply.
 */
@Injectable()
export class WebhookHttpClient implements OnModuleDestroy {
  // Keep-alive: at many deliveries per second to the same receiver, a new TCP/TLS handshake each
  // time would cost more than the request.
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 256 });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly guard: UrlGuard,
  ) {}

  /** POSTs `body` as JSON with `headers`; never throws: failures come back in the result. */
  async post(
    url: string,
    headers: Record<string, string>,
    body: string,
    options: { timeoutMs?: number } = {},
  ): Promise<HttpAttempt> {
    const started = performance.now();
    const target = this.guard.parse(url, 'url');
    if (target.problem) return failed(target.problem, started, true);
    try {
      const response = await this.send(new URL(url), headers, body, options.timeoutMs);
      const redirect = response.statusCode >= 300 && response.statusCode < 400;
      return {
        statusCode: response.statusCode,
        retryAfter: response.retryAfter,
        responseBody: response.body,
        error: redirect ? `redirect to ${response.location ?? '?'} not followed` : null,
        blocked: false,
        latencyMs: performance.now() - started,
      };
    } catch (error) {
      const blocked = (error as NodeJS.ErrnoException).code === FORBIDDEN_ADDRESS;
      return failed((error as Error).message, started, blocked);
    }
  }

  onModuleDestroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private send(
    url: URL,
    headers: Record<string, string>,
    body: string,
    totalTimeoutMs?: number,
  ): Promise<{
    statusCode: number;
    retryAfter: string | null;
    location: string | null;
    body: string;
  }> {
    const { connectTimeoutMs, maxResponseBytes } = this.config.webhooks;
    const timeoutMs = totalTimeoutMs ?? this.config.webhooks.timeoutMs;
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const request = (secure ? https : http).request(url, {
        method: 'POST',
        agent: secure ? this.httpsAgent : this.httpAgent,
        lookup: this.guard.lookup,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Arbiter-Webhooks/1',
        },
      });
      const total = setTimeout(
        () => request.destroy(new Error(`no complete response within ${timeoutMs} ms`)),
        timeoutMs,
      );
      request.on('socket', (socket) => {
        if (!socket.connecting) return;
        const connect = setTimeout(
          () => request.destroy(new Error(`could not connect within ${connectTimeoutMs} ms`)),
          connectTimeoutMs,
        );
        socket.once('connect', () => clearTimeout(connect));
        socket.once('close', () => clearTimeout(connect));
      });
      request.on('error', (error) => {
        clearTimeout(total);
        reject(error);
      });
      request.on('response', (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          clearTimeout(total);
          resolve({
            statusCode: response.statusCode ?? 0,
            retryAfter: header(response, 'retry-after'),
            location: header(response, 'location'),
            body: Buffer.concat(chunks).toString('utf8'),
          });
        };
        response.on('data', (chunk: Buffer) => {
          const room = maxResponseBytes - size;
          if (room > 0) chunks.push(chunk.subarray(0, room));
          size += chunk.length;
          // Past the cap the rest is not worth reading: the status is known, drop the connection.
          if (size > maxResponseBytes) {
            response.destroy();
            done();
          }
        });
        response.on('end', done);
        response.on('error', (error) => {
          clearTimeout(total);
          reject(error);
        });
      });
      request.end(body);
    });
  }
}

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function failed(error: string, started: number, blocked = false): HttpAttempt {
  return {
    statusCode: null,
    retryAfter: null,
    responseBody: '',
    error,
    blocked,
    latencyMs: performance.now() - started,
  };
}
