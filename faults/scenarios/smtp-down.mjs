/**
 * The SMTP server is down for a while (FAULT_SMTP_DOWN_SECONDS, 40 by default; minutes in a longer run):
 * emails asked for meanwhile wait in the outbox and are each delivered exactly once when it is back. An
 * email the server refuses for good ends "failed" on the Secretariat's /admin/outbox page, not dropped.
 */
import { actionId, assert, callAction, request, signInAs, sleep, startApp, startSmtp, PORTS, waitFor } from '../lib.mjs';

const DOWN_SECONDS = Number(process.env.FAULT_SMTP_DOWN_SECONDS || 40);
const MEMBERS = [
  'government@demo.example',
  'justice@demo.example',
  'company@demo.example',
  'civil@demo.example',
  'igo@demo.example',
  'moderator@secretariat.example',
];
const REFUSED = 'refused@fault.test';

const scenario = {
  title: `SMTP down for ${DOWN_SECONDS} s`,
  needs: ['postgres', 'runuser'],
  timeoutSeconds: DOWN_SECONDS + 200,
  async run({ cluster, logDir, apps, log }) {
    const url = await cluster.database('pp_fault_smtp');
    const db = cluster.sql('pp_fault_smtp');
    let smtp = await startSmtp(PORTS.smtp, { refuse: [REFUSED] });
    const app = await startApp('app', PORTS.appA, { DATABASE_URL: url, SMTP_URL: `smtp://127.0.0.1:${PORTS.smtp}` }, logDir);
    apps.push(app);

    await smtp.close();
    log('SMTP stopped; asking for password resets');
    const forgot = actionId('app/(public)/forgot-password/actions.ts', 'forgotPasswordAction');
    for (const email of MEMBERS) {
      const res = await callAction(app, { page: '/forgot-password', id: forgot, fields: { email } });
      assert(res.status === 200, `forgot-password for ${email} answered ${res.status}`);
    }
    const queued = await db`select id, "to" from email_outbox where "to" in ${db(MEMBERS)} and template = 'resetPassword'`;
    assert(queued.length === MEMBERS.length, `${queued.length} emails queued for ${MEMBERS.length} requests`);

    await sleep(DOWN_SECONDS * 1000);
    const waiting = await db`select attempts, last_error, sent_at from email_outbox where id in ${db(queued.map((q) => q.id))}`;
    assert(
      waiting.every((w) => !w.sent_at && w.attempts >= 1 && w.last_error),
      'emails were not tried, or were marked sent, while SMTP was down',
    );
    assert(smtp.received.length === 0, 'the sink received mail while stopped');
    log(`after ${DOWN_SECONDS} s: ${waiting.length} emails waiting, ${Math.max(...waiting.map((w) => w.attempts))} attempts at most`);

    smtp = await startSmtp(PORTS.smtp, { refuse: [REFUSED] });
    log('SMTP started again');
    await waitFor(
      async () => (await db`select count(*)::int as n from email_outbox where id in ${db(queued.map((q) => q.id))} and sent_at is null`)[0].n === 0,
      {
        timeoutMs: 150_000,
        everyMs: 2_000,
        what: 'every waiting email to be sent',
      },
    );
    await sleep(6_000); // one more worker round: nothing may be sent a second time
    for (const email of MEMBERS) {
      // Each row the outbox marked sent arrived once: the reset, and any other email the portal's jobs
      // sent the same person meanwhile (a re-verification reminder to a focal point, say).
      const [{ n }] = await db`select count(*)::int as n from email_outbox where "to" = ${email} and sent_at is not null`;
      const copies = smtp.received.filter((m) => m.to.includes(email)).length;
      assert(n >= 1 && copies === n, `${email} received ${copies} emails for ${n} sent`);
    }
    log(`each of ${MEMBERS.length} emails delivered exactly once`);

    // Refused for good: given up, and shown to the Secretariat.
    const [refused] =
      await db`insert into email_outbox ("to", subject, text, html, template) values (${REFUSED}, 'Refused', 'x', '<p>x</p>', 'resetPassword') returning id`;
    await waitFor(async () => (await db`select attempts from email_outbox where id = ${refused.id}`)[0].attempts >= 12, {
      timeoutMs: 20_000,
      what: 'the refused email to be given up',
    });
    const cookie = await signInAs(app, 'admin@secretariat.example');
    // Staff pass a second factor after the password (tested end to end in e2e/second-factor.spec.ts);
    // here the admin's new session is marked as having passed it.
    await db`update sessions set second_factor_pending = false
      where user_id = (select id from users where email = 'admin@secretariat.example')`;
    const page = await request(`${app.base}/admin/outbox?state=failed`, { cookie });
    assert(page.status === 200, `/admin/outbox answered ${page.status}`);
    assert(page.text.includes('r•••@fault.test') && page.text.includes('550'), 'the failed email is not listed on /admin/outbox');
    log('the refused email is listed as failed on /admin/outbox');
  },
};

export default scenario;
