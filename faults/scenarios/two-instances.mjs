/**
 * Two instances behind nginx (TRUSTED_PROXIES=1): a session made through one works on the other, a rate
 * limit counts the requests both saw, nginx's request id reaches the portal, and when one instance is
 * killed mid-load the other serves every request and members stay signed in. Live events across
 * instances: live-events.mjs.
 */
import { assert, request, signIn, sleep, startApp, startNginx, tempDir, PORTS } from '../lib.mjs';

const TOKEN = 'fault-test-metrics-token-0123456789';

/** How many requests for `route` an instance's /api/metrics counted. */
async function served(app, route) {
  const res = await request(`${app.base}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const line = res.text.split('\n').filter((l) => l.startsWith('pp_http_request_duration_seconds_count') && l.includes(`route="${route}"`));
  return line.reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
}

const scenario = {
  title: 'two instances behind nginx, one killed mid-load',
  needs: ['postgres', 'runuser', 'nginx'],
  timeoutSeconds: 150,
  async run({ cluster, logDir, apps, log }) {
    const url = await cluster.database('pp_fault_two');
    const proxyBase = `http://127.0.0.1:${PORTS.nginx}`;
    // Both instances use the address members see (nginx's) for links and cookies.
    const env = { DATABASE_URL: url, TRUSTED_PROXIES: '1', APP_URL: proxyBase, METRICS_TOKEN: TOKEN, RATE_LIMIT_SCALE: '0.1' };
    const [a, b] = await Promise.all([startApp('instance-a', PORTS.appA, env, logDir), startApp('instance-b', PORTS.appB, env, logDir)]);
    apps.push(a, b);
    const nginx = await startNginx(PORTS.nginx, [PORTS.appA, PORTS.appB], await tempDir('nginx'));

    // Sessions: signed in through nginx, every page answers on both instances.
    const cookie = await signIn(nginx.base, 'justice@demo.example', 'protect-children-2026');
    for (let i = 0; i < 12; i++) {
      const res = await request(`${nginx.base}/home`, { cookie });
      assert(res.status === 200, `/home through nginx answered ${res.status}`);
      if (i === 0)
        assert(
          /^[0-9a-f]{32}$/.test(res.headers.get('x-request-id') ?? ''),
          `the portal did not keep nginx's request id (${res.headers.get('x-request-id')})`,
        );
    }
    const [onA, onB] = [await served(a, '/home'), await served(b, '/home')];
    assert(onA > 0 && onB > 0, `one instance served every page (${onA} and ${onB})`);
    log(`signed in through nginx; /home served ${onA} times by A and ${onB} by B; nginx's request id kept`);

    // Rate limits: the type-ahead allows 12 a minute here (120 × 0.1) from one address, whichever instance answers.
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await request(`${nginx.base}/api/organisations/lookup?q=net`)).status);
    const first429 = statuses.indexOf(429);
    assert(first429 >= 10 && first429 <= 13, `the shared limit of 12 was not applied across instances: ${statuses.join(' ')}`);
    log(`rate limit shared: request ${first429 + 1} of 20 was refused (429)`);

    // One instance killed mid-load: the other serves, members stay signed in.
    const results = [];
    const failures = [];
    let stop = false;
    const worker = async () => {
      for (let i = 0; i < 300 && !stop; i++) {
        const startedAt = Date.now();
        const res = await request(`${nginx.base}/home`, { cookie, timeoutMs: 20_000 });
        results.push({ status: res.status, startedAt });
        if (res.status !== 200) failures.push(`${res.status} ${res.text.slice(0, 120)}`);
        await sleep(20);
      }
    };
    const load = Promise.all([worker(), worker(), worker()]);
    await sleep(3_000);
    const beforeKill = results.length;
    const killedAt = Date.now();
    a.process.kill('SIGKILL');
    log(`instance A killed after ${beforeKill} requests`);
    await sleep(6_000);
    stop = true;
    await load;
    // A page instance A was streaming when it died is cut off (nginx cannot replay a response already
    // begun): at most one per member in flight. Every request made after the kill must succeed.
    const after = results.filter((r) => r.startedAt > killedAt);
    const cut = results.filter((r) => r.startedAt <= killedAt && r.status !== 200);
    assert(after.length > 10, `only ${after.length} requests after the kill`);
    assert(
      after.every((r) => r.status === 200),
      `requests after the kill failed: ${[...new Set(failures)].join(' | ')}`,
    );
    assert(cut.length <= 3, `${cut.length} requests in flight at the kill failed (3 members)`);
    const stillSignedIn = await request(`${nginx.base}/settings/security`, { cookie });
    assert(stillSignedIn.status === 200, `after the kill, a member page answered ${stillSignedIn.status}`);
    log(
      `${results.length} requests under load; ${cut.length} in flight on A cut off by the kill; all ${after.length} made after it answered 200, still signed in`,
    );
  },
};

export default scenario;
