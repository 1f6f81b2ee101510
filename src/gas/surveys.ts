/**
 * Hot and cold surveys with Google Forms (SPEC §9): a form built from the core's survey
 * definition, published, sending its answers to this spreadsheet; registered in the Enquêtes /
 * Surveys tab; the event's `hot_survey` cell set to its link; personal pre-filled links (one
 * `toPrefilledUrl` per form, filled per attendee); invitation and reminder emails within the daily
 * mail quota, resumable without sending twice; one installable form-submit trigger; and the intake
 * of answers into the Responses tab, under the document lock and keyed (form, response row), from
 * the trigger and from every Refresh.
 *
 * Where things are kept:
 * - Enquêtes / Surveys tab: one row per form (id, kind, event/semester, links, response tab,
 *   created on, answers, form id). A response tab is found by `Sheet.getFormUrl()`, never by name.
 * - `_ClubPulse_Intake` (hidden): per survey, the response-tab rows already taken in ("2-21,23").
 * - `_ClubPulse_Mail` (hidden): one row per email sent (survey, recipient key, invitation or
 *   reminder, day). In anonymous mode the recipient key is a hash of the address, not a member id.
 * - Document property `clubpulse.prefill.<survey id>`: the pre-filled URL template (short).
 * The only writes to tracking tabs: the Events `hot_survey` cell (and its header when the column is
 * missing) and rows appended to Responses (and the headers of Responses columns it lacks).
 */

import type {
  CreateSurveyOptions,
  InvitationResult,
  SurveyLinksResult,
  SurveyResult,
  SurveySummary,
  SurveyTargets,
} from '../core/api';
import { cellLocaleOf } from '../core/cells';
import { languageOf } from '../core/compute';
import { dayFromIso, isoOf } from '../core/dates';
import { type Lang, langOfLocale } from '../core/i18n';
import { IssueLog } from '../core/issues';
import { buildClub, type Club, isActiveOn, type Member } from '../core/model';
import { normalizeLabel } from '../core/normalize';
import { parsePeriod } from '../core/periods';
import { type RawTab, readTabs } from '../core/read';
import { type TabKey, tabSpec } from '../core/schema';
import { readSettings, type Settings } from '../core/settings';
import { bySurveyOrder } from '../core/survey-order';
import { ALL_VOICE_OPTIONS, coldVoiceOptions } from '../core/survey-voice';
import {
  coldSurvey,
  hotSurvey,
  kindLabel,
  MEMBER_ITEM,
  MEMBER_PLACEHOLDER,
  normalizeAnswer,
  parseSurveyId,
  personalUrl,
  type ResponseRecord,
  SURVEYS_COLUMNS,
  SURVEYS_TAB,
  type SurveyDefinition,
  type SurveyKind,
} from '../core/surveys';
import { now } from './clock';
import { withDocumentLock } from './lock';
import { setValuesKeepingText } from './plain-text';
import { asText, readTrackingTabs, todayIn } from './sheets';
import {
  closeReplacedForm,
  formAsksMemberCode,
  markCreatedAnonymous,
  SIGNED_FORM,
  surveysCreatedAnonymous,
} from './survey-anonymity';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Form = GoogleAppsScript.Forms.Form;

/** The handler of the one installable form-submit trigger. */
export const SURVEY_HANDLER = 'onSurveySubmit';
export const INTAKE_SHEET = '_ClubPulse_Intake';
export const MAIL_SHEET = '_ClubPulse_Mail';
const PREFILL_KEY = 'clubpulse.prefill.';

