/**
 * Backup and restore: a seeded portal with a new thread reply and uploaded files is backed up
 * (`npm run backup`) while it runs, restored (`npm run restore`) into a fresh database and an empty
 * uploads folder, and a portal started on the copy shows the same threads, serves byte-identical files
 * and holds the same audit rows (the audit chain does not exist yet), with the same sessions.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { root } from '../../scripts/bench-common.mjs';
import { actionId, assert, callAction, createFileResource, downloadFile, request, signInAs, startApp, uploadText, PORTS } from '../lib.mjs';

function script(name, args, env) {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', `${name}.mjs`), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`npm run ${name} failed: ${(result.stderr || result.stdout).trim()}`);
  return result.stdout.trim();
}

const scenario = {
  title: 'backup, then restore into a fresh database and folder',
  needs: ['postgres', 'runuser', 'pg_dump'],
  timeoutSeconds: 150,
  async run({ cluster, logDir, apps, log }) {
    const url = await cluster.database('pp_fault_backup');
    const db = cluster.sql('pp_fault_backup');
    const uploads = path.join(logDir, 'uploads-original');
    const app = await startApp('original', PORTS.appA, { DATABASE_URL: url, UPLOADS_DIR: uploads }, logDir);
    apps.push(app);
    const cookie = await signInAs(app, 'igo@demo.example');

    const texts = ['First report, kept safe.\n', 'Second report: ünïcödé and more.\n'];
    const fileIds = [];
    for (const [i, text] of texts.entries()) {
      const up = await uploadText(app, cookie, `report-${i}.txt`, text);
      assert(up.status === 201, `upload ${i} answered ${up.status}`);
      fileIds.push(up.fileId);
      await createFileResource(app, cookie, up.fileId, `Report ${i} to restore`);
    }
    const [thread] =
      await db`select t.id from threads t join spaces s on s.id = t.space_id where s.access = 'open' and not t.is_locked and s.archived_at is null limit 1`;
    const reply = await callAction(app, {
      page: `/threads/${thread.id}`,
      id: actionId('app/(member)/threads/actions.ts', 'replyAction'),
      cookie,
      fields: { threadId: thread.id, body: 'A reply that must survive the restore.' },
    });
    assert(reply.redirect, `the reply answered ${reply.status}`);

    const out = path.join(logDir, 'backups');
    log(script('backup', ['--out', out], { DATABASE_URL: url, UPLOADS_DIR: uploads }));
    const [backup] = readdirSync(out);

    // A fresh database (not from the template) and an empty folder.
    const admin = cluster.sql();
    await admin.unsafe('create database pp_fault_restored');
    const restoredUrl = cluster.url('pp_fault_restored');
    const restoredUploads = path.join(logDir, 'uploads-restored');
    log(script('restore', [path.join(out, backup)], { DATABASE_URL: restoredUrl, UPLOADS_DIR: restoredUploads }));
    const refused = spawnSync(process.execPath, [path.join(root, 'scripts', 'restore.mjs'), path.join(out, backup)], {
      env: { ...process.env, DATABASE_URL: restoredUrl, UPLOADS_DIR: restoredUploads },
      encoding: 'utf8',
    });
    assert(refused.status !== 0 && /not empty/.test(refused.stderr), 'restoring over a database that has data was not refused');

    await app.kill();
    const copy = await startApp('restored', PORTS.appB, { DATABASE_URL: restoredUrl, UPLOADS_DIR: restoredUploads }, logDir);
    apps.push(copy);
    const restored = cluster.sql('pp_fault_restored');
    const same = async (query, what) => {
      const [a, b] = [await db.unsafe(query), await restored.unsafe(query)];
      assert(a.length > 0, `no ${what} to compare`);
      assert(JSON.stringify(a) === JSON.stringify(b), `${what} differ after the restore (${a.length} rows before, ${b.length} after)`);
      return a.length;
    };
    const threads = await same('select id, title, post_count from threads order by id', 'threads');
    const posts = await same('select id, body, cooked from posts order by id', 'posts');
    const audit = await same('select id, at, actor_id, action, target_type, target_id, ip, details from audit_log order by id', 'audit rows');

    // The member's session was restored too (same AUTH_SECRET); pages and files answer from the copy.
    const page = await request(`${copy.base}/threads/${thread.id}`, { cookie });
    assert(
      page.status === 200 && page.text.includes('A reply that must survive the restore.'),
      `the thread on the restored portal answered ${page.status}`,
    );
    for (const [i, id] of fileIds.entries()) {
      const file = await downloadFile(copy, cookie, id);
      assert(file.status === 200 && file.text === texts[i], `file ${i} on the restored portal answered ${file.status}, or other bytes`);
    }
    log(`restored portal: ${threads} threads, ${posts} posts, ${audit} audit rows identical; ${fileIds.length} files byte-identical`);
  },
};

export default scenario;
