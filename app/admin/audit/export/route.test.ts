import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditRowsOf, insertAuditRows } from '@/testing/audit';
import { createUser, everyRole } from '@/testing/factories';
import { actAs } from '@/testing/request-scope';
import { GET } from './route';

vi.mock('next/headers', async () => (await import('@/testing/request-scope')).nextHeaders);
vi.mock('next-intl/server', async () => (await import('@/testing/request-scope')).nextIntlServer);

let roles: Awaited<ReturnType<typeof everyRole>>;
const MATCHING = 1_234; // more than two export batches (500) and many pages (25)
let matchingIds: number[];

beforeAll(async () => {
  roles = await everyRole();
  // Many rows share one instant: the keyset must page on (at, id), not on the time alone.
  const at = new Date('2026-03-01T12:00:00Z');
  matchingIds = await insertAuditRows(
    Array.from({ length: MATCHING }, (_, i) => ({
      at: new Date(at.getTime() + Math.floor(i / 100) * 1000),
      action: 'thread.locked',
      ip: `203.0.113.${i % 250}`,
    })),
  );
  await insertAuditRows([
    { at, action: 'thread.unlocked', actorId: (await createUser({ name: '=HYPERLINK("http://evil.example","Open")' })).id },
    { at, action: 'thread.pinned' },
  ]);
});

const exportCsv = (query: string) =>
  GET(new Request(`http://localhost/admin/audit/export${query}`, { headers: { 'sec-fetch-site': 'same-origin' } }));

/** The records of a CSV export (none of our cells holds a line break), without the header. */
async function records(res: Response): Promise<string[][]> {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).split('\r\n');
  expect(lines.pop()).toBe('');
  expect(lines[0]).toBe('Entry,Time (UTC),Actor id,Actor name,Actor email,Action,Target type,Target id,Target name,Address,Details');
  return lines.slice(1).map((line) => line.split(','));
}

describe('the audit log CSV export (item 1)', () => {
  it('with a filter, streams every matching row (far more than one page) and nothing else, newest first', async () => {
    await actAs(roles.admin);
    const res = await exportCsv('?action=thread.locked&from=2026-03-01&to=2026-03-01&cursor=ignored');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const rows = await records(res);
    expect(rows).toHaveLength(MATCHING);
    expect(new Set(rows.map((r) => r[5]))).toEqual(new Set(['thread.locked']));
    const ids = rows.map((r) => Number(r[0]));
    expect([...ids].sort((a, b) => a - b)).toEqual([...matchingIds].sort((a, b) => a - b));
    // Newest first: times never increase down the file.
    const times = rows.map((r) => r[1]!);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('defuses cells a spreadsheet would run as a formula', async () => {
    await actAs(roles.admin);
    const text = await (await exportCsv('?action=thread.unlocked')).text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Open"")"`);
  });

  it('is itself audited, with its filters', async () => {
    const exported = await auditRowsOf('audit.exported', { actorId: roles.admin.id });
    expect(exported.length).toBeGreaterThanOrEqual(2);
    expect(exported[0]!.details).toEqual({
      filters: { action: 'thread.locked', from: '2026-03-01', to: '2026-03-01' },
      timeZone: roles.admin.timeZone,
    });
    expect(exported[0]!.ip).toBe('203.0.113.5');
  });

  it('does not exist for anyone but an admin (404), and records nothing for them', async () => {
    for (const who of [roles.member, roles.focalPoint, roles.moderator]) {
      await actAs(who);
      const res = await exportCsv('?action=thread.locked');
      expect(res.status).toBe(404);
      expect((await res.json()).error).toBe('not_found');
      const rows = await auditRowsOf('audit.exported', { actorId: who.id });
      expect(rows).toHaveLength(0);
      // The refusal itself is recorded as an authorization failure (lib/audit/denied.ts).
      const [denied] = await auditRowsOf('authz.denied', { actorId: who.id });
      expect(denied!.details).toEqual({ door: 'route', what: 'admin', path: '/admin/audit/export' });
    }
    await actAs(null);
    expect((await exportCsv('')).status).toBe(401);
  });
});
