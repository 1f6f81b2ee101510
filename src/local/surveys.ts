/**
 * Answering a survey locally as its respondents would (for `club-pulse answer` and the tests): each
 * row names the form's questions by their Responses field id (`member`, `nps`, `satisfaction`,
 * `contacts_made`, `decisive_contacts`, `connection_value`, `belonging`, `mutual_help`,
 * `preferred_formats`, `most_valuable`, `expectations`, `comment`, `workshop_wishes`, `kpi_votes`); an
 * empty cell is an unanswered question; a checkbox question (`preferred_formats`, `workshop_wishes`,
 * `kpi_votes`) lists choices separated by `;` or `,`. Each row is submitted on the
 * published form through the emulator (the response tab gets its row, the installed form-submit
 * trigger fires); a row the form refuses (an NPS of 12, a missing required answer) is reported and
 * skipped.
 */

import { RespondentRefusal, submitFormAsRespondent } from './emulator/index';
import type { LoadedBundle } from './runtime';

export interface AnswerReport {
  surveyId: string;
  formId: string;
  submitted: number;
  /**
   * 1-based index of the refused rows among `rows`, with the form's reason (its own words) and, when
   * the form names one, the question refused and why (`invalid` answer or `required` and missing).
   */
  skipped: Array<{ index: number; message: string; kind?: 'invalid' | 'required'; question?: string }>;
  /** Field ids of the rows that the form has no question for (ignored). */
  unknownFields: string[];
}

export class UnknownSurveyError extends Error {}

/** Checkbox questions: their cell lists the choices ticked. */
const CHECKBOX_FIELDS = new Set(['preferred_formats', 'workshop_wishes', 'kpi_votes']);

export function answerSurvey(
  bundle: LoadedBundle,
  surveyId: string,
  rows: Array<Record<string, string>>,
): AnswerReport {
  const form = bundle.api.surveyForm(surveyId);
  if (!form)
    throw new UnknownSurveyError(`Unknown survey "${surveyId}": create it first with \`club-pulse survey\`.`);
  const titles = new Map(form.items.map((i) => [i.field, i.title]));
  const report: AnswerReport = {
    surveyId,
    formId: form.formId,
    submitted: 0,
    skipped: [],
    unknownFields: [],
  };
  const unknown = new Set<string>();
  rows.forEach((row, i) => {
    const answers: Record<string, string | string[]> = {};
    for (const [field, raw] of Object.entries(row)) {
      const value = String(raw ?? '').trim();
      const title = titles.get(field.trim());
      if (!title) {
        if (field.trim()) unknown.add(field.trim());
        continue;
      }
      if (value === '') continue;
      answers[title] = CHECKBOX_FIELDS.has(field.trim())
        ? value
            .split(/[;,]/)
            .map((v) => v.trim())
            .filter(Boolean)
        : value;
    }
    try {
      submitFormAsRespondent(bundle.emulator, form.formId, answers);
      report.submitted++;
    } catch (e) {
      if (e instanceof RespondentRefusal)
        report.skipped.push({ index: i + 1, message: e.message, kind: e.kind, question: e.question });
      else report.skipped.push({ index: i + 1, message: e instanceof Error ? e.message : String(e) });
    }
  });
  report.unknownFields = [...unknown];
  return report;
}
