/**
 * The local runtime's user-facing failures, in a module of their own with no imports, so that the
 * CLI can tell them apart (exit code 2 or 3) without loading the xlsx library or the bundle.
 */

/** A workbook file that is missing, unreadable, not an xlsx workbook, or cannot be written. */
export class WorkbookFileError extends Error {
  override name = 'WorkbookFileError';
  /** The underlying error, if any (the `cause` option is not in this project's ES2020 lib). */
  readonly cause?: unknown;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    if (options && 'cause' in options) this.cause = options.cause;
  }
}

/** Another club-pulse command held the workbook's lock file for too long. */
export class WorkbookBusyError extends Error {}

/** The message for a workbook file that cannot be read, from the error of the read. */
export function describeReadError(path: string, error: unknown): string {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'ENOENT') return `The workbook file ${path} does not exist.`;
  if (code === 'EISDIR') return `${path} is a folder, not a workbook file.`;
  if (code === 'EACCES' || code === 'EPERM')
    return `The workbook file ${path} cannot be read (permission denied).`;
  return `The workbook file ${path} cannot be read (${code ?? (error as Error)?.message ?? 'unknown error'}).`;
}

/** The message for a file that is not an xlsx workbook (`label`: "The file x.xlsx", "The data"). */
export function notXlsxMessage(label: string): string {
  return `${label} is not an xlsx workbook.`;
}

/** Whether the bytes start as a zip archive does ("PK\x03\x04"), as every xlsx workbook. */
export function startsAsZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}
