/**
 * Streams one file to an upload route (POST /api/uploads…) with real progress (XMLHttpRequest upload
 * events: fetch reports none), and answers the stored file or the server's sentence. Browser only.
 */
export interface SentFile {
  id: string;
  name: string;
  size: number;
}

export function sendFile(
  url: string,
  file: File,
  on: { progress: (percent: number) => void; done: (file: SentFile) => void; failed: (message: string | null) => void },
): XMLHttpRequest {
  const xhr = new XMLHttpRequest();
  xhr.upload.onprogress = (event) => {
    if (event.lengthComputable) on.progress(Math.floor((event.loaded / event.total) * 100));
  };
  xhr.onload = () => {
    let body: { file?: SentFile; message?: string } = {};
    try {
      body = JSON.parse(xhr.responseText) as typeof body;
    } catch {
      // not JSON: a proxy error page
    }
    if (xhr.status === 201 && body.file) on.done(body.file);
    else on.failed(body.message ?? null);
  };
  xhr.onerror = () => on.failed(null);
  xhr.open('POST', url);
  xhr.setRequestHeader('Content-Type', 'application/octet-stream');
  xhr.send(file);
  return xhr;
}
