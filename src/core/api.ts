/**
 * The contract between the sidebar and the server (`google.script.run`): the endpoint names and the
 * JSON-only types they take and return. No Date crosses the bridge: dates are ISO strings. The
 * sidebar imports these types only (erased at build); the server implements them in
 * src/gas/endpoints.ts; the local CLI calls the bundle through `BundleApi`.
 */

import type { ChallengesSummary } from './challenge-views';
import type { ReportJson } from './compute';
import type { Highlights } from './highlights';
import type { Lang } from './i18n';
import type { DataIssue } from './issues';
import type { KpiReviewDecision, KpiReviewResult, KpiReviewSaved } from './kpi-review';
import type { Status } from './kpis/types';
import type { MemberExport } from './member-data';
import type { Snapshot } from './network/snapshot';

export type { ChallengesSummary, Highlights, Lang, MemberExport, ReportJson, Snapshot, Status };

/** What the sidebar needs to draw itself. */
export interface SidebarState {
  lang: Lang;
  clubName: string;
  /** Suggested periods, most recent first; the first is the default (last completed semester). */
  periods: Array<{ label: string; text: string }>;
  defaultPeriod: string;
  /** The last refresh, if any, so the sidebar opens on it. */
  last: RefreshSummary | null;
}

export interface RefreshRequest {
  /** Period label (`2026-S1`…); empty = default. */
  period?: string;
  /** `yyyy-MM-dd`, for reproducible local runs; empty = today in the spreadsheet time zone. */
  today?: string;
  /** Also return the full report in SPEC §11's JSON shape (used by the CLI's --json). */
  withReport?: boolean;
}

export interface KpiSummary {
  id: string;
  family: string;
  familyLabel: string;
  label: string;
  /** Formatted in the spreadsheet locale, e.g. `40,0 %`, or `pas de données`. */
  value: string;
  /** Formatted delta with its sign, e.g. `+5,0 pts`; '' without a previous value. */
  delta: string;
  /** Whether the change is good news: 'up' good, 'down' bad, null neutral/unknown. */
  trend: 'good' | 'bad' | 'flat' | null;
  /** The period the delta compares with (the previous one, or a year earlier for yearly KPIs). */
  compared?: string;
  status: Status | null;
  /** The status in words (on target, above the benchmark…); '' without target or benchmark. */
  statusText?: string;
  n: number;
}

/** A data issue as the sidebar lists it: the core's shape, its code a plain string on the wire. */
export interface IssueSummary extends Omit<DataIssue, 'code'> {
  code: string;
}

export interface RefreshSummary {
  /** The period's code (`2026-S1`), its title (« 1er semestre 2026 ») and the period compared with, as
   * it follows « comparée » / "compared with" (« au 2e semestre 2025 », "the second half of 2025"). */
  period: string;
  periodText: string;
  previous: string;
  /** ISO instant of the refresh; the page formats it in the spreadsheet's locale and time zone. */
  refreshedAt: string;
  /** Spreadsheet locale (`fr_FR`) and time zone (`Europe/Paris`). */
  locale?: string;
  timeZone?: string;
  durationMs: number;
  kpis: KpiSummary[];
  /** L'essentiel / Highlights: the big figures and the sentences, already in the club's language. */
  highlights?: Highlights;
  /** Défi du mois / Challenge of the month (issue 17); null when the club keeps no challenge. */
  challenges?: ChallengesSummary | null;
  issueCount: number;
  /** The first 100 issues. */
  issues: IssueSummary[];
}

export type RefreshResult =
  | ({ ok: true; report?: ReportJson } & RefreshSummary)
  | { ok: false; code: 'busy' | 'bad_period' | 'bad_today'; message: string };

export interface Progress {
  step: 'reading' | 'computing' | 'writing' | 'done';
  label: string;
}

export interface SetupResult {
  created: string[];
  existing: string[];
}

/** A registered survey, as the Enquêtes / Surveys tab lists it. */
export interface SurveySummary {
  /** `HOT-<event_id>` or `COLD-<period>`. */
  surveyId: string;
  kind: 'hot' | 'cold';
  /** The event id or the semester. */
  target: string;
  publicUrl: string;
  editUrl: string;
  /** The response tab's name as it is now (found by form URL). */
  responseTab: string;
  answers: number;
}