const TEXT = {
  busy: {
    fr: 'Club Pulse est occupé sur ce classeur (actualisation ou enquête). Réessayez dans une minute.',
    en: 'Club Pulse is busy on this spreadsheet (refresh or survey). Try again in a minute.',
  },
  unknownEvent: {
    fr: 'Événement « {id} » introuvable dans l’onglet Événements.',
    en: 'Event "{id}" not found in the Events tab.',
  },
  badPeriod: {
    fr: 'Semestre « {id} » invalide : écrivez par exemple 2026-S1.',
    en: 'Invalid semester "{id}": write e.g. 2026-S1.',
  },
  unknownSurvey: {
    fr: 'Enquête « {id} » introuvable dans l’onglet Enquêtes.',
    en: 'Survey "{id}" not found in the Surveys tab.',
  },
  triggerFailed: {
    fr: 'Le déclencheur de réception des réponses n’a pas pu être installé ({reason}) : les réponses seront reprises à chaque actualisation.',
    en: 'The answer trigger could not be installed ({reason}): answers will be taken in at each refresh.',
  },
  mail: {
    hot: {
      subject: { fr: 'Votre avis sur « {title} »', en: 'Your feedback on “{title}”' },
      body: {
        fr: 'Bonjour {name},\n\nMerci d’avoir participé à « {title} ». Pourriez-vous nous donner votre avis ? Deux minutes suffisent :\n{url}\n\nMerci !\n{club}',
        en: 'Hello {name},\n\nThank you for coming to “{title}”. Could you give us your feedback? It takes two minutes:\n{url}\n\nThank you!\n{club}',
      },
    },
    cold: {
      subject: {
        fr: 'Baromètre du réseau : votre avis compte',
        en: 'Network barometer: your opinion counts',
      },
      body: {
        fr: 'Bonjour {name},\n\nQue vous apporte le réseau ? Dites-le-nous en cinq minutes :\n{url}\n\nMerci !\n{club}',
        en: 'Hello {name},\n\nWhat does the network bring you? Tell us in five minutes:\n{url}\n\nThank you!\n{club}',
      },
    },
    reminder: { fr: 'Rappel : ', en: 'Reminder: ' },
  },
};

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in values ? values[k]! : whole));
}

// -----------------------------------------------------------------------------------------------
// Reading the club

interface ClubContext {
  ss: Spreadsheet;
  lang: Lang;
  locale: string;
  timeZone: string;
  today: string;
  settings: Settings;
  club: Club;
}

/** Reads the tracking tabs once and builds the club (members, events, attendance, settings). */
function loadClub(ss: Spreadsheet): ClubContext {
  const locale = ss.getSpreadsheetLocale();
  const timeZone = ss.getSpreadsheetTimeZone();
  const today = todayIn(timeZone);
  const raw = readTrackingTabs(ss);
  const { settings, lang, tabs } = parseTabs(raw, locale, timeZone);
  const club = buildClub(tabs, dayFromIso(today)!, new IssueLog(lang));
  return { ss, lang, locale, timeZone, today, settings, club };
}

function parseTabs(raw: RawTab[], locale: string, timeZone: string) {
  const cellLocale = cellLocaleOf(locale, timeZone);
  const scratch = new IssueLog(langOfLocale(locale));
  const first = readTabs(raw, { lang: scratch.lang, locale: cellLocale, fyStartMonth: 1, issues: scratch });
  const draft = readSettings(first.get('settings')!.rows, {
    tab: first.get('settings')!.name,
    locale: cellLocale,
    issues: scratch,
  });
  const lang = languageOf(draft, locale);
  const tabs = readTabs(raw, { lang, locale: cellLocale, fyStartMonth: draft.fyStartMonth, issues: scratch });
  return { settings: draft, lang, tabs };
}

/** Only the Settings tab: for the trigger, which must stay cheap. */
function readSettingsOnly(ss: Spreadsheet, sheets: Sheet[]): { settings: Settings; lang: Lang } {
  const locale = ss.getSpreadsheetLocale();
  const timeZone = ss.getSpreadsheetTimeZone();
  const spec = tabSpec('settings');
  const names = [spec.name.fr, spec.name.en, spec.key].map(normalizeLabel);
  const raw: RawTab[] = [];
  for (const sheet of sheets) {
    const name = sheet.getName();
    if (names.includes(normalizeLabel(name))) {
      raw.push({ name, values: sheet.getDataRange().getValues() });
      break;
    }
  }
  const { settings, lang } = parseTabs(raw, locale, timeZone);
  return { settings, lang };
}

function findTab(sheets: Sheet[], key: TabKey): Sheet | null {
  const spec = tabSpec(key);
  const names = [spec.name.fr, spec.name.en, spec.key].map(normalizeLabel);
  for (const sheet of sheets) if (names.includes(normalizeLabel(sheet.getName()))) return sheet;
  return null;
}

// -----------------------------------------------------------------------------------------------
// The Surveys tab (registry)

