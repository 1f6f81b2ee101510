/**
 * Creating surveys with Google Forms (SPEC §9): a form built from the core's survey definition,
 * published, sending its answers to this spreadsheet; registered in the Surveys tab; the event's
 * `hot_survey` cell set to its link; the pre-filled URL template of personal links (one
 * `toPrefilledUrl` per form, kept in document properties); one installable form-submit trigger.
 */

import type { CreateSurveyOptions, SurveyResult } from '../../core/api';
import { isoOf } from '../../core/dates';
import { fill, type Lang } from '../../core/i18n';
import { tabSpec } from '../../core/schema';
import { type SurveyEntry, summaryOf, surveyLine } from '../../core/survey-registry';
import { ALL_VOICE_OPTIONS, coldVoiceOptions } from '../../core/survey-voice';
import {
  coldSurvey,
  hotSurvey,
  MEMBER_ITEM,
  MEMBER_PLACEHOLDER,
  type SurveyDefinition,
} from '../../core/surveys';
import { now } from '../clock';
import { withDocumentLock } from '../lock';
import { asText } from '../sheets';
import {
  closeReplacedForm,
  formAsksMemberCode,
  markCreatedAnonymous,
  SIGNED_FORM,
} from '../survey-anonymity';
import { keepClubTabsInPlace, tabsBefore } from '../tab-placement';
import { intake } from './intake';
import {
  busyOf,
  type ClubContext,
  findEntry,
  linkedSheets,
  loadClub,
  readRegistry,
  registrySheet,
} from './registry';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Form = GoogleAppsScript.Forms.Form;

/** The handler of the one installable form-submit trigger. */
export const SURVEY_HANDLER = 'onSurveySubmit';
const PREFILL_KEY = 'clubpulse.prefill.';

const TEXT = {
  unknownEvent: {
    fr: 'Événement « {id} » introuvable dans l’onglet Événements.',
    en: 'Event "{id}" not found in the Events tab.',
  },
  badPeriod: {
    fr: 'Semestre « {id} » invalide : écrivez par exemple 2026-S1.',
    en: 'Invalid semester "{id}": write e.g. 2026-S1.',
  },
  triggerFailed: {
    fr: 'Le déclencheur de réception des réponses n’a pas pu être installé ({reason}) : les réponses seront reprises à chaque actualisation.',
    en: 'The answer trigger could not be installed ({reason}): answers will be taken in at each refresh.',
  },
};

/** Adds one item of a definition to a form; returns it when it is the member code item. */
function addItem(form: Form, item: SurveyDefinition['items'][number], lang: Lang): unknown {
  const help = item.help?.[lang] ?? '';
  switch (item.kind) {
    case 'scale': {
      const scale = form
        .addScaleItem()
        .setTitle(item.title[lang])
        .setBounds(item.min ?? 1, item.max ?? 5);
      if (item.low && item.high) scale.setLabels(item.low[lang], item.high[lang]);
      if (help) scale.setHelpText(help);
      if (item.required) scale.setRequired(true);
      return null;
    }
    case 'checkbox': {
      const box = form
        .addCheckboxItem()
        .setTitle(item.title[lang])
        .setChoiceValues((item.choices ?? []).map((c) => c[lang]));
      if (help) box.setHelpText(help);
      if (item.required) box.setRequired(true);
      return null;
    }
    case 'paragraph': {
      const p = form.addParagraphTextItem().setTitle(item.title[lang]);
      if (help) p.setHelpText(help);
      if (item.required) p.setRequired(true);
      return null;
    }
    default: {
      const t = form.addTextItem().setTitle(item.title[lang]);
      if (help) t.setHelpText(help);
      if (item.required) t.setRequired(true);
      return item.field === 'member' ? t : null;
    }
  }
}

/** Builds, publishes and links the form of a definition; returns it with its member code item. */
function buildForm(ss: Spreadsheet, def: SurveyDefinition, lang: Lang): { form: Form; memberItem: unknown } {
  const title = def.title[lang];
  const form = FormApp.create(title);
  // Live: a new form's title reads '' until setTitle() (the Drive file alone takes the name).
  form
    .setTitle(title)
    .setDescription(def.description[lang])
    .setConfirmationMessage(def.confirmation[lang])
    .setCollectEmail(false)
    .setAllowResponseEdits(false)
    // true would require sign-in and forbid script submissions: personal links need false.
    .setLimitOneResponsePerUser(false);
  let memberItem: unknown = null;
  for (const item of def.items) memberItem = addItem(form, item, lang) ?? memberItem;
  // Forms made by a script may start unpublished (SPEC §9): publish, then accept responses.
  // Form.setPublished arrived with the 2025 publishing model (not in @types 2.0.13); a form from an
  // older runtime without it is published already, so its absence is not an error.
  const publishable = form as Form & { setPublished?: (published: boolean) => Form };
  try {
    publishable.setPublished?.(true);
  } catch (_e) {
    // Older runtime: nothing to publish.
  }
  form.setAcceptingResponses(true);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  // Whether the response tab is listed by getSheets() before a flush is not documented
  // (https://developers.google.com/apps-script/reference/forms/form#setdestinationtype,-id;
  // docs/PLATFORM.md): flush so that it is, under either answer.
  SpreadsheetApp.flush();
  return { form, memberItem };
}

