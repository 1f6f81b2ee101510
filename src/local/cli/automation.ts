/** `club-pulse automation` and `club-pulse tick`: the automation's switch and one daily run (issue 17). */

import type { Command } from 'commander';
import { CliError, type CliIo, checkToday, checkWorkbookFile, todayOption } from './shared';

export function register(program: Command, io: CliIo): void {
  program
    .command('automation')
    .description('switch the daily automation on or off (Settings, Templates tab, this user’s daily trigger)')
    .argument('<file>', 'the .xlsx workbook')
    .option('--on', 'switch it on')
    .option('--off', 'switch it off')
    .option('--last-event', 'also the last event before today')
    .addOption(todayOption())
    .action(
      async (file: string, options: { on?: boolean; off?: boolean; lastEvent?: boolean; today?: string }) => {
        if (Boolean(options.on) === Boolean(options.off)) throw new CliError('Give either --on or --off.', 2);
        const today = checkToday(options.today);
        checkWorkbookFile(file);
        const { openWorkbook, withWorkbookLock } = await import('../session');
        const { describeSwitch } = await import('../automation');
        const { cliSay, langOfWorkbook } = await import('../cli-messages');
        await withWorkbookLock(file, async () => {
          const session = await openWorkbook(file, undefined, { today });
          const result = session.bundle.api.setAutomation({
            on: Boolean(options.on),
            lastEvent: options.lastEvent,
          });
          if (!result.ok) throw new CliError(result.message, 3);
          const lang = langOfWorkbook(session.model.meta.locale);
          for (const line of describeSwitch(result, lang)) io.out(line);
          io.out(cliSay(lang, 'saved', { file: await session.save() }));
        });
      },
    );
  program
    .command('tick')
    .description('run one daily run of the automation, as the time-driven trigger would')
    .argument('<file>', 'the .xlsx workbook')
    .requiredOption('--today <date>', 'the day of the run, YYYY-MM-DD')
    .action(async (file: string, options: { today: string }) => {
      const today = checkToday(options.today)!;
      checkWorkbookFile(file);
      const { clockAt, openWorkbook, withWorkbookLock } = await import('../session');
      const { describeRun, fireDailyTriggers } = await import('../automation');
      const { cliSay, langOfWorkbook } = await import('../cli-messages');
      await withWorkbookLock(file, async () => {
        const session = await openWorkbook(file, undefined, { today });
        const at = clockAt(today, session.model.meta.timeZone)();
        const { fired } = fireDailyTriggers(session.bundle, session.model, at);
        const lang = langOfWorkbook(session.model.meta.locale);
        const run = fired > 0 ? session.bundle.api.automationStatus().lastRun : null;
        for (const line of describeRun(run, fired, lang)) io.out(line);
        io.out(cliSay(lang, 'saved', { file: await session.save() }));
      });
    });
}
