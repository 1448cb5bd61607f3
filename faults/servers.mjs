/**
 * The servers a fault scenario runs beside the portal and breaks on purpose: an SMTP sink, an S3-compatible
 * store and nginx in front of two instances. Each is stopped with the scenario (lib.mjs `track`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { request, sleep, track, waitFor, which } from './lib.mjs';

/**
 * An SMTP sink (the smtp-server package the unit tests use) on `port`: keeps each message's recipients,
 * refuses `refuse` recipients for good (550). `close()` stops it; a new one can listen on the same port.
 */
export async function startSmtp(port, { refuse = [] } = {}) {
  const { SMTPServer } = await import('smtp-server');
  const received = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.includes(address.address)) return callback(Object.assign(new Error('no such user here'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const close = () => new Promise((resolve) => server.close(resolve));
  track(close);
  return { received, close };
}

/** An S3-compatible server (s3rver, as the unit tests use) on `port`, keeping objects in `dir`. */
export async function startS3(port, dir, bucket) {
  const { default: S3rver } = await import('s3rver');
  const server = new S3rver({ port, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: bucket }] });
  await server.run();
  const close = () => server.close();
  track(close);
  return {
    close,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
  };
}

/** The keys of a bucket on the S3 server of `env` (the S3_* variables). */
export async function bucketKeys(env) {
  const { S3Client, ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: true,
    credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
  });
  const out = await client.send(new ListObjectsV2Command({ Bucket: env.S3_BUCKET }));
  client.destroy();
  return (out.Contents ?? []).map((o) => o.Key);
}

/**
 * nginx in front of `upstreams` (ports) on `port`, with the configuration a deployment would use:
 * X-Forwarded-For and its request id passed on, idempotent requests retried on the other instance when
 * one fails. Started in the foreground (daemon off) from a configuration written into `dir`. `balance`
 * (e.g. 'least_conn') and `keepalive` are the upstream's policy (scripts/bench-cluster.mjs measures the
 * production recipe with least_conn).
 */
export async function startNginx(port, upstreams, dir, { balance = '', keepalive = 16 } = {}) {
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, sub), { recursive: true });
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  client_max_body_size 60m;
  upstream portal {
${balance ? `    ${balance};\n` : ''}${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n')}
    keepalive ${keepalive};
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      proxy_next_upstream error timeout http_502;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
      proxy_request_buffering off;
    }
  }
}
`,
  );
  const nginx = spawn(which('nginx'), ['-c', conf, '-p', dir, '-e', path.join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr.on('data', (d) => (stderr += d));
  track(async () => {
    nginx.kill('SIGTERM');
    await Promise.race([new Promise((r) => nginx.once('exit', r)), sleep(5_000)]);
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await request(`${base}/api/health`, { timeoutMs: 2_000 })).status === 200, {
    timeoutMs: 15_000,
    what: `nginx on ${port} (${stderr.trim()})`,
  });
  return { base };
}
