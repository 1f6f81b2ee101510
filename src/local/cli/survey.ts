/** `club-pulse survey`: the hot survey of an event or the cold survey of a semester (Google Forms). */

import type { Command } from 'commander';
import { cliSay } from '../cli-messages';
import { CliError, type CliIo, checkToday, todayOption, withSession } from './shared';

interface SurveyOptions {
  hot?: string;
  cold?: string;
  today?: string;
  newAnonymousForm?: boolean;
}

async function survey(file: string, options: SurveyOptions, io: CliIo): Promise<void> {
  if (Boolean(options.hot) === Boolean(options.cold))
    throw new CliError('Give either --hot EVENT_ID or --cold PERIOD.', 2);
  const today = checkToday(options.today);
  await withSession(file, today, async (session, lang) => {
    const extra = options.newAnonymousForm ? { newAnonymousForm: true } : undefined;
    // Exactly one of the two is given (checked above).
    const result = options.hot
      ? session.bundle.api.createHotSurvey(options.hot, extra)
      : session.bundle.api.createColdSurvey(options.cold ?? '', extra);
    if (!result.ok) throw new CliError(result.message, result.code === 'busy' ? 3 : 2);
    const { surveyId: id, publicUrl: url, responseTab: tab } = result.survey;
    io.out(cliSay(lang, result.created ? 'surveyCreated' : 'surveyExisted', { id, url }));
    io.out(cliSay(lang, 'answersTab', { tab }));
    if (result.warning) io.out(`! ${result.warning}`);
    if (result.signedForm) io.out(cliSay(lang, 'newAnonymousForm', {}));
    io.out(cliSay(lang, 'saved', { file: await session.save() }));
  });
}

export function register(program: Command, io: CliIo): void {
  program
    .command('survey')
    .description('create the hot survey of an event or the cold survey of a semester (Google Forms)')
    .argument('<file>', 'the .xlsx workbook')
    .option('--hot <eventId>', 'the event of the hot survey')
    .option('--cold <period>', 'the semester of the cold survey, e.g. 2026-S1')
    .option(
      '--new-anonymous-form',
      'anonymous surveys: replace the survey’s form that asks for the member code by a new anonymous one',
    )
    .addOption(todayOption())
    .action((file: string, options: SurveyOptions) => survey(file, options, io));
}
