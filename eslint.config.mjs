import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', '.data/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Pages and actions reach data only through lib/dal, so none can skip an access check.
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@/db', '@/db/*', '**/db', '**/db/*'], message: 'app/ reads data through lib/dal, never db/ directly.' },
            { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'app/ reads data through lib/dal, never drizzle directly.' },
          ],
        },
      ],
    },
  },
];

export default config;
