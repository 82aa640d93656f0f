import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findWebDist, isApiPath, resolveUiPath } from './web-ui.paths';

describe('web UI paths', () => {
  it('leaves every API prefix to the API', () => {
    for (const path of [
      '/v1',
      '/v1/review/queues',
      '/docs',
      '/docs/json',
      '/health',
      '/metrics',
      '/socket.io/',
    ])
      expect(isApiPath(path)).toBe(true);
    for (const path of ['/', '/review', '/dashboard', '/assets/index.js', '/v1x', '/healthz'])
      expect(isApiPath(path)).toBe(false);
  });

  it('serves files by extension and the app shell for client routes', () => {
    expect(resolveUiPath('assets/index-abc.js')).toEqual({
      kind: 'file',
      file: 'assets/index-abc.js',
    });
    expect(resolveUiPath('')).toEqual({ kind: 'shell' });
    expect(resolveUiPath('review/tasks/123')).toEqual({ kind: 'shell' });
    expect(resolveUiPath('../../etc/hosts.txt')).toEqual({ kind: 'file', file: 'etc/hosts.txt' });
    expect(resolveUiPath('a\0b.js')).toBeNull();
  });

  it('finds apps/web/dist from anywhere below the checkout, and nothing outside one', () => {
    const root = mkdtempSync(join(tmpdir(), 'arbiter-web-'));
    mkdirSync(join(root, 'apps', 'web'), { recursive: true });
    writeFileSync(join(root, 'apps', 'web', 'index.html'), '<div id="root"></div>');
    const deep = join(root, 'dist', 'apps', 'api', 'src', 'web');
    mkdirSync(deep, { recursive: true });
    expect(findWebDist(deep)).toBe(join(root, 'apps', 'web', 'dist'));
    expect(findWebDist(mkdtempSync(join(tmpdir(), 'arbiter-none-')))).toBeNull();
  });
});
