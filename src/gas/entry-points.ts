/**
 * The one list of what Apps Script calls — triggers, menu items, `google.script.run` endpoints,
 * custom functions — each with its function, its real parameter names and its JSDoc. The rest is
 * derived from it:
 * - main.ts exposes these functions as `App.entries` in the bundle;
 * - build.mjs writes, after the bundle in Code.js, one top-level `function NAME(a, b) { return
 *   App.entries.NAME(a, b); }` stub per entry with its JSDoc (esbuild drops comments, and Sheets
 *   reads `@customfunction` help from the stub), and dist/local/endpoints.json, the names the local
 *   dev server lets the sidebar call (the `endpoint` kind);
 * - the compiler checks the endpoints against the contract of src/core/api.ts (`BundleApi`, which
 *   extends the sidebar's `ServerApi`): a function of the contract missing here, or of another
 *   signature, fails the typecheck (`TableImplementsContract` below).
 *
 * Apps Script finds these functions only as top-level function declarations of the project: the
 * sidebar calls them by name through google.script.run (a name ending in `_` is private and cannot
 * be called), menus and triggers name them, Sheets lists custom functions by their JSDoc.
 * https://developers.google.com/apps-script/guides/html/communication
 * https://developers.google.com/apps-script/reference/base/menu#addItem(String,String)
 * https://developers.google.com/apps-script/reference/script/trigger-builder
 * https://developers.google.com/apps-script/guides/sheets/functions
 */

import type { BundleApi } from '../core/api';
import { automationStatus, onAutomationTick, setAutomation, takeOverAutomation } from './automation';
import {
  CLUB_KPI,
  CLUB_KPIS,
  CLUB_MEMBER_SCORE,
  CLUB_NPS,
  CLUB_PERIOD,
  CLUB_RENEWAL_RATE,
} from './customFunctions';
import { runDiagnostic } from './diagnostic';
import { mailMembersEdition } from './edition-mail';
import { editionHtml, showFundersEdition, showMembersEdition } from './editions';
import { getSidebarState, selectIssueCell } from './endpoints';
import { applyImport, previewImport } from './imports';
import { getKpiReview, saveKpiReview } from './kpi-review';
import {
  eraseMember,
  exportMemberDataOf,
  menuEraseMember,
  menuExportMember,
  showMemberExport,
} from './member-data';
import { memberStatementOf, showMemberStatement } from './member-statement';
import { createMembershipForm, membershipFormItems, syncMembershipAnswers } from './membership';
import {
  menuCheckInstallation,
  menuMembershipForm,
  menuRefresh,
  menuSetupTabs,
  onInstall,
  onOpen,
  showSidebar,
} from './menu';
import { networkSnapshot } from './network';
import { getRefreshProgress, refreshKpis } from './refresh';
import { setupTrackingTabs } from './setup';
import {
  createColdSurvey,
  createHotSurvey,
  listSurveyTargets,
  onSurveySubmit,
  sendSurveyInvitations,
  surveyForm,
  surveyLinks,
} from './surveys';

export type EntryKind = 'trigger' | 'menu' | 'endpoint' | 'custom_function';

export interface EntryPoint {
  // biome-ignore lint/suspicious/noExplicitAny: the table holds functions of every signature.
  run: (...args: any[]) => unknown;
  params: string[];
  /** JSDoc lines, without the comment markers. */
  doc: string[];
  kind: EntryKind;
}

