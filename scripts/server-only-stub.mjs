/**
 * `node --import ./scripts/server-only-stub.mjs`: resolves `server-only` to an empty module, as Vitest's
 * alias does, for scripts that run lib/ code needing React's ordinary build (e.g. email rendering with
 * next-intl), which the `react-server` condition would replace.
 */
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(
      'export async function resolve(specifier, context, next) { if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true }; return next(specifier, context); }',
    ),
  import.meta.url,
);
