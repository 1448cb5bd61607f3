import type { createFormatter } from 'next-intl';

/** Binary steps (1 KB = 1,024 bytes), as MAX_UPLOAD_MB and ORG_STORAGE_QUOTA_MB count. */
const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * A number of bytes in the reader's language: "12.3 MB", "2 GB", "12,3 Mo" (next-intl's formatter,
 * `useFormatter()` or `getFormatter()`).
 */
export function formatBytes(format: Pick<ReturnType<typeof createFormatter>, 'number'>, bytes: number): string {
  let value = bytes;
  let step = 0;
  while (value >= 1024 && step < UNITS.length - 1) {
    value /= 1024;
    step++;
  }
  // Whole bytes are spelt out ("0 bytes": the short form has no plural, "0 byte"); larger units are abbreviated.
  return format.number(value, { style: 'unit', unit: UNITS[step], unitDisplay: step === 0 ? 'long' : 'short', maximumFractionDigits: 1 });
}
