import { existsSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';

/** Paths the API owns: the UI never answers them, so a typo there stays an API 404. */
export const API_PREFIXES = ['/v1', '/docs', '/health', '/metrics', '/socket.io'];

/** True when a request path belongs to the API rather than the single-page app. */
export function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * The built UI is apps/web/dist of the checkout the api runs from. The api runs from source (tests)
 * or from dist/ (npm start), so walk up to the folder that holds apps/web/index.html.
 */
export function findWebDist(from: string = __dirname): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'apps', 'web', 'index.html'))) return join(dir, 'apps', 'web', 'dist');
    if (dirname(dir) === dir) return null;
  }
}

/**
 * What a GET under the UI asks for: a file of the build (relative path) when the last segment
 * has an extension, otherwise the app shell (client-side routes like /dashboard). Null when the
 * path tries to leave the dist folder.
 */
export function resolveUiPath(
  wildcard: string,
): { kind: 'file'; file: string } | { kind: 'shell' } | null {
  const path = normalize(`/${wildcard}`).slice(1);
  if (path.startsWith('..') || path.includes(`${sep}..${sep}`) || path.includes('\0')) return null;
  const last = path.split('/').pop() ?? '';
  return /\.[a-z0-9]+$/i.test(last) ? { kind: 'file', file: path } : { kind: 'shell' };
}