export const ENTRY_POINTS = {
  onOpen: {
    run: onOpen,
    params: ['e'],
    kind: 'trigger',
    doc: ['Builds the Club Pulse menu (runs in AuthMode.NONE too).', '@param {Object} e the open event'],
  },
  onInstall: {
    run: onInstall,
    params: ['e'],
    kind: 'trigger',
    doc: ['Runs onOpen after installation.', '@param {Object} e the install event'],
  },
  showSidebar: {
    run: showSidebar,
    params: [],
    kind: 'menu',
    doc: ['Opens the Club Pulse sidebar.'],
  },
  menuRefresh: {
    run: menuRefresh,
    params: [],
    kind: 'menu',
    doc: ['Menu item: refresh the KPIs and the dashboard.'],
  },
  menuSetupTabs: {
    run: menuSetupTabs,
    params: [],
    kind: 'menu',
    doc: ['Menu item: create the missing tracking tabs.'],
  },
  menuCheckInstallation: {
    run: menuCheckInstallation,
    params: [],
    kind: 'menu',
    doc: ['Menu item: probe the platform and the granted scopes, and write the report tab.'],
  },
  runDiagnostic: {
    run: runDiagnostic,
    params: [],
    kind: 'endpoint',
    doc: ['The installation probes, as rows (used by the CLI command doctor).'],
  },
  getSidebarState: {
    run: getSidebarState,
    params: [],
    kind: 'endpoint',
    doc: ['Sidebar: initial state (JSON).'],
  },
  refreshKpis: {
    run: refreshKpis,
    params: ['request'],
    kind: 'endpoint',
    doc: ['Sidebar: refresh the KPIs.', '@param {Object} request {period, today}'],
  },
  getRefreshProgress: {
    run: getRefreshProgress,
    params: [],
    kind: 'endpoint',
    doc: ['Sidebar: progress of the running refresh.'],
  },
  selectIssueCell: {
    run: selectIssueCell,
    params: ['tab', 'row', 'column'],
    kind: 'endpoint',
    doc: [
      'Sidebar: select the cell of a data issue.',
      '@param {string} tab',
      '@param {number} row',
      '@param {string} column',
    ],
  },
  setupTrackingTabs: {
    run: setupTrackingTabs,
    params: [],
    kind: 'endpoint',
    doc: ['Sidebar: create the missing tracking tabs.'],
  },
  previewImport: {
    run: previewImport,
    params: ['request'],
    kind: 'endpoint',
    doc: [
      'Sidebar and CLI: what importing an export file would add and skip.',
      '@param {Object} request {fileName, text, source, mapping, event}',
    ],
  },
  applyImport: {
    run: applyImport,
    params: ['request'],
    kind: 'endpoint',
    doc: [
      'Sidebar and CLI: import an export file into the tracking tabs.',
      '@param {Object} request {fileName, text, source, mapping, event}',
    ],
  },
  onSurveySubmit: {
    run: onSurveySubmit,
    params: ['e'],
    kind: 'trigger',
    doc: [
      'Installable spreadsheet form-submit trigger: takes a survey answer into the Responses tab.',
      '@param {Object} e the form-submit event (values, namedValues, range)',
    ],
  },
  listSurveyTargets: {
    run: listSurveyTargets,
    params: [],
    kind: 'endpoint',
    doc: ['Sidebar: events and semesters a survey can be made for, and the registered surveys.'],
  },
  createHotSurvey: {
    run: createHotSurvey,
    params: ['eventId', 'options'],
    kind: 'endpoint',
    doc: [
      'Sidebar: create (or reuse) the hot survey of an event.',
      '@param {string} eventId',
      '@param {Object=} options {newAnonymousForm: true} replaces a form asking for the member code',
    ],
  },
  createColdSurvey: {
    run: createColdSurvey,
    params: ['period', 'options'],
    kind: 'endpoint',
    doc: [
      'Sidebar: create (or reuse) the cold survey of a semester.',
      '@param {string} period e.g. 2026-S1',
      '@param {Object=} options {newAnonymousForm: true} replaces a form asking for the member code',
    ],
  },
  surveyLinks: {
    run: surveyLinks,
    params: ['surveyId'],
    kind: 'endpoint',
    doc: ['Sidebar: the personal (pre-filled) links of a survey.', '@param {string} surveyId'],
  },
  sendSurveyInvitations: {
    run: sendSurveyInvitations,
    params: ['surveyId'],
    kind: 'endpoint',
    doc: [
      'Sidebar: email invitations and reminders within the daily mail quota (resumable).',
      '@param {string} surveyId',
    ],
  },
  surveyForm: {
    run: surveyForm,
    params: ['surveyId'],
    kind: 'endpoint',
    doc: [
      'Local CLI: the form id of a survey and its questions by Responses field.',
      '@param {string} surveyId',
    ],
  },
  showMembersEdition: {
    run: showMembersEdition,
    params: [],
    kind: 'endpoint',
    doc: ["Menu and sidebar: the members' edition in a print dialog."],
  },
  showFundersEdition: {
    run: showFundersEdition,
    params: [],
    kind: 'endpoint',
    doc: ["Menu and sidebar: the funders' edition in a print dialog."],
  },
  mailMembersEdition: {
    run: mailMembersEdition,
    params: ['request'],
    kind: 'endpoint',
    doc: [
      "Sidebar and CLI: the members' edition by e-mail, previewed, then sent once per member on confirmation.",
      '@param {Object} request {preview, dialog, confirm, period, today}',
    ],
  },
  editionHtml: {
    run: editionHtml,
    params: ['request'],
    kind: 'endpoint',
    doc: [
      "Local CLI: the members' or funders' edition as an HTML page.",
      '@param {Object} request {kind, period, today}',
    ],
  },
  networkSnapshot: {
    run: networkSnapshot,
    params: ['request'],
    kind: 'endpoint',
    doc: [
      'Sidebar and CLI: the anonymous network snapshot of a period (issue 22).',
      '@param {Object} request {period, today}',
    ],
  },
  onAutomationTick: {
    run: onAutomationTick,
    params: ['e'],
    kind: 'trigger',
    doc: [
      'Installable daily time-driven trigger: the automation (surveys after events, each semester, nudges).',
      '@param {Object} e the time-driven event (triggerUid)',
    ],
  },
  automationStatus: {
    run: automationStatus,
    params: [],
    kind: 'endpoint',
    doc: ['Sidebar: the automation switch, its trigger, the last run and the last error.'],
  },
  setAutomation: {
    run: setAutomation,
    params: ['request'],
    kind: 'endpoint',
    doc: [
      "Sidebar, menu and CLI: switch the automation on or off (installs or removes this user's daily trigger).",
      '@param {Object} request {on, lastEvent}',
    ],
  },
  takeOverAutomation: {
    run: takeOverAutomation,
    params: [],
    kind: 'endpoint',
    doc: [
      "Sidebar: take over the automation (installs this user's daily trigger, records them as its owner).",
    ],
  },
  menuMembershipForm: {
    run: menuMembershipForm,
    params: [],
    kind: 'menu',
    doc: ['Menu item: create the membership form (or show its link).'],
  },
  createMembershipForm: {
    run: createMembershipForm,
    params: [],
    kind: 'endpoint',
    doc: ['Sidebar: create the membership form (or find it) and return its link.'],
  },
  membershipFormItems: {
    run: membershipFormItems,
    params: [],
    kind: 'endpoint',
    doc: ['Local CLI: the membership form id and its questions by Members column.'],
  },
  syncMembershipAnswers: {
    run: syncMembershipAnswers,
    params: [],
    kind: 'endpoint',
    doc: ['Local CLI: take in the membership answers not taken in yet.'],
  },
  getKpiReview: {
    run: getKpiReview,
    params: ['request'],
    kind: 'endpoint',
    doc: ['Sidebar: the KPI review of a period (every KPI, on or off).', '@param {Object} request {period}'],
  },
  saveKpiReview: {
    run: saveKpiReview,
    params: ['decision'],
    kind: 'endpoint',
    doc: [
      'Sidebar: save the KPI review into Settings (enabled_kpis, targets, last_kpi_review).',
      '@param {Object} decision {period, enabled, targets}',
    ],
  },
  menuExportMember: {
    run: menuExportMember,
    params: [],
    kind: 'menu',
    doc: ["Menu item: export a member's data (printable page and JSON)."],
  },
  menuEraseMember: {
    run: menuEraseMember,
    params: [],
    kind: 'menu',
    doc: ["Menu item: erase a member's personal data, after a confirmation."],
  },
  exportMemberDataOf: {
    run: exportMemberDataOf,
    params: ['member'],
    kind: 'endpoint',
    doc: ['Sidebar and CLI: every row naming a member, as JSON.', '@param {string} member ID, email or name'],
  },
  showMemberExport: {
    run: showMemberExport,
    params: ['member'],
    kind: 'endpoint',
    doc: ["Sidebar: a member's data in a printable dialog.", '@param {string} member ID, email or name'],
  },
  eraseMember: {
    run: eraseMember,
    params: ['request'],
    kind: 'endpoint',
    doc: [
      "Sidebar and CLI: erase a member's personal data.",
      '@param {Object} request {member, preview, confirm}',
    ],
  },
  // The renewal season (issue 20): one member's statement as a printable page.
  memberStatementOf: {
    run: memberStatementOf,
    params: ['request'],
    kind: 'endpoint',
    doc: [
      "Local CLI: one member's statement as a printable page (HTML).",
      '@param {Object} request {member, period}',
    ],
  },
  showMemberStatement: {
    run: showMemberStatement,
    params: ['member'],
    kind: 'endpoint',
    doc: [
      "Sidebar: one member's statement in a printable dialog.",
      '@param {string} member ID, email or name',
    ],
  },
  CLUB_KPI: {
    run: CLUB_KPI,
    params: ['kpi_id', 'period', 'stamp'],
    kind: 'custom_function',
    doc: [
      "Valeur d'un indicateur du club / The value of one club KPI.",
      '@param {string} kpi_id Identifiant du KPI (ex. "nps", "participation_rate") / KPI id.',
      '@param {string} period Période (ex. "2026-S1") ; vide = dernière actualisation / Period; empty = last refresh.',
      '@param {Date} stamp Cellule ClubPulse_LastRefresh, pour recalculer après chaque actualisation / Pass ClubPulse_LastRefresh to recalculate after each refresh.',
      '@return La valeur du KPI / The KPI value.',
      '@customfunction',
    ],
  },
  CLUB_KPIS: {
    run: CLUB_KPIS,
    params: ['period', 'stamp'],
    kind: 'custom_function',
    doc: [
      'Tableau de tous les indicateurs / The table of every KPI.',
      '@param {string} period Période (ex. "2026-S1") ; vide = dernière actualisation / Period; empty = last refresh.',
      '@param {Date} stamp Cellule ClubPulse_LastRefresh / Pass ClubPulse_LastRefresh to recalculate after each refresh.',
      '@return Le tableau des KPI / The KPI table.',
      '@customfunction',
    ],
  },
  CLUB_NPS: {
    run: CLUB_NPS,
    params: ['scores'],
    kind: 'custom_function',
    doc: [
      'Net Promoter Score de notes de 0 à 10 / Net Promoter Score of 0–10 answers.',
      '@param {number[]} scores Plage de notes 0–10 / Range of 0–10 scores.',
      '@return Le NPS, de -100 à +100 / The NPS, from -100 to +100.',
      '@customfunction',
    ],
  },
  CLUB_PERIOD: {
    run: CLUB_PERIOD,
    params: ['date', 'granularity'],
    kind: 'custom_function',
    doc: [
      "Libellé de la période d'une date / The period label of a date.",
      '@param {Date} date La date / The date.',
      '@param {string} granularity mois, trimestre, semestre (défaut), année, exercice / month, quarter, semester (default), year, fy.',
      '@return Le libellé, ex. "2026-S1" / The label, e.g. "2026-S1".',
      '@customfunction',
    ],
  },
  CLUB_MEMBER_SCORE: {
    run: CLUB_MEMBER_SCORE,
    params: ['member', 'period', 'stamp'],
    kind: 'custom_function',
    doc: [
      "Score d'activité d'un membre, sur 100 / A member's activity score, out of 100.",
      '@param {string} member ID membre, e-mail ou nom / Member ID, email or name.',
      '@param {string} period Période (ex. "2026-S1") ; vide = dernière actualisation / Period; empty = last refresh.',
      '@param {Date} stamp Cellule ClubPulse_LastRefresh, pour recalculer après chaque actualisation / Pass ClubPulse_LastRefresh to recalculate after each refresh.',
      '@return Le score de 0 à 100 / The score from 0 to 100.',
      '@customfunction',
    ],
  },
  CLUB_RENEWAL_RATE: {
    run: CLUB_RENEWAL_RATE,
    params: ['previous_ids', 'current_ids'],
    kind: 'custom_function',
    doc: [
      'Taux de renouvellement entre deux listes de membres / Renewal rate between two member lists.',
      "@param {string[]} previous_ids IDs des membres de l'exercice précédent / Member IDs of the previous term.",
      "@param {string[]} current_ids IDs des membres de l'exercice en cours / Member IDs of the current term.",
      '@return La part des membres précédents encore présents, ex. 0,75 / The share of previous members still there, e.g. 0.75.',
      '@customfunction',
    ],
  },
} satisfies Record<string, EntryPoint>;

type Table = typeof ENTRY_POINTS;

/** The entries of a kind, as functions by name. */
type FunctionsOf<Kind extends EntryKind> = {
  [K in keyof Table as Table[K]['kind'] extends Kind ? K : never]: Table[K]['run'];
};

type Implements<Api, T extends Api> = T;

/** Fails the typecheck unless the table's endpoints implement the contract of src/core/api.ts. */
export type TableImplementsContract = Implements<BundleApi, FunctionsOf<'endpoint'>>;

/** Every entry's function by name: the `App.entries` of the bundle (main.ts). */
export function entryFunctions(): { [K in keyof Table]: Table[K]['run'] } {
  const out: Record<string, EntryPoint['run']> = {};
  for (const [name, entry] of Object.entries(ENTRY_POINTS)) out[name] = entry.run;
  return out as { [K in keyof Table]: Table[K]['run'] };
}
