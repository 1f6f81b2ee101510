/**
 * The membership form (issue 17): « Créer le formulaire d'adhésion / Create the membership form »
 * builds one Google Form (src/core/membership.ts lists its questions) sending its answers to this
 * spreadsheet, and makes sure the one form-submit trigger of the add-on is installed (the surveys'
 * trigger: its handler hands membership answers here). Each answer becomes a Members row, or fills
 * the blanks of the row with the same e-mail (core/membership.ts decides; this file reads and
 * writes). Answers are taken in under the document lock, by the trigger and at each refresh (a test
 * deployment cannot install triggers); a ledger of the response-tab rows already taken in keeps it
 * exactly-once, so that a member card a volunteer later edits or deletes is never written again.
 *
 * Where things are kept (document properties): `clubpulse.membership.form` the form id,
 * `clubpulse.membership.urls` its published and edit URLs (a response tab's getFormUrl() gives
 * one or the other, docs/PLATFORM.md), `clubpulse.membership.rows` the rows taken in ("2-9,11").
 * https://developers.google.com/apps-script/reference/forms/form-app
 * https://developers.google.com/apps-script/reference/properties/properties
 */

import type { MembershipFormResult, MembershipIntake, SurveyForm } from '../core/api';
import { cellLocaleOf } from '../core/cells';
import { languageOf } from '../core/compute';
import { dayFromIso } from '../core/dates';
import { fill, type Lang } from '../core/i18n';
import { IssueLog } from '../core/issues';
import {
  fieldsOfHeader,
  MEMBERSHIP_FORM,
  MEMBERSHIP_ITEMS,
  type MembershipPlan,
  planMembership,
  submissionOf,
  YES_NO_CHOICES,
} from '../core/membership';
import { normalizeLabel } from '../core/normalize';
import { settingsOfTabs } from '../core/period-choices';
import { matchTabs } from '../core/read';
import { tabSpec } from '../core/schema';
import type { Settings } from '../core/settings';
import { cellOf } from './imports';
import { BUSY, withDocumentLock } from './lock';
import { setValuesKeepingText } from './plain-text';
import { asText, todayIn } from './sheets';
import { ensureTrigger } from './surveys';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const FORM_KEY = 'clubpulse.membership.form';
const URLS_KEY = 'clubpulse.membership.urls';
const ROWS_KEY = 'clubpulse.membership.rows';

const TEXT = {
  triggerFailed: {
    fr: 'Le déclencheur de réception des réponses n’a pas pu être installé ({reason}) : les adhésions seront reprises à chaque actualisation.',
    en: 'The answer trigger could not be installed ({reason}): sign-ups will be taken in at each refresh.',
  },
  badEmail: {
    fr: 'Réponse ligne {row} de « {tab} » : e-mail « {email} » invalide, fiche membre non créée.',
    en: 'Answer on row {row} of "{tab}": invalid email "{email}", no member card made.',
  },
};

interface Context {
  ss: Spreadsheet;
  lang: Lang;
  settings: Settings;
  timeZone: string;
}

function contextOf(ss: Spreadsheet): Context {
  const locale = ss.getSpreadsheetLocale();
  const timeZone = ss.getSpreadsheetTimeZone();
  const probe = ss.getSheets().map((sheet) => ({ name: sheet.getName(), values: [] as unknown[][] }));
  const name = matchTabs(probe, new IssueLog('en')).get('settings')?.name;
  const sheet = name ? ss.getSheetByName(name) : null;
  const tabs = sheet ? [{ name: name!, values: sheet.getDataRange().getValues() }] : [];
  const settings = settingsOfTabs(tabs, locale, timeZone);
  return { ss, lang: languageOf(settings, locale), settings, timeZone };
}

// -----------------------------------------------------------------------------------------------
// The form

/** The stored form, if it still opens (a form deleted in Drive is made again). */
function storedForm(): GoogleAppsScript.Forms.Form | null {
  const id = PropertiesService.getDocumentProperties().getProperty(FORM_KEY);
  if (!id) return null;
  try {
    return FormApp.openById(id);
  } catch (_e) {
    return null;
  }
}

