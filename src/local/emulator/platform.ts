/**
 * Behaviours Google's documentation does not settle, as switches of the emulator: one options
 * object, `EmulatorOptions.platform`, also settable for a whole run with the environment variable
 * CLUB_PULSE_EMULATOR=pessimistic (or a comma list of `name=value`). docs/PLATFORM.md lists each
 * behaviour, its status, its switch and the live probe that settles it in a real spreadsheet.
 */

export interface PlatformChoices {
  /**
   * Whether two Lock objects returned by LockService.getDocumentLock() in one execution share
   * state (hasLock() of the second is true while the first holds the lock; releaseLock() of one
   * frees both). https://developers.google.com/apps-script/reference/lock/lock-service#getdocumentlock
   * only says "Gets a lock that prevents any user of the current document from concurrently
   * running a section of code". `false`: each Lock object is its own claim, and asking the second
   * one while the first holds the lock waits its timeout and fails.
   */
  lockObjectsShareState: boolean;
  /**
   * Whether a string `'text` written with setValue(s) to a cell whose number format is `@` (plain
   * text) loses its apostrophe as in any other cell (`true`) or keeps it as part of the text
   * (`false`). https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue
   * and https://developers.google.com/sheets/api/guides/formats#number_format_tokens say nothing
   * of the two together.
   */
  plainTextStripsApostrophe: boolean;
  /**
   * Whether the response tab made by Form.setDestination is listed by Spreadsheet.getSheets() at
   * once (`true`) or only after SpreadsheetApp.flush() (`false`).
   * https://developers.google.com/apps-script/reference/forms/form#setdestinationtype,-id is silent.
   */
  responseTabListedAtOnce: boolean;
  /**
   * Where the response tab made by Form.setDestination goes: after the last tab (`true`) or before
   * the first one (`false`, what people report from the Forms editor's "Link to Sheets").
   * https://developers.google.com/apps-script/reference/forms/form#setdestinationtype,-id is silent.
   */
  responseTabAppended: boolean;
  /**
   * Whether the response tab made by Form.setDestination becomes the spreadsheet's active sheet
   * (`true`), as a tab made by Spreadsheet.insertSheet does
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertsheet), or
   * leaves the active sheet as it was (`false`). The setDestination page is silent.
   */
  responseTabActivated: boolean;
  /**
   * The shape of Sheet.getFormUrl(): the form's edit URL carrying the form id
   * (`https://docs.google.com/forms/d/<id>/edit`, `true`) or its responder URL carrying only the
   * published id (`https://docs.google.com/forms/d/e/<responderId>/viewform`, `false`).
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getformurl only says
   * "Returns the URL for the form that sends its responses to this sheet".
   */
  sheetFormUrlHasFormId: boolean;
  /**
   * Whether Apps Script's V8 has full ICU time zones (`true`) or a fallback where
   * `Intl.DateTimeFormat` only knows UTC and throws a RangeError for any other `timeZone`
   * (`false`). https://developers.google.com/apps-script/guides/v8-runtime does not say which
   * ICU data the runtime carries.
   */
  intlTimeZones: boolean;
  /**
   * The error texts marked UNCONFIRMED in errors.ts and forms.ts: our guess at Google's wording
   * (`true`) or another wording (`false`), so a test proves the add-on never reads them.
   */
  unconfirmedErrorTextsAsGuessed: boolean;
  /**
   * Whether a time-driven trigger of an add-on sees the document it was installed from through
   * SpreadsheetApp.getActiveSpreadsheet() (`true`) or gets null (`false`), the add-on then opening
   * it by id. https://developers.google.com/workspace/add-ons/concepts/editor-triggers says add-on
   * triggers are "per document" but not what a clock run sees;
   * https://developers.google.com/apps-script/guides/triggers/events#time-driven-events lists no
   * `source` for time-driven events.
   */
  timeDrivenSeesActiveSpreadsheet: boolean;
  /**
   * Whether Session.getActiveUser().getEmail() gives the address (`true`) or a blank string
   * (`false`) in a full-authorization run (sidebar, menu, installable trigger) of a user outside
   * the add-on developer's Workspace domain — what a club's board members are.
   * https://developers.google.com/apps-script/reference/base/session#getActiveUser() says the
   * restrictions "generally do not apply if the developer ... belongs to the same Google Workspace
   * domain as the user", and no more.
   */
  activeUserEmailKnown: boolean;
  /**
   * Whether Session.getEffectiveUser().getEmail() gives the address (`true`) or a blank string
   * (`false`): https://developers.google.com/apps-script/reference/base/user#getEmail() gives it
   * only "if available", without saying when it is not for the user whose authority the script
   * runs under (https://developers.google.com/apps-script/reference/base/session#getEffectiveUser()).
   */
  effectiveUserEmailKnown: boolean;
}

/** What the emulator assumed before the switches existed: the kindest readings. */
export const OPTIMISTIC: PlatformChoices = {
  lockObjectsShareState: true,
  plainTextStripsApostrophe: true,
  responseTabListedAtOnce: true,
  responseTabAppended: true,
  responseTabActivated: false,
  sheetFormUrlHasFormId: true,
  intlTimeZones: true,
  unconfirmedErrorTextsAsGuessed: true,
  timeDrivenSeesActiveSpreadsheet: true,
  activeUserEmailKnown: true,
  effectiveUserEmailKnown: true,
};

/** The readings that break the most code. */
export const PESSIMISTIC: PlatformChoices = {
  lockObjectsShareState: false,
  plainTextStripsApostrophe: false,
  responseTabListedAtOnce: false,
  responseTabAppended: false,
  responseTabActivated: true,
  sheetFormUrlHasFormId: false,
  intlTimeZones: false,
  unconfirmedErrorTextsAsGuessed: false,
  timeDrivenSeesActiveSpreadsheet: false,
  activeUserEmailKnown: false,
  effectiveUserEmailKnown: false,
};

const BOOLEAN_KEYS = Object.keys(OPTIMISTIC) as Array<keyof PlatformChoices>;

/** The other wording of an UNCONFIRMED error text (`unconfirmedErrorTextsAsGuessed: false`). */
export function otherWording(text: string): string {
  return `[wording not confirmed] ${text.split('').reverse().join('')}`;
}

/** Parses CLUB_PULSE_EMULATOR: `pessimistic`, `optimistic`, or `name=value,...` over the optimistic set. */
export function platformFromEnv(text: string | undefined = process.env.CLUB_PULSE_EMULATOR): PlatformChoices {
  const spec = (text ?? '').trim();
  if (!spec || spec === 'optimistic') return { ...OPTIMISTIC };
  if (spec === 'pessimistic') return { ...PESSIMISTIC };
  const out: PlatformChoices = { ...OPTIMISTIC };
  for (const part of spec.split(',')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    if (
      !(BOOLEAN_KEYS as readonly string[]).includes(name ?? '') ||
      !['true', 'false'].includes(value ?? '')
    ) {
      throw new Error(`CLUB_PULSE_EMULATOR: unknown switch "${part}" (known: ${BOOLEAN_KEYS.join(', ')}).`);
    }
    out[name as keyof PlatformChoices] = value === 'true';
  }
  return out;
}
