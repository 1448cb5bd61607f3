import { z } from 'zod';

/**
 * Content-Security-Policy violation reports, as browsers send them: the older `report-uri` form
 * (`application/csp-report`, `{ "csp-report": { … } }`) and the Reporting API's (`application/reports+json`,
 * a list of `{ type: "csp-violation", body: { … } }`). Only the fields worth a log line are kept, and
 * addresses lose their query and fragment (a reset or confirmation link carries its token there).
 */
export const CSP_REPORT_MAX_BYTES = 16 * 1024;

const text = z.string().max(2000).optional().catch(undefined);
const legacy = z.object({
  'csp-report': z.object({
    'document-uri': text,
    'blocked-uri': text,
    'violated-directive': text,
    'effective-directive': text,
    disposition: text,
    'source-file': text,
    'line-number': z.number().int().optional().catch(undefined),
  }),
});
const reportingApi = z
  .array(
    z.object({
      type: z.literal('csp-violation'),
      body: z.object({
        documentURL: text,
        blockedURL: text,
        effectiveDirective: text,
        disposition: text,
        sourceFile: text,
        lineNumber: z.number().int().optional().catch(undefined),
      }),
    }),
  )
  .min(1)
  .max(20);

export interface CspViolation {
  document?: string;
  blocked?: string;
  directive?: string;
  disposition?: string;
  source?: string;
  line?: number;
}

/** An address without its query and fragment; a keyword such as `inline` or `eval` as it is. */
export function withoutQuery(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const cut = address.search(/[?#]/);
  return cut === -1 ? address : address.slice(0, cut);
}

/** The violations a report body names; null when it is neither form (the caller answers 400). */
export function parseCspReport(body: string): CspViolation[] | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const old = legacy.safeParse(json);
  if (old.success) {
    const r = old.data['csp-report'];
    return [
      {
        document: withoutQuery(r['document-uri']),
        blocked: withoutQuery(r['blocked-uri']),
        directive: r['effective-directive'] ?? r['violated-directive'],
        disposition: r.disposition,
        source: withoutQuery(r['source-file']),
        line: r['line-number'],
      },
    ];
  }
  const list = reportingApi.safeParse(json);
  if (!list.success) return null;
  return list.data.map(({ body: r }) => ({
    document: withoutQuery(r.documentURL),
    blocked: withoutQuery(r.blockedURL),
    directive: r.effectiveDirective,
    disposition: r.disposition,
    source: withoutQuery(r.sourceFile),
    line: r.lineNumber,
  }));
}