function buildForm(ctx: Context): GoogleAppsScript.Forms.Form {
  const { lang } = ctx;
  const title = MEMBERSHIP_FORM.title[lang];
  const form = FormApp.create(title);
  // Live: a new form's title reads '' until setTitle() (the Drive file alone takes the name).
  form
    .setTitle(title)
    .setDescription(MEMBERSHIP_FORM.description[lang])
    .setConfirmationMessage(MEMBERSHIP_FORM.confirmation[lang])
    // Collecting the address would require signing in; the e-mail is a question.
    .setCollectEmail(false)
    .setAllowResponseEdits(false)
    .setLimitOneResponsePerUser(false);
  for (const item of MEMBERSHIP_ITEMS) {
    const text = item.title[lang];
    const help = item.help?.[lang] ?? '';
    // https://developers.google.com/apps-script/reference/forms/form#addtextitem
    // https://developers.google.com/apps-script/reference/forms/form#addparagraphtextitem
    // https://developers.google.com/apps-script/reference/forms/form#addmultiplechoiceitem
    const added =
      item.kind === 'yesno'
        ? form.addMultipleChoiceItem().setTitle(text).setChoiceValues(YES_NO_CHOICES[lang])
        : item.kind === 'paragraph'
          ? form.addParagraphTextItem().setTitle(text)
          : form.addTextItem().setTitle(text);
    if (help) added.setHelpText(help);
    if (item.required) added.setRequired(true);
  }
  // As for the surveys (surveys.ts buildForm): publish where the runtime has it, then accept answers.
  const publishable = form as GoogleAppsScript.Forms.Form & {
    setPublished?: (published: boolean) => unknown;
  };
  try {
    publishable.setPublished?.(true);
  } catch (_e) {
    // Older runtime: nothing to publish.
  }
  form.setAcceptingResponses(true);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ctx.ss.getId());
  // https://developers.google.com/apps-script/reference/forms/form#setdestinationtype,-id: the
  // response tab may be listed only after a flush (docs/PLATFORM.md).
  SpreadsheetApp.flush();
  return form;
}

/** Creates the membership form (or finds the one made before) and returns its link. */
export function createMembershipForm(): MembershipFormResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ctx = contextOf(ss);
  return withDocumentLock<MembershipFormResult>(
    () => {
      let form = storedForm();
      const created = form === null;
      if (!form) {
        form = buildForm(ctx);
        const props = PropertiesService.getDocumentProperties();
        props.setProperty(FORM_KEY, form.getId());
        props.setProperty(URLS_KEY, JSON.stringify([form.getPublishedUrl(), form.getEditUrl()]));
        props.deleteProperty(ROWS_KEY);
      }
      const trigger = ensureTrigger(ss);
      return {
        ok: true,
        created,
        publicUrl: form.getPublishedUrl(),
        editUrl: form.getEditUrl(),
        responseTab: responseSheet(ss, form.getId())?.getName() ?? '',
        warning: trigger.ok ? null : fill(TEXT.triggerFailed[ctx.lang], { reason: trigger.reason }),
      };
    },
    () => ({ ok: false, code: 'busy', message: BUSY[ctx.lang] }),
  );
}

/** True when a response tab's form URL is the membership form's. */
function isMembershipUrl(url: string): boolean {
  const props = PropertiesService.getDocumentProperties();
  const id = props.getProperty(FORM_KEY);
  if (!id || !url) return false;
  const urls = JSON.parse(props.getProperty(URLS_KEY) ?? '[]') as string[];
  return urls.includes(url) || url.includes(`/forms/d/${id}/`);
}

function responseSheet(ss: Spreadsheet, _formId: string): Sheet | null {
  return ss.getSheets().find((s) => isMembershipUrl(s.getFormUrl() ?? '')) ?? null;
}

/** For the CLI and tests: the form and its questions by Members column. */
export function membershipFormItems(): SurveyForm | null {
  const form = storedForm();
  if (!form) return null;
  const fields = new Map<string, string>();
  for (const item of MEMBERSHIP_ITEMS) {
    fields.set(item.title.fr, item.field);
    fields.set(item.title.en, item.field);
  }
  const items: SurveyForm['items'] = [];
  for (const item of form.getItems()) {
    const field = fields.get(item.getTitle());
    if (field) items.push({ field, title: item.getTitle() });
  }
  return { formId: form.getId(), items };
}

// -----------------------------------------------------------------------------------------------
// Taking answers in

function parseRows(text: string | null): Set<number> {
  const rows = new Set<number>();
  for (const part of (text ?? '').split(',')) {
    if (!/^\d+(-\d+)?$/.test(part)) continue;
    const [a, b] = part.split('-').map(Number);
    if (!Number.isInteger(a)) continue;
    for (let r = a; r <= (Number.isInteger(b) ? b : a); r++) rows.add(r);
  }
  return rows;
}

function formatRows(rows: Set<number>): string {
  const sorted = [...rows].sort((x, y) => x - y);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j;
  }
  return parts.join(',');
}

/** The Members sheet (created with the schema's header in the club's language when missing). */
function membersSheet(ctx: Context): { sheet: Sheet; name: string } {
  const probe = ctx.ss.getSheets().map((s) => ({ name: s.getName(), values: [] as unknown[][] }));
  const found = matchTabs(probe, new IssueLog('en')).get('members');
  if (found) return { sheet: ctx.ss.getSheetByName(found.name)!, name: found.name };
  const name = tabSpec('members').name[ctx.lang];
  return { sheet: ctx.ss.insertSheet(name, ctx.ss.getSheets().length), name };
}

