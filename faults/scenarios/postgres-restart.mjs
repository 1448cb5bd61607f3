/**
 * Postgres restarts mid-load (a crash: `pg_ctl stop -m immediate`, then start). During the outage pages
 * fail cleanly (an error page, no stack trace) and /api/health and /api/ready answer 503; afterwards the
 * same server process serves again (no restart), the job and email workers resume, and every reply the
 * portal acknowledged is stored exactly once.
 */
import { actionId, assert, callAction, request, showsNoStackTrace, signInAs, sleep, startApp, PORTS, waitFor } from '../lib.mjs';

const scenario = {
  title: 'Postgres restarts mid-load',
  needs: ['postgres', 'runuser'],
  timeoutSeconds: 150,
  async run({ cluster, logDir, apps, log }) {
    const url = await cluster.database('pp_fault_pg');
    const db = cluster.sql('pp_fault_pg');
    const app = await startApp('app', PORTS.appA, { DATABASE_URL: url }, logDir);
    apps.push(app);
    // Four members (a member may post once every few seconds).
    const cookies = await Promise.all(
      ['civil@demo.example', 'company@demo.example', 'government@demo.example', 'igo@demo.example'].map((m) => signInAs(app, m)),
    );
    const cookie = cookies[0];
    const [thread] =
      await db`select t.id from threads t join spaces s on s.id = t.space_id where s.access = 'open' and not t.is_locked and s.archived_at is null order by t.created_at limit 1`;
    assert(thread, 'the demo has no open thread to reply to');
    const reply = actionId('app/(member)/threads/actions.ts', 'replyAction');

    const acknowledged = [];
    const attempted = [];
    const outage = { pages: [], health: [] };
    let phase = 'before';
    let n = 0;
    const deadline = Date.now() + 90_000;
    // Each member: a page, then a reply, over and over, until the phases are done.
    const worker = async (w) => {
      const cookie = cookies[w];
      for (let i = 0; i < 400 && Date.now() < deadline && phase !== 'done'; i++) {
        const marker = `fault-pg-${w}-${i}-${++n}`;
        const page = await request(`${app.base}/threads/${thread.id}`, { cookie, timeoutMs: 10_000 });
        if (phase === 'down') outage.pages.push(page);
        const body = `Reply ${marker} written while the database may be restarting.`;
        attempted.push(marker);
        const result = await callAction(app, { page: `/threads/${thread.id}`, id: reply, fields: { threadId: thread.id, body }, cookie });
        if (result.status === 200 && result.redirect) acknowledged.push(marker);
        await sleep(1_000);
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(worker));

    await waitFor(async () => acknowledged.length >= 3, { timeoutMs: 30_000, everyMs: 250, what: 'replies acknowledged before the outage' });
    const before = acknowledged.length;
    log(`${before} replies acknowledged; stopping Postgres (immediate)`);
    await cluster.stop('immediate');
    phase = 'down';
    for (let i = 0; i < 3; i++) {
      outage.health.push(await request(`${app.base}/api/health`), await request(`${app.base}/api/ready`));
      await sleep(1_000);
    }
    await sleep(3_000);
    await cluster.start();
    phase = 'after';
    log('Postgres started again');
    await waitFor(async () => (await request(`${app.base}/api/ready`)).status === 200, { timeoutMs: 30_000, what: '/api/ready to answer 200 again' });
    await sleep(4_000);
    phase = 'done';
    await load;

    // During the outage: clean failures only.
    assert(
      outage.health.every((r) => r.status === 503),
      `health/ready during the outage answered ${outage.health.map((r) => (r.status ? r.status : `no answer (${r.text})`)).join(', ')}`,
    );
    const failedPages = outage.pages.filter((p) => p.status !== 200);
    assert(failedPages.length > 0, 'no page request fell in the outage');
    for (const page of failedPages) {
      assert(page.status >= 500 && page.status <= 503, `a page during the outage answered ${page.status}`);
      assert(showsNoStackTrace(page.text), 'a page during the outage showed a stack trace or an error text');
      // Either the error page itself, or (when the root layout failed) Next.js's error document, in which
      // the browser renders app/global-error.tsx from the payload it carries.
      assert(
        page.text.includes('Something went wrong') || page.text.includes('id="__next_error__"'),
        'a page during the outage did not show the error page',
      );
    }
    log(`${outage.pages.length} page requests during the outage: statuses ${[...new Set(outage.pages.map((p) => p.status))].join(', ')}`);

    // The same process serves again, and the session survived.
    assert(app.process.exitCode === null, 'the server process exited');
    const home = await request(`${app.base}/home`, { cookie });
    assert(home.status === 200, `/home after the restart answered ${home.status}`);
    assert(acknowledged.length > before, 'no reply was acknowledged after the restart');

    // Nothing acknowledged lost, nothing stored twice.
    const rows = await db`select substring(body from 'fault-pg-[0-9]+-[0-9]+-[0-9]+') as marker, count(*)::int as n from posts
      where thread_id = ${thread.id} and body like 'Reply fault-pg-%' group by 1`;
    const stored = new Map(rows.map((r) => [r.marker, r.n]));
    const lost = acknowledged.filter((m) => stored.get(m) !== 1);
    assert(lost.length === 0, `${lost.length} acknowledged replies are not stored exactly once: ${lost.slice(0, 5).join(', ')}`);
    const twice = rows.filter((r) => r.n > 1);
    assert(twice.length === 0, `${twice.length} replies stored twice`);
    log(`${attempted.length} replies tried, ${acknowledged.length} acknowledged, ${rows.length} stored, none twice`);

    // Workers resumed: a job and an email queued now are done and sent.
    const [job] =
      await db`insert into jobs (kind, payload) values ('resources.discardUnattachedFile', ${db.json({ fileId: '00000000-0000-4000-8000-000000000000' })}) returning id`;
    const [email] =
      await db`insert into email_outbox ("to", subject, text, html, template) values ('resume@fault.test', 'After the restart', 'x', '<p>x</p>', 'resetPassword') returning id`;
    await waitFor(async () => (await db`select done_at from jobs where id = ${job.id}`)[0]?.done_at, {
      timeoutMs: 20_000,
      what: 'a job queued after the restart to run',
    });
    await waitFor(async () => (await db`select sent_at from email_outbox where id = ${email.id}`)[0]?.sent_at, {
      timeoutMs: 20_000,
      what: 'an email queued after the restart to be sent',
    });
    log('a job and an email queued after the restart ran');
  },
};

export default scenario;
