/** The resource library's steps as a member's browser takes them (upload, then a resource), for fault scenarios. */
import { actionId, callAction, request } from './lib.mjs';

/** Uploads a small text file as the resource library's uploader does; answers the status and the file id. */
export async function uploadText(app, cookie, name, text) {
  const res = await request(`${app.base}/api/uploads?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    cookie,
    headers: { 'content-type': 'application/octet-stream', 'sec-fetch-site': 'same-origin' },
    body: Buffer.from(text, 'utf8'),
    timeoutMs: 30_000,
  });
  let json = null;
  try {
    json = JSON.parse(res.text);
  } catch {
    // Not JSON: reported by the caller.
  }
  return { ...res, json, fileId: json?.file?.id ?? null };
}

/** Downloads a file as a click on the resource page does (same-origin: only such downloads are served and counted). */
export function downloadFile(app, cookie, fileId) {
  return request(`${app.base}/api/files/${fileId}`, { cookie, headers: { 'sec-fetch-site': 'same-origin' } });
}

/** Makes a resource for all members from an uploaded file; answers its id (from the action's redirect). */
export async function createFileResource(app, cookie, fileId, title) {
  const id = actionId('app/(member)/resources/actions.ts', 'createResourceAction');
  const res = await callAction(app, {
    page: '/resources/new',
    id,
    cookie,
    fields: { title, description: '', type: 'report', visibility: 'all_members', kind: 'file', fileId },
  });
  const match = /\/resources\/([0-9a-f-]{36})/.exec(res.redirect ?? '');
  if (!match) throw new Error(`creating a resource answered ${res.status}: ${res.text.slice(0, 300)}`);
  return match[1];
}