/** What the sidebar offers: events (those without a survey first) and recent semesters. */
export interface SurveyTargets {
  lang: Lang;
  anonymous: boolean;
  events: Array<{
    eventId: string;
    title: string;
    /** ISO `yyyy-MM-dd`. */
    date: string;
    format: string;
    attendees: number;
    surveyId: string;
    hasSurvey: boolean;
    publicUrl: string;
    /** After the club's today: not yet held, so not the survey to propose first. */
    upcoming?: boolean;
  }>;
  semesters: Array<{ period: string; surveyId: string; hasSurvey: boolean; publicUrl: string }>;
  surveys: SurveySummary[];
}

export type SurveyResult =
  | {
      ok: true;
      /** False when the survey already existed and its form was reused. */
      created: boolean;
      survey: SurveySummary;
      /**
       * Sentences to read: the form asks for the member code although surveys are anonymous, or the
       * answer trigger could not be installed (answers still come in at refresh).
       */
      warning: string | null;
      /** Anonymous mode is on but the reused form asks for the member code: offer a new anonymous form. */
      signedForm?: boolean;
    }
  | { ok: false; code: 'busy' | 'unknown_event' | 'bad_period'; message: string };

export interface CreateSurveyOptions {
  /** Anonymous mode: replace the survey's form that asks for the member code by a new anonymous one. */
  newAnonymousForm?: boolean;
}

export type SurveyLinksResult =
  | {
      ok: true;
      survey: SurveySummary;
      anonymous: boolean;
      /** One link per attendee (hot) or active member (cold); the public link when anonymous. */
      links: Array<{ memberId: string; name: string; email: string; url: string }>;
    }
  | { ok: false; code: 'unknown_survey'; message: string };

export type InvitationResult =
  | {
      ok: true;
      surveyId: string;
      invitations: number;
      reminders: number;
      /** Emails still to send (quota reached): sent by the next run, never twice. */
      pending: number;
      withoutEmail: number;
      quotaLeft: number;
    }
  | { ok: false; code: 'busy' | 'unknown_survey'; message: string };

/** An export file handed to the import (the sidebar reads it as text; the CLI too). */
export interface ImportRequest {
  fileName: string;
  /** The file's text (CSV with `;`, `,` or tab; BOM allowed). */
  text?: string;
  /** Or its cells already split (the CLI's .xlsx reader). */
  rows?: string[][];
  /** Source id (`helloasso_payments`, `eventbrite`…); detected from the headers when empty. */
  source?: string;
  /** Google Forms: column → Responses column id, as confirmed by the user. */
  mapping?: Record<string, string>;
  /** Ticketing and attendee exports: the event, when the file does not say it. */
  event?: { id?: string; title?: string; date?: string };
}

export interface ImportPreview {
  ok: true;
  source: string;
  sourceLabel: string;
  summary: string;
  additions: Array<{ tabName: string; rows: number }>;
  skipped: Array<{ line: number; reason: string }>;
  notes: string[];
  /** Google Forms: the proposed or confirmed mapping. */
  mapping?: { columns: Record<string, string>; confirmed: boolean };
  /** True once written (applyImport). */
  written: boolean;
}

export type ImportResult = ImportPreview | { ok: false; message: string };

/** Issue 22: the anonymous network snapshot of a period (src/core/network/snapshot.ts). */
export interface NetworkSnapshotRequest {
  /** Period label; empty = the default period. */
  period?: string;
  /** `yyyy-MM-dd`; empty = today in the spreadsheet time zone. */
  today?: string;
}

export type NetworkSnapshotResult =
  | { ok: true; snapshot: Snapshot; fileName: string }
  | { ok: false; code: 'busy' | 'bad_period' | 'bad_today'; message: string };

/** The survey endpoints (surveys.ts). */
export interface SurveyServerApi {
  listSurveyTargets(): SurveyTargets;
  createHotSurvey(eventId: string, options?: CreateSurveyOptions): SurveyResult;
  createColdSurvey(period: string, options?: CreateSurveyOptions): SurveyResult;
  surveyLinks(surveyId: string): SurveyLinksResult;
  sendSurveyInvitations(surveyId: string): InvitationResult;
}

