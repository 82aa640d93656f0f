// Lint, including the import boundaries of docs/architecture.md: a wrong arrow fails here, not in review.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const PURE_FORBIDDEN = [
  {
    group: ['@nestjs/*', 'typeorm', 'bullmq', 'ioredis', 'pg', 'socket.io*', '@socket.io/*'],
    message: 'Pure libs do no I/O and use no framework.',
  },
  {
    group: ['node:fs*', 'fs', 'fs/*', 'node:http*', 'http', 'https', 'node:net', 'net'],
    message: 'Pure libs do no I/O.',
  },
  { group: ['@arbiter/*'], message: 'Pure libs import no other Arbiter lib.' },
  { group: ['**/apps/**'], message: 'Libs never import apps.' },
];
const LIB_FORBIDDEN = [
  { group: ['**/apps/**', '../../apps/*'], message: 'Libs never import apps.' },
];
const restrict = (patterns) => ['error', { patterns }];

// The slices' layers (docs/architecture.md): a slice imports only slices below it, so the
// dependencies have no cycle. Infrastructure (persistence, queue, config, observability) and the
// pure libs (scoring, policy, errors, contracts) are open to every slice.
const SLICE_LAYERS = [
  ['auth', 'workflow', 'audit'],
  ['review', 'delivery', 'stats'],
  ['oversight'],
  ['intake', 'ai-review', 'retention'],
  ['pipelines', 'people'],
];
const sliceRules = SLICE_LAYERS.flatMap((layer, depth) => {
  const above = SLICE_LAYERS.slice(depth).flat();
  return layer.map((lib) => ({
    files: [`libs/${lib}/src/**/*.ts`],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': restrict([
        ...LIB_FORBIDDEN,
        {
          group: above.filter((other) => other !== lib).map((other) => `@arbiter/${other}`),
          message: `A slice imports only slices of a lower layer (${lib} is in layer ${depth + 1}).`,
        },
      ]),
    },
  }));
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'packages/*/dist/**',
      'node_modules/**',
      'coverage/**',
      'apps/web/dist/**',
      '.bench/**',
      '.stack/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through @arbiter/config only.',
        },
      ],
    },
  },
  { files: ['libs/**/*.ts'], rules: { 'no-restricted-imports': restrict(LIB_FORBIDDEN) } },
  ...sliceRules,
  {
    files: [
      'libs/scoring/src/**/*.ts',
      'libs/policy/src/**/*.ts',
      'libs/errors/src/**/*.ts',
      'libs/workflow/src/submission-states.ts',
    ],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': restrict(PURE_FORBIDDEN) },
  },
  {
    // The self-checking loop's rules are pure too; they may use scoring's statistics (Clopper–Pearson).
    files: ['libs/oversight/src/rules/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': restrict([
        ...PURE_FORBIDDEN.filter((p) => !p.group.includes('@arbiter/*')),
        {
          group: ['@arbiter/*', '!@arbiter/scoring'],
          message: 'The loop rules import only @arbiter/scoring.',
        },
      ]),
    },
  },
  {
    files: ['libs/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['@arbiter/*'], message: 'contracts imports no other Arbiter lib.' },
        {
          group: ['@nestjs/common', '@nestjs/core', 'typeorm', 'bullmq', 'ioredis'],
          message: 'contracts is wire format only.',
        },
      ]),
    },
  },
  {
    files: ['apps/api/**/*.ts'],
    // './web/*' is the api's own module that serves the built UI, not the web app.
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['**/worker/**', '**/web/**', '!./web/*'],
          message: 'Apps never import each other.',
        },
      ]),
    },
  },
  {
    // The browser bundle takes only erased type imports from contracts (its DTOs carry Nest decorators).
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx', 'apps/web/**/*.mts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@arbiter/contracts',
              allowTypeImports: true,
              message: 'The web app imports only types from @arbiter/contracts.',
            },
            {
              name: '@arbiter/policy',
              message: 'The web app talks to the API over HTTP and sockets only.',
            },
          ],
          patterns: [
            {
              group: [
                '@arbiter/*',
                '!@arbiter/contracts',
                // The policy editor's JSON error locator only (aliased in vite.config.mts).
                '!@arbiter/policy',
                '@arbiter/policy/*',
                '!@arbiter/policy/json-error-locator',
                '**/libs/**',
                '**/apps/api/**',
                '**/apps/worker/**',
              ],
              message: 'The web app talks to the API over HTTP and sockets only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/api/**', '**/web/**'], message: 'Apps never import each other.' },
      ]),
    },
  },
  {
    files: [
      'libs/config/**/*.ts',
      'libs/testing/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.ts',
      '**/*.spec.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
