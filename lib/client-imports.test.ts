import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What client components bring into the browser. Importing a constant from a module that also defines
 * zod schemas or drizzle tables brought all of zod and part of drizzle with it (47 KB gzipped on the
 * thread page: issue 17, decision 025). This follows every value import of each 'use client' file through
 * the project's own modules (server actions are only references, so 'use server' files stop the walk)
 * and fails on any that reaches zod, drizzle or the database (db/values.ts, plain lists, is the one
 * module of db/ they may use).
 */
const FORBIDDEN = /^(zod|drizzle-orm|postgres|@electric-sql\/pglite)(\/|$)/;

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) files(full, out);
    else if (/\.tsx?$/.test(name) && !name.includes('.test.')) out.push(full);
  }
  return out;
}

/** The modules a file imports for their values (`import type` and `export type` left out). */
function valueImports(source: string): string[] {
  const specifiers = [...source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  return specifiers;
}

function resolveLocal(specifier: string, from: string): string | null {
  const base = specifier.startsWith('@/')
    ? path.resolve(specifier.slice(2))
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

function forbiddenReach(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    if (trail.length && /^['"]use server['"]/m.test(source)) return;
    for (const specifier of valueImports(source)) {
      if (FORBIDDEN.test(specifier) || (specifier.startsWith('@/db') && specifier !== '@/db/values'))
        found.push([...trail, path.relative(process.cwd(), file), specifier].join(' → '));
      const local = resolveLocal(specifier, file);
      if (local) walk(local, [...trail, path.relative(process.cwd(), file)]);
    }
  };
  walk(entry, []);
  return found;
}

describe('client components', () => {
  it('bring neither zod nor drizzle nor the database into the browser', () => {
    const clients = files(path.resolve('app')).filter((f) => /^['"]use client['"]/m.test(readFileSync(f, 'utf8')));
    expect(clients.length).toBeGreaterThan(30);
    expect(clients.flatMap(forbiddenReach)).toEqual([]);
  });

  it('are checked through re-exports and relative paths', () => {
    expect(
      valueImports("import type { A } from 'zod';\nimport { b } from './b';\nexport { c } from '@/lib/c';\nexport type { D } from 'x';"),
    ).toEqual(['./b', '@/lib/c']);
  });
});
