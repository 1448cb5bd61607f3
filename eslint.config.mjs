import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';
import i18next from 'eslint-plugin-i18next';

/** Shipped code (app/, lib/) never imports demo data or test helpers; tests may. */
const shippedCodeRestrictions = [
  { group: ['@/seed', '@/seed/*', '**/seed', '**/seed/*'], message: 'Demo data is seeded by scripts/seed.ts, never imported by the portal.' },
  { group: ['@/testing/*', '**/testing/*'], message: 'Test helpers are for tests only.' },
];

/** app/ reaches data only through lib/dal, so no page or action can skip an access check. */
const appRestrictions = [
  { group: ['@/db', '@/db/*', '**/db', '**/db/*'], message: 'app/ reads data through lib/dal, never db/ directly.' },
  { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'app/ reads data through lib/dal, never drizzle directly.' },
  {
    group: ['next/link'],
    message: 'Take Link from @/app/_components/link: it does not prefetch (every member page is dynamic, decision 025).',
  },
  {
    group: ['next/form'],
    message: 'Take Form from @/app/_components/form: it does not prefetch its action (decision 025).',
  },
  ...shippedCodeRestrictions,
];

const config = [
  ...nextVitals,
  ...nextTs,
  prettier,
  { ignores: ['.next/**', '.data/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Pages and actions reach data only through lib/dal, so none can skip an access check.
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: appRestrictions }],
    },
  },
  {
    // The console builds on shared UI (app/_components), never on the member pages' own components.
    files: ['app/admin/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...appRestrictions,
            {
              group: ['@/app/(member)/**', '**/(member)/**'],
              message: 'Shared UI lives in app/_components; admin pages do not import member feature folders.',
            },
          ],
        },
      ],
    },
  },
  {
    // Roles are compared in one place (lib/dal/roles.ts); everything else asks isAdmin / isModerator / ….
    files: ['**/*.{ts,tsx}'],
    ignores: ['lib/dal/roles.ts', '**/*.test.{ts,tsx}', 'e2e/**', 'testing/**', 'seed/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "BinaryExpression MemberExpression[object.name='viewer'][property.name='role']",
          message: 'Compare roles only in lib/dal/roles.ts (isAdmin, isModerator, …).',
        },
        {
          selector: "SwitchStatement > MemberExpression.discriminant[object.name='viewer'][property.name='role']",
          message: 'Compare roles only in lib/dal/roles.ts (isAdmin, isModerator, …).',
        },
      ],
    },
  },
  {
    // HTML reaches a page in one file: app/_components/cooked.tsx (stored cooked markdown, search highlights).
    files: ['**/*.tsx'],
    ignores: ['app/_components/cooked.tsx'],
    rules: { 'react/no-danger': 'error' },
  },
  {
    // db/ is the bottom floor: it imports nothing from lib/ (imports flow app → lib → db).
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib', '@/lib/*', '**/lib/*', '@/app/*', '@/seed', '@/seed/*', '@/testing/*'],
              message: 'db/ imports nothing from lib/, app/, seed/ or testing/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Shipped code never imports demo data or test helpers (they may import it).
    files: ['lib/**/*.{ts,tsx}', 'proxy.ts', 'instrumentation.ts'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: shippedCodeRestrictions }] },
  },
  {
    // Every user-facing string goes through next-intl: no literal text in JSX, nor in the attributes people
    // read or hear (labels, hints, alt, title, placeholder). Allowed: single lowercase tokens (enum values
    // such as 'file' | 'link'), punctuation, and the decorative marks listed.
    files: ['app/**/*.tsx'],
    ignores: ['**/*.test.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: [
              'aria-label',
              'aria-description',
              'aria-roledescription',
              'aria-valuetext',
              'alt',
              'title',
              'placeholder',
              'label',
              'hint',
              'pendingLabel',
              'text',
            ],
          },
          callees: { exclude: ['t', 'isolated', 't[A-Z]\\w*', '\\w+\\.(rich|markup|has)', 'format\\.\\w+', 'clsx', 'buttonClass'] },
          words: { exclude: ['[0-9!-/:-@[-`{-~\\s]+', '[a-z][a-z0-9_]*', '[✓×·—–…←→‹›]'] },
        },
      ],
    },
  },
];

export default config;
