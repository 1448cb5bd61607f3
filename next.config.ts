import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { ACTION_BODY_LIMIT_BYTES } from './lib/limits';

// The catalogues' ICU messages are compiled at build time (icu-minify): the browser gets no message parser
// (intl-messageformat, 12 KB gzipped on every page) and the server formats without parsing (issue 17).
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // scripts/server.mjs compresses, after inlining a first visit's stylesheet into the HTML.
  compress: false,
  reactStrictMode: true,
  // rate-limiter-flexible imports drizzle-orm dynamically, which bundling breaks.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pino', 'nodemailer', 'rate-limiter-flexible', 'drizzle-orm', 'prom-client'],
  // The watermark fonts (lib/pdf/fonts.ts) are read with fs: carried with the file route in a traced build.
  outputFileTracingIncludes: {
    '/api/files/**': [
      './node_modules/@fontsource/noto-sans/files/noto-sans-*-700-normal.woff',
      './node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff',
    ],
  },
  // `npm test` type-checks first (`next typegen && tsc --noEmit`, Next's route types included) and then
  // builds for the end-to-end tests: TYPECHECKED=1 spares that build checking the same again (36 s on CI).
  // Every other build (`npm run build`, production) checks.
  typescript: { ignoreBuildErrors: process.env.TYPECHECKED === '1' },
  // Set deliberately (lib/limits.ts): the action door answers anything between its own limit and this one.
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  async headers() {
    const common = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'same-origin' },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
      { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ];
    return [{ source: '/:path*', headers: common }];
  },
};

export default withNextIntl(nextConfig);
