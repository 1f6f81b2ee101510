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