interface SurveyEntry {
  /** 1-based sheet row. */
  row: number;
  surveyId: string;
  kind: SurveyKind;
  target: string;
  publicUrl: string;
  editUrl: string;
  responseTab: string;
  createdOn: unknown;
  answers: number;
  formId: string;
}

interface Registry {
  sheet: Sheet | null;
  /** Column id → 0-based index. */
  columns: Map<string, number>;
  entries: SurveyEntry[];
}

function findSurveysSheet(sheets: Sheet[]): Sheet | null {
  const names = [SURVEYS_TAB.fr, SURVEYS_TAB.en].map(normalizeLabel);
  for (const sheet of sheets) if (names.includes(normalizeLabel(sheet.getName()))) return sheet;
  return null;
}

const FORM_ID_IN_URL = /\/forms\/d\/(?!e\/)([-\w]{10,})/;

function formIdOfUrl(url: string): string {
  return FORM_ID_IN_URL.exec(url)?.[1] ?? '';
}

function readRegistry(sheets: Sheet[]): Registry {
  const sheet = findSurveysSheet(sheets);
  const columns = new Map<string, number>();
  if (!sheet) return { sheet, columns, entries: [] };
  const values = sheet.getDataRange().getValues();
  const header = values[0] ?? [];
  header.forEach((h, i) => {
    const key = normalizeLabel(String(h));
    const column = SURVEYS_COLUMNS.find(
      (c) => normalizeLabel(c.label.fr) === key || normalizeLabel(c.label.en) === key || c.id === key,
    );
    if (column && !columns.has(column.id)) columns.set(column.id, i);
  });
  const cell = (row: unknown[], id: string): unknown => {
    const i = columns.get(id);
    return i === undefined ? '' : row[i];
  };
  const entries: SurveyEntry[] = [];
  values.slice(1).forEach((row, i) => {
    const surveyId = String(cell(row, 'survey_id')).trim();
    const parsed = parseSurveyId(surveyId);
    if (!parsed) return;
    const editUrl = String(cell(row, 'edit_url'));
    entries.push({
      row: i + 2,
      surveyId,
      kind: parsed.kind,
      target: parsed.target,
      publicUrl: String(cell(row, 'public_url')),
      editUrl,
      responseTab: String(cell(row, 'response_tab')),
      createdOn: cell(row, 'created_on'),
      answers: Number(cell(row, 'answers')) || 0,
      formId: String(cell(row, 'form_id')).trim() || formIdOfUrl(editUrl),
    });
  });
  return { sheet, columns, entries };
}

function registrySheet(ss: Spreadsheet, registry: Registry, lang: Lang): Sheet {
  if (registry.sheet) return registry.sheet;
  const sheet = ss.insertSheet(SURVEYS_TAB[lang], ss.getSheets().length);
  const header = sheet.getRange(1, 1, 1, SURVEYS_COLUMNS.length);
  header.setValues([SURVEYS_COLUMNS.map((c) => c.label[lang])]);
  header.setFontWeight('bold');
  sheet.setFrozenRows(1);
  registry.sheet = sheet;
  SURVEYS_COLUMNS.forEach((c, i) => {
    registry.columns.set(c.id, i);
  });
  return sheet;
}

function summaryOf(entry: SurveyEntry): SurveySummary {
  return {
    surveyId: entry.surveyId,
    kind: entry.kind,
    target: entry.target,
    publicUrl: entry.publicUrl,
    editUrl: entry.editUrl,
    responseTab: entry.responseTab,
    answers: entry.answers,
  };
}

// -----------------------------------------------------------------------------------------------
// Forms

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
  for (const item of def.items) {
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
        break;
      }
      case 'checkbox': {
        const box = form
          .addCheckboxItem()
          .setTitle(item.title[lang])
          .setChoiceValues((item.choices ?? []).map((c) => c[lang]));
        if (help) box.setHelpText(help);
        if (item.required) box.setRequired(true);
        break;
      }
      case 'paragraph': {
        const p = form.addParagraphTextItem().setTitle(item.title[lang]);
        if (help) p.setHelpText(help);
        if (item.required) p.setRequired(true);
        break;
      }
      default: {
        const t = form.addTextItem().setTitle(item.title[lang]);
        if (help) t.setHelpText(help);
        if (item.required) t.setRequired(true);
        if (item.field === 'member') memberItem = t;
      }
    }
  }
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

