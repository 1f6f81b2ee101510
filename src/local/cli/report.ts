/**
 * `club-pulse report`: the members' edition (HTML, PDF) or the funders' edition of a workbook, and
 * the members' edition by e-mail (`--send-members`, asks first unless `--yes`) (issue 19).
 */

import type { Command } from 'commander';
import type { MemberIo } from '../member';
import { CliError, checkToday, checkWorkbookFile, todayOption } from './shared';

type ReportCliOptions = import('../report').ReportOptions & { sendMembers?: boolean; yes?: boolean };

export function register(program: Command, io: MemberIo): void {
  program
    .command('report')
    .description("write the members' edition (HTML, PDF) or the funders' edition of a workbook, or e-mail it")
    .argument('<file>', 'the .xlsx workbook (not modified, except the Mail log of --send-members)')
    .option('--members <file>', "write the members' edition as an HTML page")
    .option('--funders <file>', "write the funders' edition as an HTML page")
    .option('--pdf <file>', "write the members' edition as an A4 PDF (needs Chromium)")
    .option(
      '--send-members',
      "e-mail the members' edition to the members, once each (shows it and asks first)",
    )
    .option('--yes', 'with --send-members: do not ask for a confirmation')
    .option('--period <label>', 'period (default: the period of the last refresh)')
    .addOption(todayOption())
    .action(async (file: string, options: ReportCliOptions) => {
      checkWorkbookFile(file);
      const { report, ReportError } = await import('../report');
      const today = checkToday(options.today);
      const { sendMembers, yes, ...outputs } = options;
      try {
        if (!sendMembers || outputs.members || outputs.funders || outputs.pdf)
          await report(file, { ...outputs, today }, io.out);
      } catch (error) {
        if (error instanceof ReportError) throw new CliError(error.message, error.exitCode);
        throw error;
      }
      if (sendMembers) {
        const { sendMembersEdition } = await import('../edition-mail');
        await sendMembersEdition(file, { period: options.period, today, yes }, io);
      }
    });
}
