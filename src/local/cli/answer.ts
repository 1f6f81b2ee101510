/** `club-pulse answer`: answer a survey locally, as its respondents would, from a CSV of answers. */

import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { cliSay } from '../cli-messages';
import { CliError, type CliIo, checkToday, todayOption, withSession } from './shared';

interface AnswerOptions {
  survey: string;
  answers: string;
  today?: string;
}

/** Answer rows from a CSV whose header names the Responses fields (ids like `nps`, or their labels). */
async function answerRows(path: string): Promise<Array<Record<string, string>>> {
  const [{ parseCsvText }, { decodeExport }, { normalizeLabel }, { tabSpec }] = await Promise.all([
    import('../../core/imports/csv'),
    import('../../core/imports/encoding'),
    import('../../core/normalize'),
    import('../../core/schema'),
  ]);
  let text: string;
  try {
    text = decodeExport(readFileSync(path)).text;
  } catch {
    throw new CliError(`The answers file ${path} cannot be read.`, 2);
  }
  const [header, ...rows] = parseCsvText(text);
  if (!header) throw new CliError(`The answers file ${path} is empty.`, 2);
  const responses = tabSpec('responses').columns;
  const ids = header.map((h) => {
    const key = normalizeLabel(h);
    const column = responses.find((c) =>
      [c.id, c.label.fr, c.label.en].some((x) => normalizeLabel(x) === key),
    );
    return column ? column.id : h.trim();
  });
  return rows
    .filter((r) => r.some((c) => c.trim() !== ''))
    .map((r) => Object.fromEntries(ids.map((id, i) => [id, r[i] ?? ''])));
}

async function answer(file: string, options: AnswerOptions, io: CliIo): Promise<void> {
  const rows = await answerRows(options.answers);
  const today = checkToday(options.today);
  const { answerSurvey, UnknownSurveyError } = await import('../surveys');
  await withSession(file, today, async (session, lang) => {
    let report: ReturnType<typeof answerSurvey>;
    try {
      report = answerSurvey(session.bundle, options.survey, rows);
    } catch (error) {
      if (error instanceof UnknownSurveyError) throw new CliError(error.message, 2);
      throw error;
    }
    const { surveyId: id, submitted } = report;
    io.out(cliSay(lang, 'answered', { id, submitted, refused: report.skipped.length }));
    for (const s of report.skipped) {
      // The line of the answers file (its header is line 1).
      const line = s.index + 1;
      const key = s.kind === 'required' ? 'refusedRequired' : s.kind ? 'refusedInvalid' : 'refusedOther';
      io.out(cliSay(lang, key, { line, question: s.question ?? '', message: s.message }));
    }
    if (report.unknownFields.length > 0)
      io.out(cliSay(lang, 'unknownColumns', { columns: report.unknownFields.join(', ') }));
    io.out(cliSay(lang, 'saved', { file: await session.save() }));
  });
}

export function register(program: Command, io: CliIo): void {
  program
    .command('answer')
    .description('answer a survey locally, as its respondents would, from a CSV of answers')
    .argument('<file>', 'the .xlsx workbook')
    .requiredOption('--survey <id>', 'the survey id, e.g. HOT-E1 or COLD-2026-S1')
    .requiredOption(
      '--answers <csv>',
      'a CSV whose header names the answers (member, nps, satisfaction, comment…)',
    )
    .addOption(todayOption())
    .action((file: string, options: AnswerOptions) => answer(file, options, io));
}