/** Response tabs by form id, found by their form URL (never by their localised name). */
function linkedSheets(sheets: Sheet[]): Map<string, Sheet> {
  const out = new Map<string, Sheet>();
  for (const sheet of sheets) {
    const url = sheet.getFormUrl();
    if (!url) continue;
    let id = formIdOfUrl(url);
    if (!id) {
      try {
        id = FormApp.openByUrl(url).getId();
      } catch (_e) {
        continue;
      }
    }
    if (!out.has(id)) out.set(id, sheet);
  }
  return out;
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

function prefillTemplate(entry: SurveyEntry): string | null {
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
function ensureTrigger(ss: Spreadsheet): { ok: true } | { ok: false; reason: string } {
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

function busy(lang: Lang): SurveyResult {
  return { ok: false, code: 'busy', message: TEXT.busy[lang] };
}

function eventDateText(day: number, lang: Lang): string {
  const iso = isoOf(day);
  return lang === 'fr' ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
}

export function createHotSurvey(eventId: string, options?: CreateSurveyOptions): SurveyResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const localeLang = langOfLocale(ss.getSpreadsheetLocale());
  return withDocumentLock(
    () => {
      const ctx = loadClub(ss);
      const id = String(eventId ?? '').trim();
      const event = ctx.club.events.find((e) => e.id === id);
      if (!event)
        return { ok: false, code: 'unknown_event', message: fill(TEXT.unknownEvent[ctx.lang], { id }) };
      const def = hotSurvey(
        { id: event.id, title: event.title, dateText: eventDateText(event.date, ctx.lang) },
        { anonymous: ctx.settings.anonymousSurveys },
      );
      return createSurvey(ctx, def, options);
    },
    () => busy(localeLang),
  );
}

export function createColdSurvey(period: string, options?: CreateSurveyOptions): SurveyResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const localeLang = langOfLocale(ss.getSpreadsheetLocale());
  return withDocumentLock(
    () => {
      const ctx = loadClub(ss);
      const label = String(period ?? '').trim();
      const def = coldSurvey(label, {
        anonymous: ctx.settings.anonymousSurveys,
        ...coldVoiceOptions(ctx.settings),
      });
      if (!def)
        return { ok: false, code: 'bad_period', message: fill(TEXT.badPeriod[ctx.lang], { id: label }) };
      return createSurvey(ctx, def, options);
    },
    () => busy(localeLang),
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
    const values: Record<string, unknown> = {
      survey_id: asText(entry.surveyId),
      kind: kindLabel(entry.kind, lang),
      target: asText(entry.target),
      public_url: asText(entry.publicUrl),
      edit_url: asText(entry.editUrl),
      response_tab: asText(entry.responseTab),
      created_on: entry.createdOn,
      answers: 0,
      form_id: asText(formId),
    };
    const width = Math.max(...registry.columns.values()) + 1;
    const line: unknown[] = Array(width).fill('');
    for (const [id, i] of registry.columns) line[i] = values[id] ?? '';
    sheet.getRange(row, 1, 1, width).setValues([line]);
  }
  if (def.kind === 'hot') writeHotSurveyCell(ctx, def.target, entry.publicUrl);
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

// -----------------------------------------------------------------------------------------------
// Targets and links for the sidebar

export function listSurveyTargets(): SurveyTargets {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ctx = loadClub(ss);
  const registry = readRegistry(ss.getSheets());
  const byId = new Map(registry.entries.map((e) => [e.surveyId, e]));
  const attendees = new Map<string, number>();
  for (const a of ctx.club.attendance)
    if (a.attended) attendees.set(a.event.id, (attendees.get(a.event.id) ?? 0) + 1);
  const events = ctx.club.events
    .map((e) => {
      const survey = byId.get(`HOT-${e.id}`);
      return {
        eventId: e.id,
        title: e.title,
        date: isoOf(e.date),
        format: e.format ?? '',
        attendees: attendees.get(e.id) ?? 0,
        surveyId: `HOT-${e.id}`,
        hasSurvey: Boolean(survey),
        publicUrl: survey?.publicUrl ?? '',
        upcoming: isoOf(e.date) > ctx.today,
      };
    })
    .sort(bySurveyOrder);
  const semesters: SurveyTargets['semesters'] = [];
  const today = dayFromIso(ctx.today)!;
  const year = Number(ctx.today.slice(0, 4));
  const current = Number(ctx.today.slice(5, 7)) <= 6 ? 1 : 2;
  let y = year;
  let s = current;
  for (let i = 0; i < 4; i++) {
    const label = `${y}-S${s}`;
    const survey = byId.get(`COLD-${label}`);
    if (parsePeriod(label) && parsePeriod(label)!.start <= today)
      semesters.push({
        period: label,
        surveyId: `COLD-${label}`,
        hasSurvey: Boolean(survey),
        publicUrl: survey?.publicUrl ?? '',
      });
    if (s === 1) {
      s = 2;
      y--;
    } else s = 1;
  }
  return {
    lang: ctx.lang,
    anonymous: ctx.settings.anonymousSurveys,
    events,
    semesters,
    surveys: registry.entries.map(summaryOf),
  };
}

interface Recipient {
  member: Member;
  /** The key the mail log keeps: the member id, or a hash of the address in anonymous mode. */
  key: string;
}

/** Who is asked: attendees of the event (hot), members active in the semester (cold). */
function recipientsOf(ctx: ClubContext, entry: SurveyEntry): Member[] {
  const seen = new Set<string>();
  const out: Member[] = [];
  if (entry.kind === 'hot') {
    for (const a of ctx.club.attendance) {
      if (a.event.id !== entry.target || a.attended !== true || !a.member || seen.has(a.member.id)) continue;
      seen.add(a.member.id);
      out.push(a.member);
    }
    return out;
  }
  const period = parsePeriod(entry.target);
  if (!period) return out;
  const today = dayFromIso(ctx.today)!;
  const at = Math.min(period.end, today);
  for (const m of ctx.club.members) {
    if (!isActiveOn(m, at) || seen.has(m.id)) continue;
    seen.add(m.id);
    out.push(m);
  }
  return out;
}

function hashOf(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return `h${h.toString(36)}`;
}

function linkFor(entry: SurveyEntry, template: string | null, member: Member, anonymous: boolean): string {
  return anonymous || !template ? entry.publicUrl : personalUrl(template, member.id);
}

export function surveyLinks(surveyId: string): SurveyLinksResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ctx = loadClub(ss);
  const entry = readRegistry(ss.getSheets()).entries.find((e) => e.surveyId === String(surveyId).trim());
  if (!entry)
    return {
      ok: false,
      code: 'unknown_survey',
      message: fill(TEXT.unknownSurvey[ctx.lang], { id: String(surveyId) }),
    };
  const anonymous = ctx.settings.anonymousSurveys;
  const template = anonymous ? null : prefillTemplate(entry);
  return {
    ok: true,
    survey: summaryOf(entry),
    anonymous,
    links: recipientsOf(ctx, entry).map((m) => ({
      memberId: m.id,
      name: `${m.firstName} ${m.lastName}`.trim(),
      email: m.email,
      url: linkFor(entry, template, m, anonymous),
    })),
  };
}

// -----------------------------------------------------------------------------------------------
// Emails

interface MailLog {
  sheet: Sheet | null;
  /** `${surveyId}|${key}|${kind}` → day sent (yyyy-MM-dd). */
  sent: Map<string, string>;
  rows: number;
}

function readMailLog(sheets: Sheet[]): MailLog {
  const sheet = sheets.find((s) => s.getName() === MAIL_SHEET) ?? null;
  const sent = new Map<string, string>();
  if (!sheet) return { sheet, sent, rows: 0 };
  const values = sheet.getDataRange().getValues();
  for (const row of values.slice(1)) {
    if (!row[0]) continue;
    sent.set(`${row[0]}|${row[1]}|${row[2]}`, String(row[3]));
  }
  return { sheet, sent, rows: values.length };
}

export function sendSurveyInvitations(surveyId: string): InvitationResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const localeLang = langOfLocale(ss.getSpreadsheetLocale());
  return withDocumentLock<InvitationResult>(
    () => {
      const ctx = loadClub(ss);
      const { lang } = ctx;
      const sheets = ss.getSheets();
      const entry = readRegistry(sheets).entries.find((e) => e.surveyId === String(surveyId).trim());
      if (!entry)
        return {
          ok: false,
          code: 'unknown_survey',
          message: fill(TEXT.unknownSurvey[lang], { id: String(surveyId) }),
        };
      const anonymous = ctx.settings.anonymousSurveys;
      const template = anonymous ? null : prefillTemplate(entry);
      const log = readMailLog(sheets);
      // Who answered (signed answers only; in anonymous mode nobody is known, so no reminders).
      const answered = new Set<string>();
      if (!anonymous) {
        for (const a of ctx.club.answers)
          if (a.surveyId === entry.surveyId && a.member) answered.add(a.member.id);
      }
      const members = recipientsOf(ctx, entry);
      const withEmail = members.filter((m) => m.email.includes('@'));
      const queue: Array<{ recipient: Recipient; kind: 'invitation' | 'reminder' }> = [];
      for (const member of withEmail) {
        const key = anonymous ? hashOf(member.email.toLowerCase()) : member.id;
        const invited = log.sent.get(`${entry.surveyId}|${key}|invitation`);
        if (!invited) queue.push({ recipient: { member, key }, kind: 'invitation' });
        else if (
          !anonymous &&
          !answered.has(member.id) &&
          invited < ctx.today &&
          !log.sent.has(`${entry.surveyId}|${key}|reminder`)
        )
          queue.push({ recipient: { member, key }, kind: 'reminder' });
      }
      // Invitations before reminders: a first email matters more than a second one.
      queue.sort((a, b) => Number(a.kind === 'reminder') - Number(b.kind === 'reminder'));
      let quota = MailApp.getRemainingDailyQuota();
      const done: unknown[][] = [];
      const event = ctx.club.events.find((e) => e.id === entry.target);
      const title = entry.kind === 'hot' ? event?.title || entry.target : entry.target;
      const texts = TEXT.mail[entry.kind];
      const club = ctx.settings.clubName || ss.getName();
      let stopped = false;
      try {
        for (const { recipient, kind } of queue) {
          if (quota <= 0) break;
          const m = recipient.member;
          const values = {
            name: m.firstName || `${m.firstName} ${m.lastName}`.trim() || m.id,
            title,
            url: linkFor(entry, template, m, anonymous),
            club,
          };
          const subject =
            (kind === 'reminder' ? TEXT.mail.reminder[lang] : '') + fill(texts.subject[lang], values);
          try {
            MailApp.sendEmail(m.email, subject, fill(texts.body[lang], values), { name: club });
          } catch (_e) {
            // Quota reached earlier than announced, or a refused address: stop, resume next run.
            stopped = true;
            break;
          }
          quota--;
          done.push([asText(entry.surveyId), asText(recipient.key), kind, asText(ctx.today)]);
        }
      } finally {
        if (done.length > 0) appendMailLog(ss, log, done);
      }
      const invitations = done.filter((r) => r[2] === 'invitation').length;
      return {
        ok: true,
        surveyId: entry.surveyId,
        invitations,
        reminders: done.length - invitations,
        pending: queue.length - done.length,
        withoutEmail: members.length - withEmail.length,
        quotaLeft: stopped ? 0 : Math.max(0, quota),
      };
    },
    () => ({ ok: false, code: 'busy', message: TEXT.busy[localeLang] }),
  );
}

