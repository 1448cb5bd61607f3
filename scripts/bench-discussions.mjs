#!/usr/bin/env node
/**
 * Part of `npm run bench`: load-tests discussions — a space page and a thread page — at 100,000 posts,
 * against `next start` on real Postgres; prints p50/p95 latency and requests per second.
 *
 *   1. uses BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/pp_bench), creating and seeding
 *      it (`db:seed -- --scale 10`) when empty, then adds an open space "Bench discussions" with
 *      BENCH_THREADS threads (default 1,000) of 100 posts each (`--prepare` stops here). BENCH_POSTS (e.g.
 *      1000000) grows it to that many posts instead (BENCH_POSTS / 100 threads), 100,000 posts per set-based
 *      INSERT … SELECT generate_series: minutes, not hours. Give the big data set its own database, e.g.
 *      BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/pp_bench_1m, so the default bench stays at 100k;
 *   2. starts `next start` on BENCH_PORT (default 3392) from the existing production build;
 *   3. signs in as a demo member (BENCH_EMAIL, default civil@demo.example) and runs autocannon against the
 *      space page (first page and a later keyset page), a thread (first and last page of 100 posts) and a
 *      search (BENCH_SECONDS, default 10; BENCH_CONNECTIONS, default 10).
 *
 * Figures depend on the machine; nothing here asserts a time.
 */
import postgres from 'postgres';
import { benchPages, benchUrl as url, ensureSeededDatabase, runBench, settle } from './bench-common.mjs';

const port = Number(process.env.BENCH_PORT || 3392);
const base = `http://127.0.0.1:${port}`;
const POSTS_PER_THREAD = 100;
/** BENCH_POSTS (e.g. 1000000) grows the space to that many posts: BENCH_POSTS / 100 threads. */
const wantedPosts = Number(process.env.BENCH_POSTS || 0);
const threadCount = Math.max(Number(process.env.BENCH_THREADS || 1000), Math.ceil(wantedPosts / POSTS_PER_THREAD));
const bulk = wantedPosts > 0;
const BATCH = 1000;
const SLUG = 'bench-discussions';

const WORDS =
  'hotline report referral safety design transparency grooming extortion prevention survivors policy legislation detection classifier hashing encryption platform analysts wellbeing research survey maturity response cooperation'.split(
    ' ',
  );

async function ensureDatabase() {
  await ensureSeededDatabase(url);
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    let [space] = await db`select id from spaces where slug = ${SLUG}`;
    if (!space) {
      [space] = await db`insert into spaces (slug, name, description, access, position)
        values (${SLUG}, 'Bench discussions', 'Generated threads for the benchmark.', 'open', 1000) returning id`;
    }
    const [{ n }] = await db`select count(*)::int as n from threads where space_id = ${space.id}`;
    const started = Date.now();
    const words = `{${WORDS.join(',')}}`;
    // Authors: active members of any sector (open space), picked by row number (a constant modulus, so
    // the join is a hash join, not a loop over every member for each post).
    const [{ authors }] = await db`select count(*)::int as authors from users where status = 'active'`;
    if (n < threadCount) {
      await db`insert into threads (space_id, author_id, title, post_count, last_post_at, last_poster_id, created_at)
        select ${space.id}, a.id,
          'Bench thread ' || g || ': ' || (${words}::text[])[1 + g % 24] || ' and ' || (${words}::text[])[1 + (g * 7) % 24],
          ${POSTS_PER_THREAD}::int, now() - make_interval(mins => g), a.id, now() - make_interval(days => 30, mins => g)
        from generate_series(${n + 1}::int, ${threadCount}::int) g
        join (select row_number() over (order by id) as i, id from users where status = 'active') a
          on a.i = 1 + g % ${authors}::int`;
      await db`update spaces set thread_count = (select count(*) from threads where space_id = ${space.id}), last_activity_at = now() where id = ${space.id}`;
    }
    // Posts for the threads that have none, one set-based INSERT … SELECT per BATCH threads (100,000 posts),
    // each in its own transaction: a run that was stopped resumes where it was.
    let filled = 0;
    for (;;) {
      const added = await db.begin(async (tx) => {
        // Generated rows: no per-row trigger (a pg_notify per post nobody listens to) and no foreign-key
        // checks (the ids come from the tables themselves). Superuser only, as the bench database's owner is.
        if (bulk) await tx`set local session_replication_role = replica`;
        const result = await tx`insert into posts (thread_id, number, author_id, body, cooked, plain_text, body_hash, created_at)
          select t.id, p, a.id, body, '<p dir="auto">' || body || '</p>', body, md5(body), t.created_at + make_interval(mins => p)
          from (select id, title, created_at from threads x where x.space_id = ${space.id}
                  and not exists (select 1 from posts y where y.thread_id = x.id) limit ${BATCH}) t
          cross join generate_series(1, ${POSTS_PER_THREAD}::int) p
          join (select row_number() over (order by id) as i, id from users where status = 'active') a
            on a.i = 1 + (p * 13 + length(t.title)) % ${authors}::int
          cross join lateral (select 'Post ' || p || ' on ' || (${words}::text[])[1 + p % 24] || ', ' || (${words}::text[])[1 + (p * 5) % 24]
            || ' and ' || (${words}::text[])[1 + (p * 11) % 24] || '. We compared notes with partners and will share what we learn.' as body) b`;
        return result.count;
      });
      if (!added) break;
      filled += added;
      console.info(`[bench] ${filled} posts generated (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    if (filled) await settle(db);
    const [counts] = await db`select (select count(*)::int from posts) as posts, (select count(*)::int from threads) as threads`;
    console.info(`[bench] ${counts.threads} threads, ${counts.posts} posts`);
    const [thread] = await db`select id from threads where space_id = ${space.id} order by last_post_at desc limit 1`;
    return { threadId: thread.id };
  } finally {
    await db.end();
  }
}

/** The cursor of the space page's "next" link, followed `steps` times. */
async function laterPage(cookie, steps) {
  let href = `/spaces/${SLUG}`;
  for (let i = 0; i < steps; i++) {
    const html = await (await fetch(base + href, { headers: { cookie } })).text();
    const next = html.match(/rel="next" href="([^"]+)"/) ?? html.match(/href="([^"]+)" rel="next"/);
    if (!next) break;
    href = next[1].replace(/&amp;/g, '&');
  }
  return href;
}

async function main() {
  const { threadId } = await ensureDatabase();
  if (process.argv.includes('--prepare')) return;
  await benchPages(port, url, async (cookie) => {
    return [
      { label: `/spaces/${SLUG} (${threadCount} threads)`, path: `/spaces/${SLUG}` },
      { label: `/spaces/${SLUG}, 10th keyset page`, path: await laterPage(cookie, 9) },
      { label: '/threads/[id], page 1 of 4 (100 posts)', path: `/threads/${threadId}` },
      { label: '/threads/[id], last page', path: `/threads/${threadId}?page=4` },
      { label: '/search, discussions (ranked, highlighted)', path: '/search?q=hotline+referral' },
    ];
  });
}

runBench(main);
