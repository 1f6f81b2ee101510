/**
 * What the commands of `club-pulse` share: the output channels, the user-facing failure with its
 * exit code, the one `--today` option, and a command's hold on a workbook. This module loads no heavy
 * library: the session (xlsx io, the add-on bundle) is imported when a command runs, not when the
 * program is built, so that `--help` and argument errors start in a blink.
 */

import { closeSync, openSync, readSync } from 'node:fs';
import { Option } from 'commander';
import { langOfWorkbook } from '../cli-messages';
import { describeReadError, notXlsxMessage, startsAsZip, WorkbookFileError } from '../errors';
import type { WorkbookSession } from '../session';

/** A user-facing failure with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 3,
  ) {
    super(message);
  }
}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const TODAY_DEFAULT = 'today, YYYY-MM-DD (default: the real date in the workbook time zone)';

/** The `--today <date>` option, with the help line of commands that read a workbook unless told. */
export function todayOption(description = TODAY_DEFAULT): Option {
  return new Option('--today <date>', description);
}

/** The `--today` value checked (exit code 2 when it is not a YYYY-MM-DD date). */
export function checkToday(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new CliError(`Invalid --today "${value}": use YYYY-MM-DD.`, 2);
  }
  return value;
}

/**
 * Refuses a workbook file that is missing, unreadable or not a zip archive, with the very message
 * the loader gives, before the xlsx library and the bundle are loaded (issue 21: an error exit in a
 * blink). Reads four bytes; the loader checks everything again once it holds the file's lock.
 */
export function checkWorkbookFile(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new WorkbookFileError(describeReadError(file, error), { cause: error });
  }
  const head = new Uint8Array(4);
  let read: number;
  try {
    read = readSync(fd, head, 0, 4, 0);
  } catch (error) {
    throw new WorkbookFileError(describeReadError(file, error), { cause: error });
  } finally {
    closeSync(fd);
  }
  if (!startsAsZip(head.subarray(0, read))) throw new WorkbookFileError(notXlsxMessage(`The file ${file}`));
}

/**
 * Runs `work` on the workbook `file` (loaded into the local runtime with the add-on bundle) while
 * holding its lock file; `lang` is the workbook's language for the messages.
 */
export async function withSession<T>(
  file: string,
  today: string | undefined,
  work: (session: WorkbookSession, lang: 'fr' | 'en') => Promise<T>,
): Promise<T> {
  checkWorkbookFile(file);
  const { openWorkbook, withWorkbookLock } = await import('../session');
  return withWorkbookLock(file, async () => {
    const session = await openWorkbook(file, undefined, { today });
    return work(session, langOfWorkbook(session.model.meta.locale));
  });
}