function appendMailLog(ss: Spreadsheet, log: MailLog, rows: unknown[][]): void {
  let sheet = log.sheet;
  if (!sheet) {
    sheet = ss.insertSheet(MAIL_SHEET, ss.getSheets().length);
    sheet.hideSheet();
    sheet.getRange(1, 1, 1, 4).setValues([['survey_id', 'recipient', 'kind', 'sent_on']]);
    log.rows = 1;
    log.sheet = sheet;
  }
  const start = Math.max(log.rows, 1) + 1;
  const needed = start + rows.length - 1;
  if (needed > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  sheet.getRange(start, 1, rows.length, 4).setValues(rows);
  log.rows = needed;
}

// -----------------------------------------------------------------------------------------------
// Intake of answers

/** "2-5,7" ↔ {2,3,4,5,7}. */
function parseRows(text: string): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)(?:-(\d+))?\s*$/.exec(part);
    if (!m) continue;
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    for (let r = a; r <= b; r++) out.add(r);
  }
  return out;
}

function formatRows(rows: Set<number>): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

interface Ledger {
  sheet: Sheet | null;
  /** survey id → { form id, rows taken in }. */
  bySurvey: Map<string, { formId: string; rows: Set<number> }>;
}

function readLedger(sheets: Sheet[]): Ledger {
  const sheet = sheets.find((s) => s.getName() === INTAKE_SHEET) ?? null;
  const bySurvey: Ledger['bySurvey'] = new Map();
  if (sheet) {
    for (const row of sheet.getDataRange().getValues().slice(1)) {
      const id = String(row[0]).trim();
      if (id) bySurvey.set(id, { formId: String(row[1]), rows: parseRows(String(row[2])) });
    }
  }
  return { sheet, bySurvey };
}