/** The pre-filled URL template of a form: one `toPrefilledUrl` call, kept in document properties. */
function storePrefillTemplate(form: Form, memberItem: unknown, surveyId: string): void {
  if (!memberItem) return;
  const item = memberItem as GoogleAppsScript.Forms.TextItem;
  const url = form
    .createResponse()
    .withItemResponse(item.createResponse(MEMBER_PLACEHOLDER))
    .toPrefilledUrl();
  PropertiesService.getDocumentProperties().setProperty(PREFILL_KEY + surveyId, url);
}

export function prefillTemplate(entry: SurveyEntry): string | null {
  const props = PropertiesService.getDocumentProperties();
  const stored = props.getProperty(PREFILL_KEY + entry.surveyId);
  if (stored) return stored;
  // Lost (properties cleared): made again from the form, still one toPrefilledUrl call.
  try {
    const form = FormApp.openById(entry.formId);
    const titles = [MEMBER_ITEM.title.fr, MEMBER_ITEM.title.en];
    const item = form.getItems().find((i) => titles.includes(i.getTitle()));
    if (!item) return null;
    storePrefillTemplate(form, item.asTextItem(), entry.surveyId);
    return props.getProperty(PREFILL_KEY + entry.surveyId);
  } catch (_e) {
    return null;
  }
}

/**
 * One installable spreadsheet form-submit trigger per spreadsheet, checked before installing. Only
 * this spreadsheet's triggers are looked at: getProjectTriggers() lists the user's triggers of the
 * whole project, and an add-on is one project in every document, so another spreadsheet's trigger
 * would be found there. https://developers.google.com/apps-script/reference/script/script-app#getusertriggersspreadsheet
 */
export function ensureTrigger(ss: Spreadsheet): { ok: true } | { ok: false; reason: string } {
  const present = ScriptApp.getUserTriggers(ss).some(
    (t) =>
      t.getHandlerFunction() === SURVEY_HANDLER &&
      String(t.getEventType()) === String(ScriptApp.EventType.ON_FORM_SUBMIT),
  );
  if (present) return { ok: true };
  try {
    ScriptApp.newTrigger(SURVEY_HANDLER).forSpreadsheet(ss).onFormSubmit().create();
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

// -----------------------------------------------------------------------------------------------
// Creating surveys

function eventDateText(day: number, lang: Lang): string {
  const iso = isoOf(day);
  return lang === 'fr' ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
}

/** The hot survey of an event, under the lock the caller holds. */
export function createHotSurveyHeld(
  ctx: ClubContext,
  eventId: string,
  options?: CreateSurveyOptions,
): SurveyResult {
  const id = String(eventId ?? '').trim();
  const event = ctx.club.events.find((e) => e.id === id);
  if (!event) return { ok: false, code: 'unknown_event', message: fill(TEXT.unknownEvent[ctx.lang], { id }) };
  const def = hotSurvey(
    { id: event.id, title: event.title, dateText: eventDateText(event.date, ctx.lang) },
    { anonymous: ctx.settings.anonymousSurveys },
  );
  return createSurvey(ctx, def, options);
}

/** The cold survey of a semester, under the lock the caller holds. */
export function createColdSurveyHeld(
  ctx: ClubContext,
  period: string,
  options?: CreateSurveyOptions,
): SurveyResult {
  const label = String(period ?? '').trim();
  const def = coldSurvey(label, {
    anonymous: ctx.settings.anonymousSurveys,
    ...coldVoiceOptions(ctx.settings),
  });
  if (!def) return { ok: false, code: 'bad_period', message: fill(TEXT.badPeriod[ctx.lang], { id: label }) };
  return createSurvey(ctx, def, options);
}

export function createHotSurvey(eventId: string, options?: CreateSurveyOptions): SurveyResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock<SurveyResult>(
    () => createHotSurveyHeld(loadClub(ss), eventId, options),
    () => busyOf(ss),
  );
}

export function createColdSurvey(period: string, options?: CreateSurveyOptions): SurveyResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock<SurveyResult>(
    () => createColdSurveyHeld(loadClub(ss), period, options),
    () => busyOf(ss),
  );
}

/**
 * Creates the survey's form, or reuses the one already registered under its id. In anonymous mode,
 * a registered form that asks for the member code is reused only with a warning (`signedForm`),
 * or replaced when `options.newAnonymousForm` says so: its answers are taken in, it is closed, and
 * a new anonymous form takes its row of the Surveys tab.
 */
