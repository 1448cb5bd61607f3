import { Readable } from 'node:stream';
import type { Viewer } from '@/lib/auth/sessions';
import { receiveUpload, type UploadResult } from '@/lib/uploads/receive';
import { minimalPdf } from './uploads';

const request = { ip: '203.0.113.40', userAgent: 'vitest' };

/** For DAL tests: bytes through the streaming receiver (lib/uploads/receive.ts) as the viewer, as /api/uploads would. */
export async function receiveBytes(viewer: Viewer, bytes: Buffer, name: string): Promise<UploadResult> {
  return receiveUpload(viewer, { fileName: name, body: Readable.from([bytes]), declaredSize: bytes.length }, request);
}

/** A one-page PDF received and stored as the viewer; its file id (throws on a refusal). */
export async function storePdf(viewer: Viewer, text: string, name = 'file.pdf'): Promise<string> {
  const result = await receiveBytes(viewer, minimalPdf(text), name);
  if (!result.ok) throw new Error(result.refusal);
  return result.file.id;
}
