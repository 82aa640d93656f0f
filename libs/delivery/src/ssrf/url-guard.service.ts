import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@arbiter/config';
import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { isIP, LookupFunction } from 'node:net';
import { forbiddenAddressKind } from './address-policy';

/** Resolves a host name to every address it has (injectable so tests need no DNS). */
export type HostResolver = (host: string) => Promise<LookupAddress[]>;
export const HOST_RESOLVER = Symbol('HOST_RESOLVER');
/** Error code of a connection the guard refused. */
export const FORBIDDEN_ADDRESS = 'ERR_WEBHOOK_FORBIDDEN_ADDRESS';

const defaultResolver: HostResolver = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

// A slow resolver must not hold a submission: past this, intake accepts and delivery re-checks.
const INTAKE_DNS_TIMEOUT_MS = 3000;
const ALLOW_HINT = 'it is refused unless ARBITER_WEBHOOK_ALLOW_HOSTS names the host';

/** The part of a URL check that needs no DNS. */
export interface ParsedTarget {
  problem: string | null;
  host: string;
  allowListed: boolean;
}

/**
 * SSRF guard for webhook URLs: http(s) only, and no host that is (or resolves to) a loopback,
 * private, link-local, metadata or reserved address unless the operator allow-listed it. Checked
 * at intake for a clear 400, and again for the very connection at delivery (DNS rebinding).
 */
@Injectable()
export class UrlGuard {
  private readonly allowHosts: Set<string>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() @Inject(HOST_RESOLVER) private readonly resolver: HostResolver = defaultResolver,
  ) {
    this.allowHosts = new Set(config.webhooks.allowHosts.map(bare));
  }

  /** Why `url` may not receive webhooks (a message naming `field`), or null when it may. */
  async problem(url: string, field: string): Promise<string | null> {
    const target = this.parse(url, field);
    if (target.problem || target.allowListed || isIP(target.host)) return target.problem;
    let addresses: LookupAddress[];
    try {
      addresses = await withTimeout(this.resolver(target.host), INTAKE_DNS_TIMEOUT_MS);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOTFOUND' || code === 'ENODATA'
        ? `${field} host "${target.host}" does not resolve`
        : null;
    }
    return this.addressesProblem(target.host, addresses, field);
  }

  /** Scheme, credentials, allow-list and IP-literal checks: everything but DNS. */
  parse(url: string, field: string): ParsedTarget {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { problem: `${field} is not a valid URL`, host: '', allowListed: false };
    }
    const host = bare(parsed.hostname);
    const fail = (problem: string): ParsedTarget => ({ problem, host, allowListed: false });
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      return fail(`${field} must use http or https (got "${parsed.protocol}")`);
    }
    if (parsed.username || parsed.password)
      return fail(`${field} must not contain a user name or password`);
    if (this.allowHosts.has(host)) return { problem: null, host, allowListed: true };
    const kind = forbiddenAddressKind(host);
    if (kind) return fail(`${field} host "${host}" is a ${kind} address; ${ALLOW_HINT}`);
    if (host === 'localhost' || host.endsWith('.localhost')) {
      return fail(`${field} host "${host}" resolves to a loopback address; ${ALLOW_HINT}`);
    }
    return { problem: null, host, allowListed: false };
  }

  /**
   * A `lookup` for node:http that refuses a name when any of its addresses is forbidden, so the
   * socket connects only to an address that was checked (no second resolution to rebind).
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    const host = bare(hostname);
    this.resolver(host).then(
      (addresses) => {
        const allowed = this.allowHosts.has(host);
        const problem = allowed ? null : this.addressesProblem(host, addresses, 'url');
        const usable = addresses.filter((a) => !options.family || a.family === options.family);
        if (problem || usable.length === 0) {
          const error: NodeJS.ErrnoException = new Error(
            problem ?? `no usable address for "${host}"`,
          );
          error.code = problem ? FORBIDDEN_ADDRESS : 'ENOTFOUND';
          callback(error, '', 0);
        } else if (options.all) {
          callback(null, usable);
        } else {
          callback(null, usable[0].address, usable[0].family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };

  private addressesProblem(host: string, addresses: LookupAddress[], field: string): string | null {
    for (const { address } of addresses) {
      const kind = forbiddenAddressKind(address);
      if (kind)
        return `${field} host "${host}" resolves to ${address}, a ${kind} address; ${ALLOW_HINT}`;
    }
    return null;
  }
}

function bare(host: string): string {
  return host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('DNS timeout'), { code: 'ETIMEOUT' })),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