function createSurvey(ctx: ClubContext, def: SurveyDefinition, options?: CreateSurveyOptions): SurveyResult {
  const { ss, lang } = ctx;
  const before = tabsBefore(ss);
  const sheets = ss.getSheets();
  const registry = readRegistry(sheets);
  let entry = registry.entries.find((e) => e.surveyId === def.surveyId);
  const anonymous = ctx.settings.anonymousSurveys;
  let signedForm = entry !== undefined && anonymous && formAsksMemberCode(entry.formId);
  const replaced = signedForm && options?.newAnonymousForm === true ? entry : undefined;
  if (replaced) {
    intake(ss, sheets, [replaced], linkedSheets(sheets), registry);
    closeReplacedForm(replaced.formId);
    PropertiesService.getDocumentProperties().deleteProperty(PREFILL_KEY + replaced.surveyId);
    entry = undefined;
    signedForm = false;
  }
  const created = !entry;
  if (!entry) {
    const { form, memberItem } = buildForm(ss, def, lang);
    const formId = form.getId();
    const responseSheet = linkedSheets(ss.getSheets()).get(formId);
    storePrefillTemplate(form, memberItem, def.surveyId);
    if (anonymous) markCreatedAnonymous(def.surveyId);
    const sheet = registrySheet(ss, registry, lang);
    const row = replaced?.row ?? Math.max(sheet.getLastRow(), 1) + 1;
    if (row > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), row - sheet.getMaxRows());
    entry = {
      row,
      surveyId: def.surveyId,
      kind: def.kind,
      target: def.target,
      publicUrl: form.getPublishedUrl(),
      editUrl: form.getEditUrl(),
      responseTab: responseSheet ? responseSheet.getName() : '',
      createdOn: now(),
      answers: 0,
      formId,
    };
    const line = surveyLine(entry, lang, registry.columns, asText);
    sheet.getRange(row, 1, 1, line.length).setValues([line]);
  }
  if (def.kind === 'hot') writeHotSurveyCell(ctx, def.target, entry.publicUrl);
  // A new response tab (and the Surveys tab) neither comes first nor takes the volunteer's view.
  keepClubTabsInPlace(ss, before);
  const trigger = ensureTrigger(ss);
  const warnings = [
    signedForm ? SIGNED_FORM[lang] : '',
    trigger.ok ? '' : fill(TEXT.triggerFailed[lang], { reason: trigger.reason }),
  ].filter(Boolean);
  return {
    ok: true,
    created,
    survey: summaryOf(entry),
    warning: warnings.length > 0 ? warnings.join(' ') : null,
    signedForm,
  };
}

/** Writes the survey link into the event's `hot_survey` cell (adding the column's header if missing). */
function writeHotSurveyCell(ctx: ClubContext, eventId: string, link: string): void {
  const events = ctx.club.tabs.get('events');
  const event = ctx.club.events.find((e) => e.id === eventId);
  if (!events?.found || !event) return;
  const sheet = ctx.ss.getSheetByName(events.name);
  if (!sheet) return;
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0]!;
  const typed = events.headers.get('hot_survey');
  let column = typed === undefined ? -1 : header.findIndex((h) => String(h).trim() === typed.trim()) + 1;
  if (column <= 0) {
    let last = header.length;
    while (last > 0 && String(header[last - 1]) === '') last--;
    column = last + 1;
    if (column > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), column - sheet.getMaxColumns());
    const label = tabSpec('events').columns.find((c) => c.id === 'hot_survey')!.label[ctx.lang];
    sheet.getRange(1, column).setValue(label);
  }
  const cell = sheet.getRange(event.row, column);
  if (String(cell.getValue()) !== link) cell.setValue(asText(link));
}

/** For the CLI: the form of a survey and its questions by Responses field (answers are then submitted as respondents). */
export function surveyForm(
  surveyId: string,
): { formId: string; items: Array<{ field: string; title: string }> } | null {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const entry = findEntry(ss.getSheets(), surveyId);
  if (!entry) return null;
  const form = FormApp.openById(entry.formId);
  const titles = new Map<string, string>();
  for (const def of [
    coldSurvey('2000-S1', { anonymous: false, ...ALL_VOICE_OPTIONS })!,
    hotSurvey({ id: 'x', title: '', dateText: '' }, { anonymous: false }),
  ]) {
    for (const item of def.items) {
      titles.set(item.title.fr, item.field);
      titles.set(item.title.en, item.field);
    }
  }
  const items: Array<{ field: string; title: string }> = [];
  for (const item of form.getItems()) {
    const title = item.getTitle();
    const field = titles.get(title);
    if (field) items.push({ field, title });
  }
  return { formId: entry.formId, items };
}
