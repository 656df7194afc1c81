// Lint rules, and the layering of DESIGN.md §6 (after bulletproof-react): shared code (components, hooks,
// lib, types) imports no feature and not the app; a feature imports no other feature; only app/ composes.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const restrict = (files, groups, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }] },
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'src/types/api.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['*.{js,ts}', 'tools/**'], languageOptions: { globals: globals.node } },
  { files: ['src/**'], languageOptions: { globals: globals.browser } },
  {
    files: ['**/*.test.{ts,tsx,mjs}'],
    languageOptions: {
      globals: Object.fromEntries(
        ['describe', 'it', 'expect', 'vi', 'beforeAll', 'afterAll', 'beforeEach', 'afterEach'].map((name) => [
          name,
          'readonly',
        ]),
      ),
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Relative imports across folders hide the layering; everything outside a file's folder goes through '@/'.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*'], message: "Import through '@/…', not '../'." }] },
      ],
    },
  },
  restrict(
    ['src/components/**', 'src/hooks/**', 'src/lib/**', 'src/types/**'],
    ['@/features/*', '@/app/*', '../*'],
    'Shared code must not depend on a feature or on the app.',
  ),
  // The i18n resources gather each feature's words (features/<x>/words*.ts), and nothing else of a feature.
  restrict(
    ['src/lib/i18n/resources.ts'],
    ['@/features/*/**', '!@/features/*/words', '!@/features/*/words-*', '@/app/*', '../*'],
    "The i18n resources import only features' words files.",
  ),
  ...features.map((feature) =>
    restrict(
      [`src/features/${feature}/**`],
      [...features.filter((other) => other !== feature).map((other) => `@/features/${other}/*`), '@/app/*', '../*'],
      `A feature imports only itself and shared code; compose features in src/app (this is ${feature}).`,
    ),
  ),
);
