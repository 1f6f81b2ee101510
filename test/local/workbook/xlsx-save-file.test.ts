/**
 * What a save keeps of the file itself (issue 14, item 8): its mode, a symlink to it, and no
 * temporary copy of member data left beside it by a process that was killed while saving.
 */
import { chmod, lstat, mkdtemp, readdir, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newSheetModel, newWorkbookModel } from '../../../src/local/workbook/model';
import { loadWorkbook, saveWorkbook } from '../../../src/local/workbook/xlsx';

function club(name: string) {
  const wb = newWorkbookModel({ name });
  const sheet = newSheetModel(1, 'Membres');
  sheet.values = [['Nom'], ['Jean Dupont']];
  wb.sheets.push(sheet);
  return wb;
}

describe('saving keeps the file as the user set it', () => {
  it('keeps the mode of a chmod 600 workbook (never world-readable after a save)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'club-pulse-mode-'));
    const file = join(dir, 'club.xlsx');
    await saveWorkbook(club('A'), file);
    await chmod(file, 0o600);
    await saveWorkbook(club('B'), file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await chmod(file, 0o640);
    await saveWorkbook(club('C'), file);
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect((await loadWorkbook(file)).meta.name).toBe('C');
  });

  it('writes through a symlink: the link stays a link, the file it points to is updated', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'club-pulse-link-'));
    const real = join(dir, 'real.xlsx');
    const link = join(dir, 'link.xlsx');
    await saveWorkbook(club('A'), real);
    await symlink(real, link);
    await saveWorkbook(club('B'), link);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect((await loadWorkbook(real)).meta.name).toBe('B');
  });

  it('removes the hidden temporary file a killed save left behind, and keeps one of a live process', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'club-pulse-temp-'));
    const file = join(dir, 'club.xlsx');
    await saveWorkbook(club('A'), file);
    const dead = join(dir, '.club.xlsx.999999999.deadbeef.tmp');
    const live = join(dir, `.club.xlsx.${process.ppid}.cafe0001.tmp`);
    await writeFile(dead, 'Jean Dupont, jean@example.org');
    await writeFile(live, 'being written');
    await saveWorkbook(club('B'), file);
    const names = await readdir(dir);
    expect(names).not.toContain('.club.xlsx.999999999.deadbeef.tmp');
    expect(names).toContain(`.club.xlsx.${process.ppid}.cafe0001.tmp`);
    expect(names.filter((n) => n.endsWith('.tmp'))).toHaveLength(1);
  });
});
