import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenApiDocument } from './contract.validator';

/** TypeScript types of the document, as `openapi-typescript` (the usual generator) writes them. */
export function generateTypes(document: OpenApiDocument): string {
  // In a plain Node process: the generator's ESM dependencies load there, not in Jest's runtime.
  // The document goes through a file: read from a pipe, a document over the pipe's buffer can
  // fail with EAGAIN (stdin is non-blocking there).
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-openapi-'));
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(document));
  const script = `
    const { default: openapiTS, astToString } = require('openapi-typescript');
    const input = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));
    openapiTS(input, { alphabetize: true }).then((nodes) => process.stdout.write(astToString(nodes)));`;
  let types: string;
  try {
    types = execFileSync(process.execPath, ['-e', script, file], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return `/* Generated from the served OpenAPI document by openapi-typescript: do not edit. */\n${types}`;
}

/**
 * The documented 2xx JSON bodies whose generated type is `unknown` (or `any`), found by the
 * TypeScript compiler itself on a probe file that names each of them.
 */
export function unknownSuccessBodies(document: OpenApiDocument, types: string): string[] {
  const probes: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^2/.test(status) || !response.content) continue;
        for (const media of Object.keys(response.content)) {
          const label = `${method.toUpperCase()} ${path} ${status} ${media}`;
          probes.push(
            `check<operations[${JSON.stringify(op.operationId)}]['responses'][${status}]['content'][${JSON.stringify(media)}]>(${JSON.stringify(label)});`,
          );
        }
      }
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-contract-'));
  try {
    writeFileSync(join(dir, 'openapi.ts'), types);
    writeFileSync(
      join(dir, 'probe.ts'),
      [
        `import type { operations } from './openapi';`,
        `type IsUnknown<T> = unknown extends T ? true : false;`,
        `declare function check<T>(label: IsUnknown<T> extends true ? 'unknown' : string): void;`,
        ...probes,
      ].join('\n'),
    );
    try {
      execFileSync(
        process.execPath,
        [
          require.resolve('typescript/bin/tsc'),
          '--noEmit',
          '--strict',
          '--skipLibCheck',
          join(dir, 'probe.ts'),
        ],
        { encoding: 'utf8' },
      );
      return [];
    } catch (error) {
      const output = String((error as { stdout?: string }).stdout ?? error);
      const unknown = [...output.matchAll(/Argument of type '"([^"]+)"'/g)].map((m) => m[1]);
      if (!unknown.length) throw new Error(`the type probe did not compile:\n${output}`);
      return unknown;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
