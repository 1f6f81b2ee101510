/**
 * "Vérifier l'installation / Check installation": probes, in the real spreadsheet, the platform
 * behaviours Google's documentation does not settle (docs/PLATFORM.md) and the services the
 * granted scopes open, and writes the answers to a report tab a club can send back. The probes
 * work on a temporary hidden tab removed afterwards; nothing a club typed is read or changed. The
 * form probes reuse one diagnostic form, created once and kept by id in document properties
 * (FormApp cannot delete a form: https://developers.google.com/apps-script/reference/forms/form-app).
 * Each observed answer is stored in document properties (`diag.<switch>`).
 */

import { DIAGNOSTIC_HEADER, type DiagnosticRow, diagnosticCells } from '../core/diagnostic-labels';
import { type Lang, langOfLocale } from '../core/i18n';
import { effectiveEmail, ownerOffBoardNotes } from './automation/owner';
import { lastRun } from './automation/status';
import { asText } from './sheets';
import { loadClub } from './surveys/registry';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const FORM_KEY = 'diag.formId';
const PROBE_TAB = '_club_pulse_probe';
export const REPORT_TAB = { fr: 'Diagnostic', en: 'Installation check' };
const EITHER = { fr: "l'un ou l'autre (le module gère les deux)", en: 'either (the add-on handles both)' };

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs `probe`; an exception is reported as observed, never thrown. */
function attempt(probe: () => string): { text: string; failed: boolean } {
  try {
    return { text: probe(), failed: false };
  } catch (e) {
    return { text: message(e), failed: true };
  }
}

function remember(name: string, value: boolean): void {
  PropertiesService.getDocumentProperties().setProperty(`diag.${name}`, String(value));
}

function unsettled(lang: Lang, fr: string, en: string, observed: string, failed: boolean): DiagnosticRow {
  return {
    behaviour: lang === 'fr' ? fr : en,
    expected: EITHER[lang],
    observed,
    verdict: failed ? 'fail' : 'handled',
  };
}

function probePlainText(probe: Sheet, lang: Lang): DiagnosticRow {
  const r = attempt(() => {
    const cell = probe.getRange(1, 1).setNumberFormat('@');
    cell.setValue("'x");
    SpreadsheetApp.flush();
    const strips = cell.getValue() === 'x';
    remember('plainTextStripsApostrophe', strips);
    return strips
      ? lang === 'fr'
        ? 'apostrophe retirée'
        : 'apostrophe stripped'
      : lang === 'fr'
        ? 'apostrophe gardée'
        : 'apostrophe kept';
  });
  return unsettled(
    lang,
    "Cellule au format @ recevant 'texte",
    "Cell formatted @ receiving 'text",
    r.text,
    r.failed,
  );
}

function probeLock(lang: Lang): DiagnosticRow {
  const r = attempt(() => {
    const first = LockService.getDocumentLock();
    if (!first.tryLock(10_000)) return lang === 'fr' ? 'verrou occupé' : 'lock busy';
    try {
      const shared = LockService.getDocumentLock().hasLock();
      remember('lockObjectsShareState', shared);
      return shared
        ? lang === 'fr'
          ? 'état partagé'
          : 'shared state'
        : lang === 'fr'
          ? 'objets distincts'
          : 'separate objects';
    } finally {
      first.releaseLock();
    }
  });
  return unsettled(lang, 'Deux objets Lock du document', 'Two document Lock objects', r.text, r.failed);
}

function probeIntl(ss: Spreadsheet, lang: Lang): DiagnosticRow {
  const zone = ss.getSpreadsheetTimeZone();
  let full = true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).format(new Date(0));
  } catch (_e) {
    full = false;
  }
  remember('intlTimeZones', full);
  const observed = full ? `Intl: ${zone}` : lang === 'fr' ? `Intl refuse ${zone}` : `Intl refuses ${zone}`;
  return unsettled(lang, 'Fuseaux horaires Intl', 'Intl time zones', observed, false);
}