/** The members' and funders' editions (issue 19, src/gas/editions.ts). */
export type EditionKind = 'members' | 'funders';

export interface EditionRequest {
  kind: EditionKind;
  /** Period label; empty = the period of the last refresh, else the default. */
  period?: string;
  /** `yyyy-MM-dd`, for reproducible local runs. */
  today?: string;
}

export type EditionResult =
  | { ok: true; kind: EditionKind; period: string; title: string; html: string }
  | { ok: false; code: 'bad_period' | 'bad_today'; message: string };

/** The members' edition by e-mail (issue 19, src/gas/edition-mail.ts): a preview, then a confirmed send. */
export interface EditionMailRequest {
  /** Only say what would be sent (and the token that confirms it); nothing is sent. */
  preview?: boolean;
  /** With `preview`: show the rendered e-mail in a dialog (the sidebar). */
  dialog?: boolean;
  /** The token of the preview the user confirmed (required to send). */
  confirm?: string;
  period?: string;
  today?: string;
}

export type EditionMailResult =
  | {
      ok: true;
      /** False for a preview. */
      sent: boolean;
      period: string;
      subject: string;
      /** Confirms exactly this preview (same e-mail, same recipients). */
      token: string;
      /** Members still to send to (before this call). */
      toSend: number;
      already: number;
      noAddress: number;
      noEmail: number;
      erased: number;
      /** E-mails sent by this call, and those left for the next one. */
      sentNow: number;
      pending: number;
      stopped: 'quota' | 'time' | null;
      quotaLeft: number;
      charts: number;
      /** The plain-text body (the CLI prints it). */
      text: string;
      /** What happened, in the workbook's language. */
      message: string;
    }
  | { ok: false; code: 'bad_period' | 'bad_today' | 'not_confirmed' | 'stale' | 'busy'; message: string };

export interface EditionServerApi {
  showMembersEdition(): EditionResult;
  showFundersEdition(): EditionResult;
  mailMembersEdition(request: EditionMailRequest): EditionMailResult;
}

// A member's data (issue 20): export and erase.

export type MemberExportResult =
  | { ok: true; data: MemberExport }
  | { ok: false; code: 'unknown_member' | 'ambiguous_member'; message: string };

export interface EraseRequest {
  /** The member: ID, e-mail or name. */
  member: string;
  /** Plan only: what would change, nothing written. */
  preview?: boolean;
  /** The member's id, repeated as a confirmation (required to erase). */
  confirm?: string;
}

export type EraseResult =
  | {
      ok: true;
      /** False for a preview and when nothing was left to erase. */
      erased: boolean;
      memberId: string;
      /** What stands for the member from now on: their id, or the pseudonym replacing it. */
      replacement: string;
      /** Cells changed (or to change, for a preview). */
      cells: number;
      /** Already erased: nothing to change. */
      already: boolean;
      /** Cell notes naming them, rewritten or removed (issue 20, legacy places). */
      notes: number;
      /** Formula cells quoting them, replaced by their erased value, as `Tab!B3`. */
      formulas: string[];
    }
  | {
      ok: false;
      code: 'unknown_member' | 'ambiguous_member' | 'not_confirmed' | 'busy';
      message: string;
    };

export interface MemberDataServerApi {
  exportMemberDataOf(member: string): MemberExportResult;
  showMemberExport(member: string): MemberExportResult;
  eraseMember(request: EraseRequest): EraseResult;
  // The renewal season (issue 20): one member's statement as a printable page.
  memberStatementOf(request: MemberStatementRequest): MemberStatementResult;
  showMemberStatement(member: string): MemberStatementResult;
}

export interface MemberStatementRequest {
  /** The member: ID, e-mail or name. */
  member: string;
  /** A period label (`2026`, `FY2026`, `2026-S1`…); default: the term the renewal statements cover. */
  period?: string;
}

export type MemberStatementResult =
  | { ok: true; memberId: string; period: string; html: string }
  | {
      ok: false;
      code: 'unknown_member' | 'ambiguous_member' | 'not_member' | 'bad_period';
      message: string;
    };

