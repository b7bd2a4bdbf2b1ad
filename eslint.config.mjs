// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/** The tsconfigs the import resolver reads; apps/web's maps @goalpost/* to the libs' sources. */
const TSCONFIGS = [
  'apps/api/tsconfig.json',
  'apps/sandbox/tsconfig.spec.json',
  'apps/demo/tsconfig.app.json',
  'apps/web/tsconfig.json',
  'libs/aflite/tsconfig.spec.json',
  'libs/contracts/tsconfig.spec.json',
  'libs/tracker/tsconfig.spec.json',
  'e2e/tsconfig.json',
];

const API = `${root}/apps/api/src`;
const API_ENTRY_POINTS = ['app.module', 'create-app', 'main', 'cli', 'index', 'entities'];

/**
 * Which folder may import which, checked on resolved paths, so `../../x` and `@goalpost/x` alike are caught.
 * A target is the importing file, `from` the imported one.
 */
const BOUNDARIES = [
  {
    target: `${API}/database`,
    from: API,
    except: ['./database', './common', './config', './metrics'],
    message: 'database/ sits below the features: it may import only database/, common/, config/ and metrics/.',
  },
  {
    // Everything except the files that compose the app (create-app, main, cli + cli/, index) and app.module.
    target: [`${API}/!(cli)/**`, `${API}/!(${API_ENTRY_POINTS.join('|')}).ts`, `${API}/entities.ts`],
    from: [...API_ENTRY_POINTS.map((name) => `${API}/${name}.ts`), `${API}/cli`],
    message: 'Imports point down: only create-app, main, cli, cli/ and index compose the app (and app.module lists the entities).',
  },
  {
    target: `${API}/app.module.ts`,
    from: ['create-app', 'main', 'cli', 'index'].map((name) => `${API}/${name}.ts`).concat(`${API}/cli`),
    message: 'app.module is composed by the entry points, it does not import them.',
  },
  {
    target: [`${API}/create-app.ts`, `${API}/index.ts`, `${API}/cli`, `${root}/apps/api/test`],
    from: [`${API}/main.ts`, `${API}/cli.ts`],
    message: 'main.ts and cli.ts are programs: nothing imports them.',
  },
  {
    target: [`${API}/create-app.ts`, `${API}/main.ts`, `${API}/index.ts`],
    from: `${API}/entities.ts`,
    message: 'The entity list is for app.module and the CLI.',
  },
  {
    target: [`${API}/**/!(*.spec).ts`, `${root}/apps/demo/**`, `${root}/e2e/**`],
    from: `${root}/apps/api/test`,
    message: 'apps/api/test is test support: only specs and other tests import it.',
  },
  {
    target: `${root}/libs`,
    from: `${root}/apps`,
    message: 'Libraries never import apps.',
  },
  {
    target: `${root}/apps/web`,
    from: [`${root}/apps/api`, `${root}/apps/sandbox`, `${root}/apps/demo`],
    message: 'The dashboard talks to the api over HTTP, through libs/contracts types: it imports no server code.',
  },
];

const APP_PACKAGES = ['@goalpost/api', '@goalpost/web', '@goalpost/sandbox', '@goalpost/demo', '@goalpost/e2e'];
const noAppPackages = {
  group: APP_PACKAGES.flatMap((name) => [name, `${name}/*`]),
  message: 'Libraries never import apps.',
};
const FRAMEWORKS = [
  '@nestjs/*',
  'typeorm',
  'typeorm/*',
  'class-validator',
  'class-transformer',
  'fastify',
  '@fastify/*',
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  '@tanstack/*',
];

export default defineConfig([
  globalIgnores(['**/dist/', '**/.nx/', 'data/', 'tmp/', '**/test-results/', '**/playwright-report/', 'e2e/.auth/', 'bench/results/']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  {
    // `strict`, not `strictTypeChecked`: the type-aware rules made the whole run about four times slower
    // (68 s of CPU instead of 17 s), and tsc already checks types in every build.
    files: ['**/*.{ts,tsx,mts}'],
    extends: [tseslint.configs.strict],
  },
  {
    // A Nest module is an empty class that carries its @Module() decorator.
    files: ['apps/api/**/*.ts'],
    rules: { '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }] },
  },
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx,mts}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x reads only .js files and no-cycle never follows a TypeScript import.
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: TSCONFIGS.map((tsconfig) => `${root}/${tsconfig}`),
          alwaysTryTypes: true,
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: BOUNDARIES }],
    },
  },
  {
    files: ['libs/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noAppPackages] }] },
  },
  {
    files: ['libs/contracts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noAppPackages, { group: FRAMEWORKS, message: 'libs/contracts holds plain types shared by api and web: no framework code.' }] },
      ],
    },
  },
  {
    files: ['apps/web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@goalpost/api', '@goalpost/api/*', '@goalpost/sandbox', '@goalpost/sandbox/*', '@goalpost/demo', '@goalpost/demo/*'],
              message: 'The dashboard imports no server code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    // A Playwright fixture names the fixtures it needs by destructuring them; `({}, use)` needs none.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  {
    files: ['libs/tracker/src/snippet/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['apps/{api,sandbox,demo}/**', 'libs/**', 'e2e/**', 'bench/**', '**/*.{mjs,cjs,mts}'],
    languageOptions: { globals: globals.node },
  },
  prettier,
]);
