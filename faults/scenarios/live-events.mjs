/**
 * Live events across instances: two `next start` instances on one Postgres, no other server. A member
 * with /api/events open on instance B hears, within 2 s, of a reply posted through instance A (the
 * trigger's NOTIFY reaches B's LISTEN); a member removed from a request-only space hears nothing more
 * of its threads while a member who stayed does; a member whose sessions end has their stream closed at
 * the next event.
 */
import { actionId, assert, callAction, signInAs, sleep, startApp, PORTS } from '../lib.mjs';

/** An SSE client as the browser's EventSource (no Origin, the session cookie): its post numbers with their arrival times. */
async function openStream(app, cookie, threadId, after) {
  const abort = new AbortController();
  const res = await fetch(`${app.base}/api/events?thread=${threadId}&after=${after}`, { headers: { cookie }, signal: abort.signal });
  assert(res.status === 200, `/api/events answered ${res.status}`);
  assert(res.headers.get('content-type')?.startsWith('text/event-stream'), `/api/events sent ${res.headers.get('content-type')}`);
  const stream = { posts: [], ended: false, text: '', close: () => abort.abort() };
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      stream.text += decoder.decode(value, { stream: true });
      for (const m of stream.text.matchAll(/event: post\ndata: \{"number":(\d+)\}/g)) {
        const number = Number(m[1]);
        if (!stream.posts.some((p) => p.number === number)) stream.posts.push({ number, at: Date.now() });
      }
    }
    stream.ended = true;
  })().catch(() => (stream.ended = true));
  // The first event (the unread count) says the stream listens.
  const deadline = Date.now() + 10_000;
  while (!stream.text.includes('event: unread') && Date.now() < deadline) await sleep(20);
  assert(stream.text.includes('event: unread'), 'the stream sent no first event');
  return stream;
}

async function waitUntil(check, ms) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await sleep(10);
  return check();
}

const scenario = {
  title: 'live events reach a member on another instance; lost access and ended sessions stop them',
  needs: ['postgres', 'runuser'],
  timeoutSeconds: 200,
  async run({ cluster, logDir, apps, log }) {
    const url = await cluster.database('pp_fault_live');
    const db = cluster.sql('pp_fault_live');
    const env = { DATABASE_URL: url };
    const [a, b] = await Promise.all([startApp('instance-a', PORTS.appA, env, logDir), startApp('instance-b', PORTS.appB, env, logDir)]);
    apps.push(a, b);
    const reply = actionId('app/(member)/threads/actions.ts', 'replyAction');
    const post = async (threadId, cookie, body) => {
      const res = await callAction(a, { page: `/threads/${threadId}`, id: reply, cookie, fields: { threadId, body } });
      const number = Number(/#post-(\d+)/.exec(res.redirect ?? '')?.[1]);
      assert(number > 0, `replying through A answered ${res.status}: ${res.text.slice(0, 200)}`);
      return number;
    };

    const [open] = await db`select t.id, t.post_count from threads t join spaces s on s.id = t.space_id
      where s.access = 'open' and not t.is_locked and s.archived_at is null order by t.created_at limit 1`;
    const [restricted] = await db`select t.id, t.post_count, s.id as space_id from threads t join spaces s on s.id = t.space_id
      where s.access = 'request' and not t.is_locked and s.archived_at is null order by t.created_at limit 1`;
    assert(open && restricted, 'the demo has no open thread or no thread in a request-only space');
    const [author, reader, stayer] =
      await db`select id, email from users where email in ('justice@demo.example', 'civil@demo.example', 'government@demo.example')
      order by case email when 'justice@demo.example' then 0 when 'civil@demo.example' then 1 else 2 end`;
    for (const member of [author, reader, stayer])
      await db`insert into space_members (space_id, user_id) values (${restricted.space_id}, ${member.id}) on conflict do nothing`;

    const authorCookie = await signInAs(a, author.email);
    const readerCookie = await signInAs(b, reader.email);
    const stayerCookie = await signInAs(b, stayer.email);

    // 1. A reply through A reaches a stream on B within 2 s.
    const onB = await openStream(b, readerCookie, open.id, open.post_count);
    // A first reply warms instance A up (its first action call compiles and connects); the second is timed.
    const warm = await post(open.id, authorCookie, `Warming up ${Date.now()}`);
    assert(await waitUntil(() => onB.posts.some((p) => p.number === warm), 10_000), `B's stream never heard of post ${warm}`);
    await sleep(5_500); // the posting limit between two posts of one member
    const sentAt = Date.now();
    const number = await post(open.id, authorCookie, `Live across instances ${Date.now()}`);
    assert(await waitUntil(() => onB.posts.some((p) => p.number === number), 5_000), `B's stream never heard of post ${number}`);
    const delay = onB.posts.find((p) => p.number === number).at - sentAt;
    assert(delay <= 2_000, `the reply took ${delay} ms to reach B's stream`);
    onB.close();
    log(`a reply posted through A reached a stream on B ${delay} ms after it was sent`);

    // 2. Access lost: the member removed from the space hears nothing more; one who stayed does.
    const leaver = await openStream(b, readerCookie, restricted.id, restricted.post_count);
    const stays = await openStream(a, stayerCookie, restricted.id, restricted.post_count);
    await sleep(5_500); // the posting limit between two posts of one member
    const before = await post(restricted.id, authorCookie, `Before the change ${Date.now()}`);
    assert(await waitUntil(() => leaver.posts.some((p) => p.number === before), 3_000), 'the member of the space did not hear of its new post');
    await db`delete from space_members where space_id = ${restricted.space_id} and user_id = ${reader.id}`;
    await sleep(5_500);
    const after = await post(restricted.id, authorCookie, `After the change ${Date.now()}`);
    assert(await waitUntil(() => stays.posts.some((p) => p.number === after), 3_000), 'the member who stayed did not hear of the post');
    await sleep(1_000);
    assert(!leaver.posts.some((p) => p.number === after), 'the member removed from the space still heard of its new post');
    log(`post ${before} reached both members; post ${after}, after one left the space, reached only the one who stayed`);

    // 3. Session ended: the stream closes at its next event (or heartbeat).
    await db`update sessions set revoked_at = now() where user_id = ${reader.id} and revoked_at is null`;
    await sleep(5_500);
    const last = await post(restricted.id, authorCookie, `After the session ended ${Date.now()}`);
    assert(await waitUntil(() => stays.posts.some((p) => p.number === last), 3_000), 'the member who stayed did not hear of the last post');
    assert(await waitUntil(() => leaver.ended, 3_000), 'the stream of a member whose session ended stayed open');
    const again = await fetch(`${b.base}/api/events`, { headers: { cookie: readerCookie } });
    assert(again.status === 401, `reconnecting after the session ended answered ${again.status}`);
    stays.close();
    log('the stream of a member whose session ended closed at the next event; reconnecting answered 401');
  },
};

export default scenario;