/** The endpoints `google.script.run` may call, with their argument and result types. */
export interface ServerApi
  extends SurveyServerApi,
    EditionServerApi,
    AutomationServerApi,
    MemberDataServerApi {
  getSidebarState(): SidebarState;
  refreshKpis(request: RefreshRequest): RefreshResult;
  getRefreshProgress(): Progress | null;
  selectIssueCell(tab: string, row: number | null, column: string | null): boolean;
  setupTrackingTabs(): SetupResult;
  previewImport(request: ImportRequest): ImportResult;
  applyImport(request: ImportRequest): ImportResult;
  networkSnapshot(request: NetworkSnapshotRequest): NetworkSnapshotResult;
  createMembershipForm(): MembershipFormResult;
  /** Issue 18: the KPI review of a period, and saving the board's decision into Settings. */
  getKpiReview(request: { period?: string | null; today?: string }): KpiReviewResult;
  saveKpiReview(decision: KpiReviewDecision): KpiReviewSaved;
}

/** The membership form (issue 17): created once, its link to copy. */
export type MembershipFormResult =
  | {
      ok: true;
      created: boolean;
      publicUrl: string;
      editUrl: string;
      responseTab: string;
      /** The answer trigger could not be installed (test deployments): said in words. */
      warning: string | null;
    }
  | { ok: false; code: 'busy'; message: string };

/** What taking in the membership form's answers did (trigger, refresh, CLI). */
export interface MembershipIntake {
  created: string[];
  filled: string[];
  /** Answers left in the response tab, with their row and reason in the club's language. */
  skipped: Array<{ row: number; reason: string }>;
}

/** For the CLI: a survey's form and its questions by Responses field (see src/local/surveys.ts). */
export interface SurveyForm {
  formId: string;
  items: Array<{ field: string; title: string }>;
}

/** Every endpoint the bundle exposes to local callers: the sidebar's, and the CLI's own. */
export interface BundleApi extends ServerApi {
  surveyForm(surveyId: string): SurveyForm | null;
  editionHtml(request: EditionRequest): EditionResult;
  /** The membership form and its questions by Members column (null before it is created). */
  membershipFormItems(): SurveyForm | null;
  /** Takes in the membership answers not taken in yet (what the trigger and each refresh do). */
  syncMembershipAnswers(): MembershipIntake;
}

// -----------------------------------------------------------------------------------------------
// Automation (issue 17)

/** What the last daily run did (kept in document properties). */
export interface AutomationRun {
  /** ISO instant the run started. */
  startedAt: string;
  /** The club's day of the run, `yyyy-MM-dd`. */
  day: string;
  /** `running` is what a run killed midway leaves behind; `busy`: another run held the lock. */
  outcome: 'done' | 'partial' | 'off' | 'busy' | 'error' | 'running';
  sent: number;
  /** E-mails left for the next run (quota used up, or the run's time spent). */
  pending: number;
  quotaLeft: number | null;
  error: string | null;
  /** Whether SpreadsheetApp.getActiveSpreadsheet() answered in this time-driven run. */
  sawActiveSpreadsheet: boolean | null;
}

export interface AutomationStatus {
  lang: Lang;
  /** Settings `automatisation`. */
  on: boolean;
  since: string | null;
  lastEvent: boolean;
  /** Whether the current user's daily trigger is installed in this document. */
  installedForMe: boolean;
  lastRun: AutomationRun | null;
  /** The last run that failed, if any, and its error. */
  lastError: { day: string; error: string } | null;
  // Issue 20: the owner (who switched it on or took it over; email '' when Google did not give it).
  owner: { email: string; since: string } | null;
  /** The current user is the owner. */
  ownerIsMe: boolean;
  /** The club keeps a « Bureau (e-mails) » list and the owner's address is not in it. */
  ownerOffBoard: boolean;
  /** The last run of a former owner's trigger, which did nothing. */
  ignoredRun: { day: string; email: string } | null;
}

export interface AutomationRequest {
  on: boolean;
  /** Also the last event before today ("also the last event"). */
  lastEvent?: boolean;
}

export type AutomationResult =
  | { ok: true; status: AutomationStatus; warning: string | null }
  | { ok: false; code: 'busy'; message: string };

export interface AutomationServerApi {
  automationStatus(): AutomationStatus;
  setAutomation(request: AutomationRequest): AutomationResult;
  /** « Reprendre l'automatisation »: installs the current user's trigger and records them as owner. */
  takeOverAutomation(): AutomationResult;
}
