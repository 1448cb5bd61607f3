/**
 * The kinds of file members may upload to the resource library, by extension, with the type each must
 * really be (detected from the content with file-type, never from the name).
 */
export const ALLOWED_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  csv: 'text/csv',
  txt: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
} as const;
export type AllowedExtension = keyof typeof ALLOWED_TYPES;

/** The usual extension of each accepted type (download names are rebuilt from the stored type). */
export const EXTENSION_OF_TYPE: Record<string, string> = Object.fromEntries(
  Object.entries(ALLOWED_TYPES)
    .filter(([ext]) => ext !== 'jpeg')
    .map(([ext, type]) => [type, ext]),
);

/** What the file input offers (a hint only: the server decides from the content). */
export const ACCEPT_ATTRIBUTE = Object.keys(ALLOWED_TYPES)
  .map((ext) => `.${ext}`)
  .join(',');

/** Types without magic numbers: accepted only as valid UTF-8 text without NUL bytes. */
export const TEXT_EXTENSIONS = new Set<AllowedExtension>(['txt', 'csv']);
export const IMAGE_TYPES = new Set<string>(['image/png', 'image/jpeg', 'image/webp']);

/** The extension of a file name, lower case, when it is one we accept. */
export function allowedExtension(fileName: string): AllowedExtension | null {
  const match = /\.([a-z0-9]{2,5})$/i.exec(fileName);
  const ext = match?.[1]?.toLowerCase();
  return ext && ext in ALLOWED_TYPES ? (ext as AllowedExtension) : null;
}

/**
 * A file name is kept as metadata only (keys are made by the server), but a name with path parts or
 * control characters is refused rather than silently changed, so nobody is misled about what they sent.
 */
export function fileNameProblem(fileName: string): 'empty' | 'tooLong' | 'pathCharacters' | null {
  if (!fileName.trim()) return 'empty';
  if (fileName.length > 200) return 'tooLong';
  if (/[/\\\u0000-\u001f\u007f]/.test(fileName) || fileName.includes('..') || /^\.|^[a-z]:/i.test(fileName)) return 'pathCharacters';
  return null;
}
