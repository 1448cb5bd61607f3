/**
 * The S3 server is down while members upload and download: an upload fails with a clear error (JSON,
 * no stack trace), leaving no row without a file and no file without a row; downloads fail cleanly;
 * once S3 is back, uploads and downloads work again and rows and objects still match one for one.
 */
import {
  assert,
  bucketKeys,
  createFileResource,
  downloadFile,
  showsNoStackTrace,
  signInAs,
  startApp,
  startS3,
  tempDir,
  uploadText,
  PORTS,
} from '../lib.mjs';

const scenario = {
  title: 'S3 down during uploads and downloads',
  needs: ['postgres', 'runuser'],
  timeoutSeconds: 120,
  async run({ cluster, logDir, apps, log }) {
    const url = await cluster.database('pp_fault_s3');
    const db = cluster.sql('pp_fault_s3');
    const dir = await tempDir('s3');
    let s3 = await startS3(PORTS.s3, dir, 'portal-faults');
    const app = await startApp('app', PORTS.appA, { DATABASE_URL: url, ...s3.env }, logDir);
    apps.push(app);
    const cookie = await signInAs(app, 'company@demo.example');
    // The demo's own files were seeded into a local folder, not this bucket: only rows made here count.
    const [{ since }] = await db`select now() as since`;
    const rowsAndObjects = async () => {
      const rows = await db`select storage_key from files where created_at >= ${since}`;
      const keys = new Set(await bucketKeys(s3.env));
      return {
        rows: rows.length,
        objects: keys.size,
        orphanRows: rows.filter((r) => !keys.has(r.storage_key)).length,
        orphanObjects: keys.size - rows.filter((r) => keys.has(r.storage_key)).length,
      };
    };
    const consistent = async (when) => {
      const state = await rowsAndObjects();
      assert(
        state.orphanRows === 0 && state.orphanObjects === 0,
        `${when}: ${state.orphanRows} rows without a file, ${state.orphanObjects} files without a row`,
      );
      return state;
    };

    const text = 'Minutes of the working group, kept on S3.\n';
    const first = await uploadText(app, cookie, 'minutes.txt', text);
    assert(first.status === 201 && first.fileId, `the first upload answered ${first.status}`);
    const resourceId = await createFileResource(app, cookie, first.fileId, 'Minutes kept on S3');
    const download = await downloadFile(app, cookie, first.fileId);
    assert(download.status === 200 && download.text === text, `the first download answered ${download.status}`);
    const before = await consistent('before the outage');
    log(`uploaded and attached one file (resource ${resourceId}); ${before.rows} rows, ${before.objects} objects`);

    await s3.close();
    log('S3 stopped');
    const failed = await uploadText(app, cookie, 'during.txt', 'Written while S3 is down.\n');
    assert(failed.status === 503, `an upload during the outage answered ${failed.status}`);
    assert(
      failed.json && typeof failed.json.error === 'string' && showsNoStackTrace(failed.text),
      `the upload's answer is not a clean JSON error: ${failed.text.slice(0, 200)}`,
    );
    const downloadDuring = await downloadFile(app, cookie, first.fileId);
    assert(downloadDuring.status === 503, `a download during the outage answered ${downloadDuring.status}`);
    assert(showsNoStackTrace(downloadDuring.text), 'a download during the outage showed an error text');
    const [{ n }] = await db`select count(*)::int as n from files where created_at >= ${since}`;
    assert(n === before.rows, `${n - before.rows} file rows were written during the outage`);
    log(`during the outage: upload ${failed.status} ${JSON.stringify(failed.json)}, download ${downloadDuring.status}, no row written`);

    s3 = await startS3(PORTS.s3, dir, 'portal-faults');
    log('S3 started again');
    const after = await uploadText(app, cookie, 'after.txt', 'Written once S3 is back.\n');
    assert(after.status === 201 && after.fileId, `an upload after the outage answered ${after.status}`);
    const again = await downloadFile(app, cookie, first.fileId);
    assert(again.status === 200 && again.text === text, `a download after the outage answered ${again.status}`);
    const end = await consistent('after the outage');
    log(`after the outage: upload and download work; ${end.rows} rows, ${end.objects} objects, one for one`);
  },
};

export default scenario;
