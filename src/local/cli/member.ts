/** `club-pulse member export|erase|statement`: a member's data, exported or erased (GDPR), and their statement (issue 20). */

import type { Command } from 'commander';
import type { MemberIo, MemberOptions } from '../member';
import { checkToday, checkWorkbookFile, todayOption } from './shared';

export function register(program: Command, io: MemberIo): void {
  const member = program
    .command('member')
    .description("a member's data: export it, erase it (GDPR); their statement before renewal");
  member
    .command('export')
    .description('every row of every tab naming the member, as JSON')
    .argument('<file>', 'the .xlsx workbook (not modified)')
    .requiredOption('--member <ref>', 'the member: ID, email or name')
    .option('--out <file>', 'write the JSON here (default: print it)')
    .addOption(todayOption())
    .action(async (file: string, options: MemberOptions) => {
      checkWorkbookFile(file);
      const { exportMember } = await import('../member');
      await exportMember(file, { ...options, today: checkToday(options.today) }, io);
    });
  member
    .command('erase')
    .description("erase the member's personal data everywhere (asks first; --yes to skip the question)")
    .argument('<file>', 'the .xlsx workbook')
    .requiredOption('--member <ref>', 'the member: ID, email or name')
    .option('--yes', 'do not ask for a confirmation')
    .addOption(todayOption())
    .action(async (file: string, options: MemberOptions) => {
      checkWorkbookFile(file);
      const { eraseMember } = await import('../member');
      await eraseMember(file, { ...options, today: checkToday(options.today) }, io);
    });
  member
    .command('statement')
    .description("the member's statement (what the network brought them) as a printable HTML page")
    .argument('<file>', 'the .xlsx workbook (not modified)')
    .requiredOption('--member <ref>', 'the member: ID, email or name')
    .option('--period <label>', 'the period (2026, FY2026, 2026-S1…); default: the term the renewal covers')
    .option('--out <file>', 'write the HTML here (default: print it)')
    .addOption(todayOption())
    .action(async (file: string, options: MemberOptions) => {
      const { memberStatement } = await import('../member');
      await memberStatement(file, { ...options, today: checkToday(options.today) }, io);
    });
}
