import { AppConfig } from '@arbiter/config';
import { ServerOptions } from 'node:http';

/**
 * Timeouts of the api's HTTP server: headers and whole requests must arrive in time (a client
 * sending a few bytes at a time, or stopping halfway, is answered 408 and cut off instead of
 * holding a connection for ever), and idle keep-alive connections close. Node checks the
 * request and headers deadlines periodically; once a second keeps a stalled request's overrun short.
 */
export function httpServerOptions(config: AppConfig): {
  requestTimeout: number;
  keepAliveTimeout: number;
  http: ServerOptions;
} {
  return {
    requestTimeout: config.http.requestTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    http: {
      headersTimeout: config.http.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, config.http.headersTimeoutMs),
    },
  };
}
