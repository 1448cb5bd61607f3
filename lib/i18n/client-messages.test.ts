import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_MESSAGES,
  clientMessagesFor,
  COMPONENT_AREAS,
  MEMBER_SEGMENTS,
  MEMBER_SUBSEGMENTS,
  messagesFor,
  pickMessages,
  type ClientArea,
} from './messages';

/** The area of the app a file belongs to: its layout's provider is the one it gets messages from. */
function areaOf(file: string): ClientArea | undefined {
  if (file.startsWith('app/(public)/')) return 'public';
  // The deepest folder with a layout of its own wins (a nested provider replaces its parent's messages).
  const subsegment = (Object.keys(MEMBER_SUBSEGMENTS) as (keyof typeof MEMBER_SUBSEGMENTS)[])
    .filter((folder) => file.startsWith(`app/(member)/${folder}/`))
    .sort((a, b) => b.length - a.length)[0];
  if (subsegment) return MEMBER_SUBSEGMENTS[subsegment];
  const segment = file.match(/^app\/\(member\)\/([^/]+)\//)?.[1];
  if (segment && segment in MEMBER_SEGMENTS) return MEMBER_SEGMENTS[segment as keyof typeof MEMBER_SEGMENTS];
  if (file.startsWith('app/(member)/')) return 'member';
  if (file.startsWith('app/admin/')) return 'admin';
  return undefined; // app/_components, app/error.tsx: shared by every area
}

/** Every 'use client' file under app/, with the keys it asks `useTranslations` for (a literal key, or a template literal's literal prefix). */
function clientKeys(): { file: string; key: string }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name) && !name.includes('.test.')) files.push(full);
    }
  };
  walk(path.resolve('app'));
  const out: { file: string; key: string }[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    if (!/^['"]use client['"]/m.test(source)) continue;
    // Several components in one file may each name their translator `t`: a call belongs to the nearest declaration above it.
    const declarations = [...source.matchAll(/const (\w+) = useTranslations\((?:'([^']*)')?\)/g)].map((m) => ({
      name: m[1]!,
      namespace: m[2],
      at: m.index,
    }));
    for (const name of new Set(declarations.map((d) => d.name))) {
      const call = new RegExp(`\\b${name}(?:\\.rich|\\.markup|\\.has)?\\((['\`])([^'\`$]*)(\\$)?`, 'g');
      for (const match of source.matchAll(call)) {
        const declaration = declarations.filter((d) => d.name === name && d.at < match.index).at(-1);
        if (!declaration) continue;
        const full = [declaration.namespace, match[2]].filter(Boolean).join('.');
        // A template literal's literal part (`types.${t}`) names the subtree it reads.
        out.push({ file: path.relative(process.cwd(), file), key: full.replace(/\.$/, '') });
      }
    }
  }
  return out;
}

describe('messages sent to the browser', () => {
  it('hold every key a client component translates, in the area it belongs to', () => {
    const keys = clientKeys();
    expect(keys.length).toBeGreaterThan(100);
    const missing = keys.flatMap(({ file, key }) =>
      (COMPONENT_AREAS[file] ?? [areaOf(file)]).flatMap((area) => {
        let node: unknown = clientMessagesFor('en', area);
        for (const part of key.split('.')) node = typeof node === 'object' && node ? (node as Record<string, unknown>)[part] : undefined;
        return node === undefined ? [`${file} (${area ?? 'shared'}): ${key}`] : [];
      }),
    );
    expect(missing).toEqual([]);
    expect(Object.keys(COMPONENT_AREAS).filter((file) => !keys.some((k) => k.file === file))).toEqual([]);
  });

  it('are handed over by the layout of each folder that has an area', () => {
    const wrong = Object.entries({ ...MEMBER_SEGMENTS, ...MEMBER_SUBSEGMENTS }).flatMap(([folder, area]) => {
      const layout = path.join('app/(member)', folder, 'layout.tsx');
      const source = readFileSync(layout, 'utf8');
      // A layout may re-export another folder's (resources/[id] uses resources/new's).
      const reexport = source.match(/export \{ default \} from '([^']+)'/)?.[1];
      const own = reexport ? readFileSync(path.join(path.dirname(layout), `${reexport}.tsx`), 'utf8') : source;
      return own.includes(`area="${area}"`) ? [] : [`${layout}: ${area}`];
    });
    expect(wrong).toEqual([]);
  });

  it('are a fraction of the catalogue, in one locale only', () => {
    const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
    const whole = size(messagesFor('ar'));
    for (const area of ['public', 'member', 'admin'] as const) expect(size(clientMessagesFor('ar', area)), area).toBeLessThan(whole * 0.3);
    expect(JSON.stringify(clientMessagesFor('ar', 'member'))).not.toContain(JSON.stringify(messagesFor('en').nav.signOut));
  });

  it('share their common words as the same objects, so nested providers on one page send them once', () => {
    const areas = Object.keys(CLIENT_MESSAGES).filter((a) => a !== 'shared') as ClientArea[];
    for (const area of areas) {
      const segment = (Object.values({ ...MEMBER_SEGMENTS, ...MEMBER_SUBSEGMENTS }) as string[]).includes(area);
      const paths = [...CLIENT_MESSAGES.shared, ...(segment ? CLIENT_MESSAGES.member : []), ...CLIENT_MESSAGES[area]];
      // The same words as picking every path at once.
      expect(clientMessagesFor('fr', area), area).toEqual(pickMessages(messagesFor('fr') as never, paths));
    }
    const root = clientMessagesFor('pt');
    expect(clientMessagesFor('pt', 'member')).toBe(root);
    expect(clientMessagesFor('pt', 'discussions').errors).toBe(root.errors);
    expect(clientMessagesFor('pt', 'settings').nav).toBe(root.nav);
  });

  it('picks dotted paths in the same shape', () => {
    expect(pickMessages({ a: { b: 'x', c: 'y' }, d: 'z' }, ['a.b', 'd', 'missing.key'])).toEqual({ a: { b: 'x' }, d: 'z' });
  });
});
