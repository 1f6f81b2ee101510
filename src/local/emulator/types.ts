/**
 * Public types of the Apps Script emulator: the options it is created with, the realm whose
 * built-ins make the values handed to the add-on, the service-call counter and the record of what
 * the add-on showed to the user (menus, sidebars, dialogs, toasts, alerts).
 */
import type { WorkbookModel } from '../workbook/model';
import type { PlatformChoices } from './platform';

export interface ServiceCounter {
  /** Method calls on emulated service objects. */
  calls: number;
  /** Calls by `Class.method`, e.g. `Range.getValues`. */
  byMethod: Map<string, number>;
  /** Cells returned by getValue(s) / getDisplayValue(s) / getFormula(s). */
  cellsRead: number;
  /** Cells written by setValue(s) / setFormula(s). */
  cellsWritten: number;
  reset(): void;
}

/** The built-ins of the realm (Node's own or a vm context's) that values handed to the add-on are made with. */
export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
}

export type AuthMode = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';

export interface EmulatorOptions {
  workbook: WorkbookModel;
  /** Default: Node's own built-ins. */
  realm?: Realm;
  /** Default FULL. */
  authMode?: AuthMode;
  /** Session.getActiveUserLocale(); default 'fr'. */
  userLocale?: string;
  /** Session.getActiveUser().getEmail() in FULL mode; default 'user@example.com'. */
  userEmail?: string;
  /** Files for HtmlService.createHtmlOutputFromFile('Sidebar'), by name with or without `.html`. */
  htmlFiles?: Record<string, string>;
  /** Path of the lock file backing LockService.getDocumentLock(); absent = an in-process lock. */
  lockFile?: string;
  /**
   * Folder of the current user's store (installable triggers, see user-store.ts), shared by every
   * workbook opened with it; absent = kept in the workbook.
   */
  userStore?: string;
  /** Answers to what the documentation does not settle (platform.ts); default from CLUB_PULSE_EMULATOR. */
  platform?: Partial<PlatformChoices>;
  /** Clock (epoch ms) for Utilities, caches, toasts; default Date.now. */
  now?: () => number;
  /** MailApp recipients a day (reference §6: 100 for consumer accounts); default 100. */
  mailDailyQuota?: number;
  /** Receives every Logger.log / console.* line (they are also kept in Emulator.logs). */
  log?: (line: string) => void;
}

export interface UiMenuItem {
  kind: 'item' | 'separator' | 'subMenu';
  caption?: string;
  functionName?: string;
  subMenu?: UiMenu;
}

export interface UiMenu {
  caption: string;
  /** True for createAddonMenu() (and for createMenu(), which add-ons turn into the add-on menu). */
  addon: boolean;
  items: UiMenuItem[];
}

export interface UiRecord {
  /** Menus added with addToUi(), in order. */
  menus: UiMenu[];
  sidebars: Array<{ title: string; html: string }>;
  dialogs: Array<{ title: string; html: string; modal: boolean; width: number; height: number }>;
  toasts: Array<{ message: string; title: string; timeoutSeconds: number; at: number }>;
  alerts: Array<{
    title: string;
    prompt: string;
    buttonSet: string;
    answer: string;
    kind: 'alert' | 'prompt';
  }>;
}
