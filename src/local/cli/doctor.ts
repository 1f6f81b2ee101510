/** `club-pulse doctor`: the add-on's installation check (menu "Check installation") on a workbook. */

import type { Command } from 'commander';
import { CliError, type CliIo, checkWorkbookFile } from './shared';

export function register(program: Command, io: CliIo): void {
  program
    .command('doctor')
    .description('run the installation check of the add-on (menu "Check installation") on a workbook')
    .argument('<file>', 'the .xlsx workbook (not modified)')
    .action(async (file: string) => {
      checkWorkbookFile(file);
      const { doctor } = await import('../doctor');
      if ((await doctor(file, io.out)) > 0) throw new CliError('', 1);
    });
}