function writeLedger(ss: Spreadsheet, ledger: Ledger): void {
  let sheet = ledger.sheet;
  if (!sheet) {
    sheet = ss.insertSheet(INTAKE_SHEET, ss.getSheets().length);
    sheet.hideSheet();
    ledger.sheet = sheet;
  }
  const grid: unknown[][] = [['survey_id', 'form_id', 'response_rows']];
  for (const [id, { formId, rows }] of ledger.bySurvey)
    grid.push([asText(id), asText(formId), asText(formatRows(rows))]);
  if (grid.length > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  sheet.getRange(1, 1, grid.length, 3).setValues(grid);
}

/** Column id → 0-based index in the Responses header (exact matches of id, labels and aliases). */
function responseColumns(header: unknown[]): Map<string, number> {
  const spec = tabSpec('responses');
  const out = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normalizeLabel(String(h ?? ''));
    if (!key) return;
    const column = spec.columns.find((c) =>
      [c.id, c.label.fr, c.label.en, ...(c.aliases ?? [])].some((s) => normalizeLabel(s) === key),
    );
    if (column && !out.has(column.id)) out.set(column.id, i);
  });
  return out;
}

/** Appends records to the Responses tab in one write (creating the tab or missing columns if needed). */
function appendResponses(ss: Spreadsheet, sheets: Sheet[], records: ResponseRecord[], lang: Lang): void {
  if (records.length === 0) return;
  const spec = tabSpec('responses');
  let sheet = findTab(sheets, 'responses');
  if (!sheet) {
    sheet = ss.insertSheet(spec.name[lang], ss.getSheets().length);
    sheet.getRange(1, 1, 1, spec.columns.length).setValues([spec.columns.map((c) => c.label[lang])]);
    sheet.setFrozenRows(1);
  }
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0]!;
  let width = header.length;
  while (width > 0 && String(header[width - 1]) === '') width--;
  const columns = responseColumns(header.slice(0, width));
  // Columns these answers need and the tab lacks are added at the end, headed in the club's language.
  const needed = spec.columns.filter(
    (c) => !columns.has(c.id) && records.some((r) => (r[c.id] ?? '') !== ''),
  );
  if (needed.length > 0) {
    const start = width + 1;
    const end = width + needed.length;
    if (end > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), end - sheet.getMaxColumns());
    sheet.getRange(1, start, 1, needed.length).setValues([needed.map((c) => c.label[lang])]);
    needed.forEach((c, i) => {
      columns.set(c.id, width + i);
    });
    width = end;
  }
  const first = Math.max(sheet.getLastRow(), 1) + 1;
  const last = first + records.length - 1;
  if (last > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), last - sheet.getMaxRows());
  const grid = records.map((r) => {
    const line: unknown[] = Array(width).fill('');
    for (const [id, i] of columns) {
      const v = r[id];
      if (v === undefined || v === '') continue;
      // Free text is written as text: asText neutralises =, +, -, @ and control-character prefixes.
      line[i] = id === 'submitted_at' && typeof v === 'string' ? v : asText(v);
    }
    return line;
  });
  setValuesKeepingText(sheet.getRange(first, 1, records.length, width), grid);
}

