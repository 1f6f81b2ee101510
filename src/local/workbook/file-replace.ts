/**
 * How a save replaces the workbook file without changing what the user set on it: the new content
 * is written to a temporary file beside the real file (symlinks are followed, so a linked workbook
 * stays a link to the updated file), the temporary file takes the old file's mode and, where the
 * process may, its owner, then is renamed over it (atomic on one file system). Temporary files
 * left by a killed process (pid no longer alive) are removed, so no copy of member data stays
 * hidden beside the workbook.
 */
import { randomBytes } from 'node:crypto';
import { chmod, chown, readdir, realpath, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pidAlive } from '../emulator/lockfile';

/** The file a save must replace: the end of any symlink chain, or the path itself when new. */
export async function realTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

/** `.NAME.PID.HEX.tmp` beside `target`. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Removes the temporary files of `target` whose writing process is gone. */
export async function removeStaleTemps(target: string): Promise<void> {
  const prefix = `.${basename(target)}.`;
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) continue;
    if (pid === process.pid) continue;
    await unlink(join(dirname(target), name)).catch(() => undefined);
  }
}

/** Creates `temp` readable by its owner only, before any member data is written into it. */
export async function createPrivate(temp: string): Promise<void> {
  await writeFile(temp, '', { mode: 0o600, flag: 'wx' });
}

/** Gives `temp` the mode and (when allowed) the owner of the existing `target`; a new file gets the usual mode. */
export async function keepModeAndOwner(temp: string, target: string): Promise<void> {
  const old = await stat(target).catch(() => null);
  if (!old) {
    const mask = process.umask();
    await chmod(temp, 0o666 & ~mask);
    return;
  }
  await chmod(temp, old.mode & 0o7777);
  await chown(temp, old.uid, old.gid).catch(() => undefined); // only root may give a file away
}
