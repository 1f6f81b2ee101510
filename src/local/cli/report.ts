/** `club-pulse report`: the members' edition (HTML, PDF) or the funders' edition of a workbook (issue 19). */

import type { Command } from 'commander';
import { CliError, type CliIo, checkToday, checkWorkbookFile, todayOption } from './shared';

export function register(program: Command, io: CliIo): void {
  program
    .command('report')
    .description("write the members' edition (HTML, PDF) or the funders' edition of a workbook")
    .argument('<file>', 'the .xlsx workbook (not modified)')
    .option('--members <file>', "write the members' edition as an HTML page")
    .option('--funders <file>', "write the funders' edition as an HTML page")
    .option('--pdf <file>', "write the members' edition as an A4 PDF (needs Chromium)")
    .option('--period <label>', 'period (default: the period of the last refresh)')
    .addOption(todayOption())
    .action(async (file: string, options: import('../report').ReportOptions) => {
      checkWorkbookFile(file);
      const { report, ReportError } = await import('../report');
      try {
        await report(file, { ...options, today: checkToday(options.today) }, io.out);
      } catch (error) {
        if (error instanceof ReportError) throw new CliError(error.message, error.exitCode);
        throw error;
      }
    });
}
