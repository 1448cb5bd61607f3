import 'server-only';
import { registerJob } from '@/lib/jobs';
import { runRecheck } from './recheck';
import { scanFile } from './scan';

/** Background work on stored files (decision 024): the block list's re-check and malware scanning. */
registerJob('files.recheckBlocklist', runRecheck);
registerJob('files.scan', async ({ fileId }) => {
  await scanFile(fileId);
});