export interface IntakeResult {
  added: number;
}

/**
 * Takes in every answer of the given registered surveys that is not in the ledger yet. Call under
 * the document lock. `linked` maps form ids to their response tabs.
 */
function intake(
  ss: Spreadsheet,
  sheets: Sheet[],
  entries: SurveyEntry[],
  linked: Map<string, Sheet>,
  registry: Registry,
): IntakeResult {
  if (entries.length === 0) return { added: 0 };
  const { settings, lang } = readSettingsOnly(ss, sheets);
  const madeAnonymous = surveysCreatedAnonymous();
  const ledger = readLedger(sheets);
  const records: ResponseRecord[] = [];
  const updates: Array<{ entry: SurveyEntry; tab: string; answers: number }> = [];
  let ledgerChanged = false;
  for (const entry of entries) {
    const sheet = linked.get(entry.formId);
    if (!sheet) continue;
    const values = sheet.getDataRange().getValues();
    const header = values[0] ?? [];
    let seen = ledger.bySurvey.get(entry.surveyId);
    // A survey whose form was replaced (a new anonymous form) starts a new count of rows.
    if (!seen || seen.formId !== entry.formId) {
      seen = { formId: entry.formId, rows: new Set() };
      ledger.bySurvey.set(entry.surveyId, seen);
      ledgerChanged = true;
    }
    let answers = 0;
    for (let r = 1; r < values.length; r++) {
      const record = normalizeAnswer(header, values[r]!, {
        surveyId: entry.surveyId,
        kind: entry.kind,
        eventId: entry.kind === 'hot' ? entry.target : '',
        anonymous: settings.anonymousSurveys || madeAnonymous.has(entry.surveyId),
        lang,
      });
      if (!record) continue;
      answers++;
      if (seen.rows.has(r + 1)) continue;
      seen.rows.add(r + 1);
      records.push(record);
      ledgerChanged = true;
    }
    const tab = sheet.getName();
    if (tab !== entry.responseTab || answers !== entry.answers) updates.push({ entry, tab, answers });
  }
  appendResponses(ss, sheets, records, lang);
  if (ledgerChanged) writeLedger(ss, ledger);
  if (registry.sheet) {
    const tabColumn = registry.columns.get('response_tab');
    const answersColumn = registry.columns.get('answers');
    for (const u of updates) {
      if (tabColumn !== undefined && u.tab !== u.entry.responseTab)
        registry.sheet.getRange(u.entry.row, tabColumn + 1).setValue(asText(u.tab));
      if (answersColumn !== undefined && u.answers !== u.entry.answers)
        registry.sheet.getRange(u.entry.row, answersColumn + 1).setValue(u.answers);
      u.entry.responseTab = u.tab;
      u.entry.answers = u.answers;
    }
  }
  return { added: records.length };
}

