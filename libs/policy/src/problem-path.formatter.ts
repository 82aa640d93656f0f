/** Formats problem paths the way people read them: `review.queue`, `validators[2].onFail`. */

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** Appends a key or an index to a dotted path. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (!PLAIN_KEY.test(key)) return `${base}[${JSON.stringify(key)}]`;
  return base === '' ? key : `${base}.${key}`;
}

/**
 * Turns an ajv instancePath (JSON pointer, "/validators/2/onFail") into a dotted path, walking the
 * document so array indexes print as [2] and a map key that looks like a number stays a key.
 */
export function pointerToPath(pointer: string, document: unknown): string {
  if (pointer === '') return '';
  let path = '';
  let current: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      path = joinPath(path, Number(key));
      current = current[Number(key)];
    } else {
      path = joinPath(path, key);
      current = isRecord(current) && Object.hasOwn(current, key) ? current[key] : undefined;
    }
  }
  return path;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