/** Writes one plan to the Members sheet and to `grid` (the sheet's values, kept in step). */
function writePlan(
  sheet: Sheet,
  grid: unknown[][],
  plan: Extract<MembershipPlan, { ok: true }>,
  timeZone: string,
): void {
  if (grid.length === 0 || plan.addedColumns.length > 0) {
    const first = grid.length === 0 ? 0 : plan.addedColumns[0]!;
    const cells = plan.header.slice(first);
    if (sheet.getMaxColumns() < plan.header.length)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), plan.header.length - sheet.getMaxColumns());
    sheet.getRange(1, first + 1, 1, cells.length).setValues([cells.map(asText)]);
    if (grid.length === 0) {
      sheet.getRange(1, 1, 1, cells.length).setFontWeight('bold');
      sheet.setFrozenRows(1);
      grid.push([]);
    }
    grid[0] = [...plan.header];
  }
  const dateKeys = new Set(
    tabSpec('members')
      .columns.filter((c) => c.kind === 'date')
      .flatMap((c) => [c.id, c.label.fr, c.label.en, ...(c.aliases ?? [])])
      .map(normalizeLabel),
  );
  const isDate = plan.header.map((h) => dateKeys.has(normalizeLabel(h)));
  if (plan.line) {
    if (sheet.getMaxRows() < plan.row)
      sheet.insertRowsAfter(sheet.getMaxRows(), plan.row - sheet.getMaxRows());
    const line = plan.line.map((v, i) => (v === '' ? '' : cellOf(v, isDate[i]!, timeZone)));
    setValuesKeepingText(sheet.getRange(plan.row, 1, 1, line.length), [line]);
    while (grid.length < plan.row) grid.push([]);
    grid[plan.row - 1] = [...plan.line];
    return;
  }
  const current = grid[plan.row - 1] ?? [];
  for (const f of plan.fills) {
    setValuesKeepingText(sheet.getRange(plan.row, f.column + 1), [
      [cellOf(f.value, isDate[f.column]!, timeZone)],
    ]);
    current[f.column] = f.value;
  }
  grid[plan.row - 1] = current;
}

/** Takes in every answer of the membership response tab not taken in yet. Call under the lock. */
function takeIn(ctx: Context, answered: Sheet): MembershipIntake {
  const result: MembershipIntake = { created: [], filled: [], skipped: [] };
  const props = PropertiesService.getDocumentProperties();
  const taken = parseRows(props.getProperty(ROWS_KEY));
  const values = answered.getDataRange().getValues();
  const fields = fieldsOfHeader(values[0] ?? []);
  const locale = cellLocaleOf(ctx.ss.getSpreadsheetLocale(), ctx.timeZone);
  const today = dayFromIso(todayIn(ctx.timeZone))!;
  let members: { sheet: Sheet; name: string } | null = null;
  let grid: unknown[][] = [];
  for (let r = 2; r <= values.length; r++) {
    if (taken.has(r)) continue;
    const sub = submissionOf(fields, values[r - 1]!, r, locale, ctx.lang);
    if (!sub) continue;
    if (!members) {
      members = membersSheet(ctx);
      grid = members.sheet.getDataRange().getValues();
      if (grid.length === 1 && grid[0]!.every((v) => v === '')) grid = [];
    }
    const plan = planMembership({ values: grid.length > 0 ? grid : null, name: members.name }, sub, {
      lang: ctx.lang,
      locale,
      signUpsAreMembers: ctx.settings.signUpsAreMembers,
      today,
    });
    taken.add(r);
    if (!plan.ok) {
      result.skipped.push({
        row: r,
        reason: fill(TEXT.badEmail[ctx.lang], { row: r, tab: answered.getName(), email: plan.email }),
      });
      continue;
    }
    if (plan.action !== 'unchanged') writePlan(members.sheet, grid, plan, ctx.timeZone);
    if (plan.action === 'created') result.created.push(plan.memberId);
    if (plan.action === 'filled') result.filled.push(plan.memberId);
  }
  props.setProperty(ROWS_KEY, formatRows(taken));
  return result;
}

/**
 * The form-submit trigger's hook (surveys.ts onSurveySubmit): true when `answered` is the
 * membership form's response tab, whose answers are then taken in under the document lock.
 */
export function onMembershipSubmit(ss: Spreadsheet, answered: Sheet): boolean {
  if (!isMembershipUrl(answered.getFormUrl() ?? '')) return false;
  const ctx = contextOf(ss);
  withDocumentLock(
    () => takeIn(ctx, answered),
    // Busy: the next refresh takes the answer in.
    () => null,
  );
  return true;
}

/** Every answer not taken in yet (each refresh, the CLI). Never throws: it must not stop a refresh. */
export function syncMembershipAnswers(lockHeld = false): MembershipIntake {
  const none: MembershipIntake = { created: [], filled: [], skipped: [] };
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const id = PropertiesService.getDocumentProperties().getProperty(FORM_KEY);
    if (!id) return none;
    const sheet = responseSheet(ss, id);
    if (!sheet) return none;
    const ctx = contextOf(ss);
    return withDocumentLock(
      () => takeIn(ctx, sheet),
      () => none,
      lockHeld,
    );
  } catch (e) {
    console.error(`Club Pulse: membership intake failed: ${e instanceof Error ? e.message : String(e)}`);
    return none;
  }
}