/**
 * Every registered response tab re-read; what is missing from Responses is added (called at the
 * start of each Refresh, which already holds the document lock). Never throws: an intake problem
 * must not stop a refresh.
 */
export function syncSurveyResponses(ss: Spreadsheet, lockHeld = false): IntakeResult {
  try {
    return withDocumentLock(
      () => {
        const sheets = ss.getSheets();
        const registry = readRegistry(sheets);
        if (registry.entries.length === 0) return { added: 0 };
        return intake(ss, sheets, registry.entries, linkedSheets(sheets), registry);
      },
      () => ({ added: 0 }),
      lockHeld,
    );
  } catch (e) {
    console.error(`Club Pulse: survey intake failed: ${e instanceof Error ? e.message : String(e)}`);
    return { added: 0 };
  }
}

/** The installable spreadsheet form-submit trigger: takes in the answers of the form that was answered. */
export function onSurveySubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const range = e?.range;
  if (!range) {
    syncSurveyResponses(ss);
    return;
  }
  const answered = range.getSheet();
  const url = answered.getFormUrl();
  if (!url) return;
  withDocumentLock(
    () => {
      const sheets = ss.getSheets();
      const registry = readRegistry(sheets);
      let formId = formIdOfUrl(url);
      if (!formId) formId = FormApp.openByUrl(url).getId();
      const entry = registry.entries.find((x) => x.formId === formId);
      // A form that is not one of ours: nothing to do.
      if (!entry) return null;
      return intake(ss, sheets, [entry], new Map([[formId, answered]]), registry);
    },
    // Busy: the next refresh takes the answer in.
    () => null,
  );
}

/** For the CLI: the form of a survey and its questions by Responses field (answers are then submitted as respondents). */
export function surveyForm(
  surveyId: string,
): { formId: string; items: Array<{ field: string; title: string }> } | null {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const entry = readRegistry(ss.getSheets()).entries.find((e) => e.surveyId === String(surveyId).trim());
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
