/**
 * Answering the membership form locally as people signing up would (tests, and a CLI command if
 * one is wanted): each row names the form's questions by Members column id (`first_name`,
 * `last_name`, `email`, `company`, `sector`, `offers`, `looking_for`, `phone`,
 * `agrees_to_be_named` — `oui`/`non` or `yes`/`no`); an empty cell is an unanswered question. Each
 * row is submitted on the published form through the emulator (the response tab gets its row, the
 * installed form-submit trigger fires and fills Members); a row the form refuses (a required
 * question left empty) is reported and skipped.
 */

import { MEMBERSHIP_ITEMS, YES_NO_CHOICES } from '../core/membership';
import { normalizeLabel } from '../core/normalize';
import { RespondentRefusal, submitFormAsRespondent } from './emulator/index';
import type { LoadedBundle } from './runtime';

export interface SignUpReport {
  formId: string;
  submitted: number;
  skipped: Array<{ index: number; message: string }>;
}

export class NoMembershipFormError extends Error {}

/** The form's own words for yes and no (the form's language is its question's). */
function consentChoice(value: string, title: string): string {
  const item = MEMBERSHIP_ITEMS.find((i) => i.field === 'agrees_to_be_named')!;
  const choices = title === item.title.fr ? YES_NO_CHOICES.fr : YES_NO_CHOICES.en;
  return ['oui', 'yes'].includes(normalizeLabel(value)) ? choices[0]! : choices[1]!;
}

export function signUp(bundle: LoadedBundle, rows: Array<Record<string, string>>): SignUpReport {
  const form = bundle.api.membershipFormItems();
  if (!form) throw new NoMembershipFormError('No membership form: create it first.');
  const titles = new Map(form.items.map((i) => [i.field, i.title]));
  const report: SignUpReport = { formId: form.formId, submitted: 0, skipped: [] };
  rows.forEach((row, i) => {
    const answers: Record<string, string> = {};
    for (const [field, raw] of Object.entries(row)) {
      const title = titles.get(field.trim());
      const value = String(raw ?? '');
      if (!title || value.trim() === '') continue;
      answers[title] = field.trim() === 'agrees_to_be_named' ? consentChoice(value, title) : value;
    }
    try {
      submitFormAsRespondent(bundle.emulator, form.formId, answers);
      report.submitted++;
    } catch (e) {
      // A refusal of the form (RespondentRefusal) or a form that takes no answers: said, skipped.
      report.skipped.push({
        index: i + 1,
        message: e instanceof RespondentRefusal || e instanceof Error ? e.message : String(e),
      });
    }
  });
  return report;
}
