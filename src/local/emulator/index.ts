/**
 * The in-memory Apps Script emulator: createEmulator() builds, over one WorkbookModel, the globals
 * an Apps Script project sees (SpreadsheetApp, HtmlService, PropertiesService, CacheService,
 * LockService, Session, Utilities, Logger, ScriptApp, Charts, console), with a counter of service
 * calls and cells, and a record of the UI the add-on showed. Values handed out are made with the
 * given realm's built-ins (a vm context's, see src/local/runtime.ts, or Node's own by default).
 *
 * FormApp lives in forms.ts (its items, responses and model beside it in form-*.ts), MailApp in mail.ts;
 * `submitFormAsRespondent` (form-respondent.ts) answers a form as a person would and fires the
 * installed form-submit triggers through the handler runner the runtime sets.
 *
 * Not emulated (throw `Not emulated: Class.method`): DriveApp, UrlFetchApp, templates
 * (HtmlService.createTemplateFromFile), rich text, conditional formats, filters, R1C1.
 */
import type { WorkbookModel } from '../workbook/model';
import { ChartsImpl } from './charts-service';
import { ServiceContext } from './context';
import {
  FormAppImpl,
  FormsWorld,
  type RespondentAnswers,
  type RespondentResult,
  respond,
  type TriggerHost,
} from './forms';
import { LockServiceImpl } from './lock';
import { LoggerImpl, makeConsole } from './logger';
import { DEFAULT_MAIL_QUOTA, MailAppImpl, type SentMail } from './mail';
import { platformFromEnv } from './platform';
import { ScriptAppImpl } from './script-app';
import { SessionImpl } from './session-service';
import { SheetsWorld, SpreadsheetAppImpl } from './spreadsheet';
import { CacheServiceImpl, PropertiesServiceImpl } from './stores';
import type { AuthMode, EmulatorOptions, Realm, ServiceCounter, UiRecord } from './types';
import { HtmlServiceImpl, UiImpl } from './ui';
import { UtilitiesImpl } from './utilities';

export type { FormItemModel, FormModel, RespondentAnswers, RespondentResult } from './forms';
export { formsOf, RespondentRefusal } from './forms';
export type { SentMail } from './mail';
export type { AuthMode, EmulatorOptions, Realm, ServiceCounter, UiMenu, UiMenuItem, UiRecord } from './types';

export interface EmulatorGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Charts: GoogleAppsScript.Charts.Charts;
  FormApp: GoogleAppsScript.Forms.FormApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  console: Record<string, (...args: unknown[]) => void>;
}

export interface Emulator {
  globals: EmulatorGlobals & Record<string, unknown>;
  counter: ServiceCounter;
  ui: UiRecord;
  workbook: WorkbookModel;
  /** Logger.log and console lines, in order. */
  logs: string[];
  /** The mode of the next calls (onOpen runs in LIMITED, menu items in FULL…). */
  setAuthMode(mode: AuthMode): void;
  /** The mode of the next calls. */
  authMode(): AuthMode;
  /** Ends one execution: releases the locks it holds. Called by the runtime after each bundle call. */
  endExecution(): void;
  /** Mail sent with MailApp, in order. */
  sentMail: SentMail[];
  /** How installed triggers call the project's functions (set by the runtime that loads the bundle). */
  setTriggerRunner(run: ((name: string, event: unknown) => unknown) | null): void;
  /**
   * Whether the next calls are a time-driven trigger run (platform.ts `timeDrivenSeesActiveSpreadsheet`),
   * and the e-mail of the trigger's creator, under whose account it runs (Session.getEffectiveUser).
   */
  setTimeDriven(on: boolean, runAs?: string): void;
  /** Internal: what submitFormAsRespondent needs. */
  _triggerHost: TriggerHost;
}

/**
 * A person answers the published form `formId` (answers keyed by question title or item id):
 * Google appends the row to the destination sheet, then fires the installed spreadsheet
 * onFormSubmit triggers with `values`, `namedValues` and `range`.
 */
export function submitFormAsRespondent(
  emulator: Emulator,
  formId: string,
  answers: RespondentAnswers,
): RespondentResult {
  return respond(emulator._triggerHost, formId, answers);
}

export function nodeRealm(): Realm {
  return { Date, Array, Object, Error };
}

export function createEmulator(options: EmulatorOptions): Emulator {
  const ctx = new ServiceContext({
    workbook: options.workbook,
    realm: options.realm ?? nodeRealm(),
    authMode: options.authMode ?? 'FULL',
    userLocale: options.userLocale ?? 'fr',
    userEmail: options.userEmail ?? 'user@example.com',
    htmlFiles: options.htmlFiles ?? {},
    lockFile: options.lockFile,
    userStore: options.userStore,
    platform: { ...platformFromEnv(), ...options.platform },
    now: options.now ?? Date.now,
    log: options.log,
  });
  let ui: unknown = null;
  const getUi = (): unknown => {
    ui ??= ctx.wrap('Ui', new UiImpl(ctx));
    return ui;
  };
  const world = new SheetsWorld(ctx, getUi);
  const forms = new FormsWorld(ctx);
  const sentMail: SentMail[] = [];
  const host: TriggerHost = {
    ctx,
    forms,
    runHandler: null,
    range: (sheet, row, column, numRows, numColumns) => world.range(sheet, row, column, numRows, numColumns),
    spreadsheet: () => world.spreadsheet(),
  };
  const globals: EmulatorGlobals = {
    SpreadsheetApp: ctx.wrap('SpreadsheetApp', new SpreadsheetAppImpl(world)),
    HtmlService: ctx.wrap('HtmlService', new HtmlServiceImpl(ctx)),
    PropertiesService: ctx.wrap('PropertiesService', new PropertiesServiceImpl(ctx)),
    CacheService: ctx.wrap('CacheService', new CacheServiceImpl(ctx)),
    LockService: ctx.wrap('LockService', new LockServiceImpl(ctx)),
    Session: ctx.wrap('Session', new SessionImpl(ctx)),
    Utilities: ctx.wrap('Utilities', new UtilitiesImpl(ctx)),
    Logger: ctx.wrap('Logger', new LoggerImpl(ctx)),
    ScriptApp: ctx.wrap('ScriptApp', new ScriptAppImpl(ctx)),
    Charts: ctx.wrap('Charts', new ChartsImpl(ctx)),
    FormApp: ctx.wrap('FormApp', new FormAppImpl(forms)),
    MailApp: ctx.wrap(
      'MailApp',
      new MailAppImpl(ctx, options.mailDailyQuota ?? DEFAULT_MAIL_QUOTA, sentMail),
    ),
    console: makeConsole(ctx),
  };
  return {
    globals: globals as EmulatorGlobals & Record<string, unknown>,
    counter: ctx.counter,
    ui: ctx.ui,
    workbook: ctx.workbook,
    logs: ctx.logs,
    setAuthMode(mode: AuthMode) {
      ctx.authMode = mode;
    },
    authMode: () => ctx.authMode,
    endExecution() {
      ctx.applyPending();
      for (const f of ctx.endOfExecution) f();
    },
    sentMail,
    setTriggerRunner(run) {
      host.runHandler = run;
    },
    setTimeDriven(on: boolean, runAs?: string) {
      ctx.timeDriven = on;
      ctx.runAs = on ? runAs : undefined;
    },
    _triggerHost: host,
  };
}
