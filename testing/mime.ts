/** Reads a raw MIME message the way a mail client would, for tests that receive email over SMTP. */
export function parseMime(raw: string): { headers: Record<string, string>; parts: { type: string; body: string }[] } {
  const split = (block: string) => {
    const at = block.indexOf('\r\n\r\n');
    const head = block.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
    const headers: Record<string, string> = {};
    for (const line of head.split('\r\n')) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
    }
    return { headers, body: block.slice(at + 4) };
  };
  const decodeBody = (body: string, encoding = '7bit') => {
    if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/quoted-printable/i.test(encoding)) return decodeQp(body);
    return body;
  };
  const top = split(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(top.headers['content-type'] ?? '')?.[1];
  const blocks = boundary ? top.body.split(`--${boundary}`).slice(1, -1) : [raw];
  const parts = blocks.map((block) => {
    const part = split(block.replace(/^\r\n/, ''));
    return {
      type: (part.headers['content-type'] ?? '').split(';')[0]!,
      body: decodeBody(part.body.replace(/\r\n$/, ''), part.headers['content-transfer-encoding']).replace(/\r\n/g, '\n'),
    };
  });
  return { headers: top.headers, parts };
}
function decodeQp(s: string): string {
  const bytes = s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => `%${h}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
}
function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQp(text.replace(/_/g, ' ')),
    );
}
