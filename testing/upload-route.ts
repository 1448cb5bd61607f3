import { POST as upload } from '@/app/api/uploads/route';
import { actAs } from './request-scope';

/** For the route tests: an upload through POST /api/uploads as a given member (with testing/request-scope's mocks). */

export async function uploadAs(session: { rawSessionId: string }, bytes: Buffer, name: string, headers: Record<string, string> = {}) {
  await actAs(session);
  const res = await upload(
    new Request(`http://portal.test/api/uploads?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      body: new Uint8Array(bytes),
      headers: { 'content-length': String(bytes.length), ...headers },
    }),
  );
  return { status: res.status, body: (await res.json()) as { file?: { id: string }; error?: string; message?: string } };
}
