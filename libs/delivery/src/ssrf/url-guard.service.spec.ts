import { loadConfig } from '@arbiter/config';
import { LookupAddress } from 'node:dns';
import { HostResolver, UrlGuard } from './url-guard.service';

const DNS: Record<string, LookupAddress[]> = {
  'hooks.example.com': [{ address: '93.184.215.14', family: 4 }],
  'internal.example.com': [{ address: '10.1.2.3', family: 4 }],
  'mixed.example.com': [
    { address: '93.184.215.14', family: 4 },
    { address: '192.168.0.7', family: 4 },
  ],
  'v6.example.com': [{ address: 'fd00:ec2::254', family: 6 }],
  'receiver.test': [{ address: '127.0.0.1', family: 4 }],
};
const resolver: HostResolver = async (host) => {
  const found = DNS[host];
  if (!found)
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found;
};
const guard = (allow = '') =>
  new UrlGuard(loadConfig({ ARBITER_WEBHOOK_ALLOW_HOSTS: allow }), resolver);

describe('UrlGuard', () => {
  it.each([
    'https://hooks.example.com/arbiter',
    'http://hooks.example.com:8080/x?y=1',
    'https://93.184.215.14/hook',
  ])('accepts %s', async (url) => {
    expect(await guard().problem(url, 'callbackUrl')).toBeNull();
  });

  it.each([
    ['file:///etc/passwd', /callbackUrl must use http or https \(got "file:"\)/],
    ['gopher://hooks.example.com/', /must use http or https/],
    ['not a url', /callbackUrl is not a valid URL/],
    ['https://user:pw@hooks.example.com/', /must not contain a user name or password/],
    [
      'http://127.0.0.1:9000/hook',
      /callbackUrl host "127.0.0.1" is a loopback address; .*ARBITER_WEBHOOK_ALLOW_HOSTS/,
    ],
    ['http://10.0.0.8/hook', /"10.0.0.8" is a private address/],
    ['http://169.254.169.254/latest/meta-data/', /"169.254.169.254" is a metadata address/],
    ['http://[::1]:8080/', /"::1" is a loopback address/],
    ['http://[::ffff:127.0.0.1]/', /loopback/],
    ['http://0x7f000001/', /loopback/],
    ['http://2130706433/', /loopback/],
    ['http://localhost:3000/', /"localhost" resolves to a loopback address/],
    ['http://api.localhost/', /loopback/],
    [
      'https://internal.example.com/hook',
      /"internal.example.com" resolves to 10.1.2.3, a private address/,
    ],
    ['https://mixed.example.com/hook', /resolves to 192.168.0.7, a private address/],
    ['https://v6.example.com/hook', /metadata address/],
    ['https://nowhere.example.com/hook', /callbackUrl host "nowhere.example.com" does not resolve/],
  ])('refuses %s', async (url, message) => {
    expect(await guard().problem(url, 'callbackUrl')).toMatch(message);
  });

  it('lets the operator allow-list a host by name or address', async () => {
    const g = guard('receiver.test,127.0.0.1,localhost,[::1]');
    expect(await g.problem('http://receiver.test:4000/hook', 'url')).toBeNull();
    expect(await g.problem('http://127.0.0.1:4000/hook', 'url')).toBeNull();
    expect(await g.problem('http://LOCALHOST:4000/hook', 'url')).toBeNull();
    expect(await g.problem('http://[::1]:4000/hook', 'url')).toBeNull();
    // Only the named hosts: a neighbour stays refused.
    expect(await g.problem('http://127.0.0.2:4000/hook', 'url')).toMatch(/loopback/);
    expect(await g.problem('file:///etc/passwd', 'url')).toMatch(/http or https/);
  });

  it('refuses at connection time a name that now resolves to a private address (rebinding)', async () => {
    const g = guard();
    const result = await new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>(
      (resolve) =>
        g.lookup('internal.example.com', {}, (error, address) => resolve({ error, address })),
    );
    expect(result.error?.message).toMatch(/resolves to 10.1.2.3, a private address/);
    const ok = await new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>(
      (resolve) =>
        g.lookup('hooks.example.com', { all: true }, (error, address) =>
          resolve({ error, address }),
        ),
    );
    expect(ok).toEqual({ error: null, address: [{ address: '93.184.215.14', family: 4 }] });
  });
});
