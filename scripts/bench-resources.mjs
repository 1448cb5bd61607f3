#!/usr/bin/env node
/**
 * Part of `npm run bench`: load-tests the resource list (/resources) with its filters, sort and full-text
 * search, at 50,000 resources, against `next start` on real Postgres; prints p50/p95 latency and req/s.
 *
 *   1. uses BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/pp_bench), creating and seeding
 *      it (`db:seed -- --scale 10`) when empty, then tops it up to BENCH_RESOURCES (default 50,000)
 *      generated resources (links, no files) with a realistic mix of types, topics, languages, years and
 *      visibilities (`--prepare` stops here);
 *   2. starts `next start` on BENCH_RESOURCES_PORT (default 3391) from the existing production build;
 *   3. signs in as a demo member (BENCH_EMAIL, default civil@demo.example) and runs autocannon against each
 *      list (BENCH_SECONDS, default 10; BENCH_CONNECTIONS, default 10).
 *
 * Figures depend on the machine; nothing here asserts a time.
 */
import postgres from 'postgres';
import { benchPages, benchUrl, ensureSeededDatabase, runBench, settle } from './bench-common.mjs';

const port = Number(process.env.BENCH_RESOURCES_PORT || 3391);
const wanted = Number(process.env.BENCH_RESOURCES || 50_000);

const targets = [
  { label: '/resources (newest)', path: '/resources' },
  { label: '/resources, most downloaded, page 1', path: '/resources?sort=downloads' },
  { label: '/resources, type + language', path: '/resources?type=guidance_toolkit&language=fr' },
  { label: '/resources, topic + sector, most downloaded', path: '/resources?topic=trust-safety&sector=private_sector&sort=downloads' },
  { label: '/resources, year + type', path: '/resources?year=2024&type=report' },
  { label: '/resources, full-text search', path: '/resources?q=safety+design' },
  { label: '/resources, search + topic', path: '/resources?q=hotline&topic=hotlines-reporting' },
];

async function ensureDatabase() {
  await ensureSeededDatabase(benchUrl);
  const db = postgres(benchUrl, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = await db`select count(*)::int as n from resources`;
    if (n < wanted) {
      const started = Date.now();
      await generateResources(db, wanted - n);
      console.info(`[bench] added ${wanted - n} resources in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    await settle(db);
    const [counts] = await db`select (select count(*) from resources) as resources, (select count(*) from organisations) as organisations`;
    console.info(`[bench] ${counts.resources} resources from ${counts.organisations} organisations`);
  } finally {
    await db.end();
  }
}

/** Inserts `count` link resources in batches: titles and descriptions from a word list, a mix of every filter. */
async function generateResources(db, count) {
  const words = [
    'safety',
    'design',
    'hotline',
    'referral',
    'prevention',
    'guidance',
    'national',
    'response',
    'maturity',
    'model',
    'grooming',
    'extortion',
    'helpline',
    'survivor',
    'support',
    'transparency',
    'reporting',
    'detection',
    'classifier',
    'encryption',
    'research',
    'survey',
    'parents',
    'education',
    'community',
    'legislation',
    'policy',
    'training',
    'toolkit',
    'evaluation',
    'partnership',
  ];
  const topics = [
    'law-enforcement',
    'policy-legislation',
    'victim-support',
    'prevention-education',
    'detection-technology',
    'trust-safety',
    'research-data',
    'child-participation',
    'financial-sector',
    'hotlines-reporting',
  ];
  const languages = ['en', 'fr', 'es', 'pt', 'ar'];
  const types = ['report', 'research', 'policy_legislation', 'guidance_toolkit', 'training_material', 'case_study', 'other'];
  const sectors = ['government', 'private_sector', 'civil_society', 'intergovernmental'];
  for (let done = 0; done < count; done += 5000) {
    const size = Math.min(5000, count - done);
    await db`
      with people as (
        select u.id, u.organisation_id, row_number() over (order by u.id) as n, count(*) over () as total
        from users u where u.status = 'active'
      ), g as (select i, ((i::bigint * 2654435761) % 1000003)::int as h from generate_series(${done}::int, ${done + size - 1}::int) as i)
      insert into resources (organisation_id, contributor_id, title, description, description_html, description_text, type,
        topics, languages, year, visibility, sectors, url, download_count, created_at)
      select p.organisation_id, p.id,
        initcap((${words}::text[])[1 + h % 31]) || ' ' || (${words}::text[])[1 + (h / 31) % 31] || ' ' || (${words}::text[])[1 + (h / 961) % 31] || ' notes ' || i,
        d.text, '<p dir="auto">' || d.text || '</p>', d.text,
        (${types}::text[])[1 + h % 7]::resource_type,
        array[(${topics}::text[])[1 + h % 10], (${topics}::text[])[1 + (h / 10) % 10]],
        case when h % 4 = 0 then array['en', (${languages}::text[])[1 + (h / 4) % 5]] else array[(${languages}::text[])[1 + h % 5]] end,
        2015 + (h % 11),
        (case when h % 20 < 14 then 'all_members' when h % 20 < 17 then 'sectors' else 'organisation' end)::resource_visibility,
        case when h % 20 between 14 and 16 then array[(${sectors}::text[])[1 + (h / 20) % 4]]::sector[] else '{}'::sector[] end,
        'https://example.org/resource/' || i,
        (h % 500)::int,
        now() - make_interval(mins => (h % 1000000)::int)
      from g
      join people p on p.n = 1 + (g.h % p.total)
      cross join lateral (select (${words}::text[])[1 + (h / 7) % 31] || ' and ' || (${words}::text[])[1 + (h / 217) % 31] || ': working notes for members.' as text) d`;
  }
}

async function main() {
  await ensureDatabase();
  if (process.argv.includes('--prepare')) return; // data only, no server
  await benchPages(port, benchUrl, () => targets);
}

runBench(main);
