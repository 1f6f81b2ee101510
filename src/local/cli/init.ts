/** `club-pulse init`: a new workbook with the tracking tabs, optionally filled with the demo club. */

import { existsSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { cliSay } from '../cli-messages';
import { CliError, type CliIo, checkToday, todayOption } from './shared';

const LOCALES = {
  fr: { locale: 'fr_FR', timeZone: 'Europe/Paris' },
  en: { locale: 'en_GB', timeZone: 'Europe/London' },
};

export interface InitOptions {
  lang: 'fr' | 'en';
  demo?: boolean;
  force?: boolean;
  today?: string;
}

export async function init(file: string, options: InitOptions, io: CliIo): Promise<void> {
  if (existsSync(file) && !options.force)
    throw new CliError(`${file} already exists: add --force to replace it.`, 2);
  const today = checkToday(options.today);
  const [{ openWorkbook, todayOf, withWorkbookLock }, { newSheetModel, newWorkbookModel }] =
    await Promise.all([import('../session'), import('../workbook/model')]);
  await withWorkbookLock(file, async () => {
    const { locale, timeZone } = LOCALES[options.lang];
    const model = newWorkbookModel({ locale, timeZone, name: 'Club Pulse' });
    // A new Google spreadsheet starts with one empty sheet; the add-on then adds its tabs.
    const first = newSheetModel(model.meta.nextSheetId++, options.lang === 'fr' ? 'Feuille 1' : 'Sheet1');
    model.sheets.push(first);
    const session = await openWorkbook(file, model, { today });
    const result = session.bundle.api.setupTrackingTabs();
    model.sheets = model.sheets.filter((s) => s !== first);
    if (options.demo) {
      const [{ generateClub }, { fillTabs }] = await Promise.all([
        import('../demo/generator'),
        import('../workbook/fill'),
      ]);
      const club = generateClub({
        scale: 'demo',
        lang: options.lang,
        today: today ?? todayOf(model),
        messy: true,
      });
      fillTabs(model, club.tabs);
      model.meta.name = club.name;
    }
    await session.save(file);
    const demo = options.demo ? cliSay(options.lang, 'initDemo') : '';
    io.out(cliSay(options.lang, 'initDone', { file, count: result.created.length, demo }));
  });
}

export function register(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('create a workbook with the tracking tabs')
    .argument('<file>', 'the .xlsx workbook to create')
    .addOption(new Option('--lang <lang>', 'language of the tabs').choices(['fr', 'en']).default('fr'))
    .option('--demo', 'fill it with the demo club')
    .option('--force', 'replace an existing file')
    .addOption(todayOption('today, YYYY-MM-DD (the demo club ends on this day)'))
    .action((file: string, options: InitOptions) => init(file, options, io));
}