function diagnosticForm(): GoogleAppsScript.Forms.Form {
  const props = PropertiesService.getDocumentProperties();
  const id = props.getProperty(FORM_KEY);
  if (id) {
    try {
      return FormApp.openById(id);
    } catch (_e) {
      // Deleted by hand: make another.
    }
  }
  const form = FormApp.create('Club Pulse – diagnostic');
  props.setProperty(FORM_KEY, form.getId());
  return form;
}

const PLACE = {
  first: { fr: 'en premier', en: 'first' },
  last: { fr: 'en dernier', en: 'last' },
  active: { fr: 'activé', en: 'made active' },
  inactive: { fr: 'non activé', en: 'not made active' },
};

/** Links the diagnostic form to this spreadsheet, reads what Sheets shows, then unlinks and removes its tab. */
function probeForm(ss: Spreadsheet, lang: Lang): DiagnosticRow[] {
  let listed = '';
  let shape = '';
  let place = '';
  let failed = false;
  try {
    const form = diagnosticForm();
    const before = new Set(ss.getSheets().map((s) => s.getSheetId()));
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    const atOnce = ss.getSheets().some((s) => !before.has(s.getSheetId()));
    remember('responseTabListedAtOnce', atOnce);
    listed = atOnce
      ? lang === 'fr'
        ? 'tout de suite'
        : 'at once'
      : lang === 'fr'
        ? 'après flush'
        : 'after flush';
    SpreadsheetApp.flush();
    const sheets = ss.getSheets();
    const tab = sheets.find((s) => !before.has(s.getSheetId()));
    if (tab) {
      const appended = tab.getSheetId() === sheets[sheets.length - 1]!.getSheetId();
      const activated = ss.getActiveSheet().getSheetId() === tab.getSheetId();
      remember('responseTabAppended', appended);
      remember('responseTabActivated', activated);
      place = `${appended ? PLACE.last[lang] : PLACE.first[lang]}, ${activated ? PLACE.active[lang] : PLACE.inactive[lang]}`;
    }
    const url = tab?.getFormUrl() ?? '';
    const hasId = url.includes(`/forms/d/${form.getId()}`);
    remember('sheetFormUrlHasFormId', hasId);
    shape = url.replace(/\/forms\/d\/(e\/)?[-\w]+/, '/forms/d/$1…');
    form.removeDestination();
    if (tab) ss.deleteSheet(tab);
  } catch (e) {
    failed = true;
    listed = message(e);
    shape = listed;
    place = listed;
  }
  return [
    unsettled(
      lang,
      'Onglet de réponses listé après setDestination',
      'Response tab listed after setDestination',
      listed,
      failed,
    ),
    unsettled(lang, "Forme de l'URL du formulaire", 'Shape of the form URL', shape, failed),
    unsettled(lang, "Place de l'onglet de réponses", 'Where the response tab goes', place, failed),
  ];
}

/**
 * Whether a time-driven run of the add-on sees the active spreadsheet (the documentation does not
 * settle it; platform.ts `timeDrivenSeesActiveSpreadsheet`). A menu run cannot be a time-driven
 * run, so the probe reads what the last daily run recorded; either way the add-on opens the
 * spreadsheet by its stored id when it sees none.
 */
function probeTimeDriven(lang: Lang): DiagnosticRow {
  const seen = lastRun()?.sawActiveSpreadsheet ?? null;
  if (seen !== null) remember('timeDrivenSeesActiveSpreadsheet', seen);
  const observed =
    seen === null
      ? lang === 'fr'
        ? 'pas encore de passage quotidien'
        : 'no daily run yet'
      : seen
        ? lang === 'fr'
          ? 'oui, au dernier passage'
          : 'yes, at the last run'
        : lang === 'fr'
          ? 'non : ouvert par son identifiant'
          : 'no: opened by its id';
  return unsettled(
    lang,
    'Classeur actif vu par le passage quotidien',
    'Active spreadsheet seen by the daily run',
    observed,
    false,
  );
}

/**
 * Whether Google gives the user's address (Session.getEffectiveUser; platform.ts
 * `effectiveUserEmailKnown`): the automation's owner is shown by it and checked against the
 * « Bureau (e-mails) » list; without it the owner is known by their trigger only (issue 20).
 */
