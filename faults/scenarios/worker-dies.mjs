/**
 * A worker dies mid-job (its process killed with SIGKILL while it holds jobs): once their lease ends
 * (JOB_LEASE_SECONDS, 8 here) another instance runs them, each job ends done once, and the effect is
 * the same as one run (notifications are never duplicated).
 */
import { assert, sleep, startApp, PORTS, waitFor } from '../lib.mjs';

const LEASE = 8;

const scenario = {
  title: 'a worker is killed mid-job',
  needs: ['postgres', 'runuser'],
  timeoutSeconds: 150,
  async run({ cluster, logDir, apps, log }) {
    const url = await cluster.database('pp_fault_worker');
    const db = cluster.sql('pp_fault_worker');
    const posts = await db`select id from posts order by created_at limit 100`;
    assert(posts.length > 0, 'the demo has no posts');
    const env = { DATABASE_URL: url, JOB_LEASE_SECONDS: String(LEASE) };

    let orphans = [];
    let inserted = [];
    for (let round = 1; round <= 3 && orphans.length === 0; round++) {
      const a = await startApp(`instance-a${round}`, PORTS.appA, env, logDir);
      apps.push(a);
      // Let instance A finish what the seed left, then give it a batch of fan-out jobs and kill it as soon as it holds some.
      await waitFor(async () => (await db`select count(*)::int as n from jobs where done_at is null and run_at <= now()`)[0].n === 0, {
        timeoutMs: 30_000,
        what: 'the queue to empty',
      });
      const rows = posts.flatMap((p) => [p, p, p]).map((p) => ({ kind: 'discussions.post', payload: { postId: p.id } }));
      inserted = (await db`insert into jobs ${db(rows.map((r) => ({ kind: r.kind, payload: db.json(r.payload) })))} returning id`).map((r) => r.id);
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const held = await db`select id from jobs where id in ${db(inserted)} and done_at is null and locked_until > now()`;
        if (held.length) {
          a.process.kill('SIGKILL');
          break;
        }
        await sleep(10);
      }
      await a.kill('SIGKILL');
      orphans = await db`select id, attempts from jobs where id in ${db(inserted)} and done_at is null and locked_until > now()`;
      log(`round ${round}: instance A killed holding ${orphans.length} jobs`);
    }
    assert(orphans.length > 0, 'could not kill the worker while it held a job (3 tries)');
    const killedAt = Date.now();

    const b = await startApp('instance-b', PORTS.appB, env, logDir);
    apps.push(b);
    await waitFor(async () => (await db`select count(*)::int as n from jobs where id in ${db(inserted)} and done_at is null`)[0].n === 0, {
      timeoutMs: 60_000,
      what: 'instance B to finish every job',
    });
    const seconds = (Date.now() - killedAt) / 1000;
    const after = await db`select id, attempts, done_at, last_error from jobs where id in ${db(orphans.map((o) => o.id))}`;
    for (const job of after) {
      assert(job.done_at, `job ${job.id} is not done`);
      assert(job.attempts === orphans.find((o) => o.id === job.id).attempts + 1, `job ${job.id} ran ${job.attempts} times`);
    }
    assert(seconds >= LEASE - 1, `the held jobs were finished ${seconds.toFixed(1)} s after the kill, before their ${LEASE} s lease ended`);
    const [dupes] = await db`select count(*)::int as n from (select 1 from notifications group by user_id, dedupe_key having count(*) > 1) d`;
    assert(dupes.n === 0, `${dupes.n} notifications duplicated`);
    log(`instance B ran the ${after.length} orphaned jobs once each, ${seconds.toFixed(0)} s after the kill; no notification duplicated`);
  },
};

export default scenario;