function probeEffectiveUser(lang: Lang): DiagnosticRow {
  const known = effectiveEmail() !== '';
  remember('effectiveUserEmailKnown', known);
  const observed = known
    ? lang === 'fr'
      ? 'oui'
      : 'yes'
    : lang === 'fr'
      ? 'non : le responsable de l’automatisation est reconnu par son déclencheur'
      : 'no: the automation’s owner is known by their trigger';
  return unsettled(
    lang,
    'Adresse de l’utilisateur donnée par Google',
    'User address given by Google',
    observed,
    false,
  );
}

/**
 * When the automation is on and its owner is no longer in Settings « Bureau (e-mails) » (issue 20),
 * one row saying so: a board member should take it over. Nothing otherwise.
 */
function ownerRows(ss: Spreadsheet, lang: Lang): DiagnosticRow[] {
  try {
    const ctx = loadClub(ss);
    if (!ctx.settings.automation.on) return [];
    const notes = ownerOffBoardNotes(ctx.settings.boardEmails, lang);
    return notes.map((observed) => ({
      behaviour:
        lang === 'fr'
          ? 'Responsable de l’automatisation dans « Bureau (e-mails) »'
          : 'Automation owner in "Board (e-mails)"',
      expected: lang === 'fr' ? 'oui' : 'yes',
      observed,
      verdict: 'fail' as const,
    }));
  } catch (_e) {
    return [];
  }
}

/** Each service the manifest's scopes open, tried once. */
function probeScopes(ss: Spreadsheet, lang: Lang): DiagnosticRow[] {
  const tries: Array<[string, () => unknown]> = [
    ['spreadsheets.currentonly', () => ss.getName()],
    ['forms', () => diagnosticForm().getId()],
    ['script.scriptapp', () => ScriptApp.getUserTriggers(ss).length],
    ['script.send_mail', () => MailApp.getRemainingDailyQuota()],
    ['userinfo.email', () => Session.getEffectiveUser().getEmail()],
  ];
  return tries.map(([scope, run]) => {
    const r = attempt(() => {
      run();
      return lang === 'fr' ? 'accordé' : 'granted';
    });
    return {
      behaviour: `${lang === 'fr' ? 'Autorisation' : 'Scope'} ${scope}`,
      expected: lang === 'fr' ? 'accordé' : 'granted',
      observed: r.text,
      verdict: r.failed ? 'fail' : 'ok',
    };
  });
}

/** Runs every probe on a temporary hidden tab and returns the rows (the CLI's `doctor` prints them). */
export function runDiagnostic(): { lang: Lang; rows: DiagnosticRow[] } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = langOfLocale(ss.getSpreadsheetLocale());
  const stale = ss.getSheetByName(PROBE_TAB);
  if (stale) ss.deleteSheet(stale);
  const probe = ss.insertSheet(PROBE_TAB);
  probe.hideSheet();
  const rows: DiagnosticRow[] = [];
  try {
    rows.push(
      probePlainText(probe, lang),
      probeLock(lang),
      probeIntl(ss, lang),
      ...probeForm(ss, lang),
      probeTimeDriven(lang),
      probeEffectiveUser(lang),
    );
  } finally {
    ss.deleteSheet(probe);
  }
  rows.push(...probeScopes(ss, lang), ...ownerRows(ss, lang));
  return { lang, rows };
}

/** Menu item: runs the probes and writes the report tab (replaced on each run). */
export function checkInstallation(): { lang: Lang; rows: DiagnosticRow[] } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const result = runDiagnostic();
  const { lang, rows } = result;
  const old = ss.getSheetByName(REPORT_TAB[lang]);
  if (old) ss.deleteSheet(old);
  const sheet = ss.insertSheet(REPORT_TAB[lang]);
  const grid = [DIAGNOSTIC_HEADER[lang], ...rows.map((r) => diagnosticCells(r, lang).map(asText))];
  sheet.getRange(1, 1, grid.length, 4).setValues(grid);
  sheet.getRange(1, 1, 1, 4).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return result;
}
