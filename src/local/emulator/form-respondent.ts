/**
 * The respondent side of a form that Apps Script does not have (Google's own submit page):
 * `respond` answers like a person on the published form: the row is appended to the destination
 * sheet as Google does, then every installed spreadsheet onFormSubmit trigger of that spreadsheet
 * is fired with `values`, `namedValues` and `range`, made with the realm's built-ins.
 */

import type { SheetModel } from '../workbook/model';
import { displayText, localeRules } from './cells';
import type { ServiceContext } from './context';
import { checkValue } from './form-items';
import { recordResponse } from './form-responses';
import type { FormsWorld } from './forms';

/**
 * An answer the form page refuses: the message is the form's own (English, as Google words it); `kind`
 * and `question` let a caller say it in the club's language.
 */
export class RespondentRefusal extends Error {
  constructor(
    message: string,
    readonly kind: 'invalid' | 'required',
    readonly question: string,
  ) {
    super(message);
  }
}

/** Answers keyed by item title (or by item id as a string); arrays for checkbox items. */
export type RespondentAnswers = Record<string, string | number | string[]>;

export interface RespondentResult {
  /** The destination sheet's row, or null without destination. */
  row: number | null;
  sheetName: string | null;
  /** Handlers that ran, in order. */
  fired: string[];
  /** Handlers that threw (the answer is kept all the same). */
  failed: Array<{ handler: string; message: string }>;
}

/** What the emulator needs to fire triggers: set by the runtime that loaded the bundle. */
export interface TriggerHost {
  ctx: ServiceContext;
  forms: FormsWorld;
  /** Calls a top-level function of the loaded project; null when nothing is loaded. */
  runHandler: ((name: string, event: unknown) => unknown) | null;
  /** A Range service object over a sheet of the spreadsheet. */
  range(sheet: SheetModel, row: number, column: number, numRows: number, numColumns: number): unknown;
  spreadsheet(): unknown;
}

/**
 * A person answers the published form: the answers are checked as the form page checks them
 * (required items, scale bounds, choices), the row is appended to the destination sheet, then
 * every installed spreadsheet onFormSubmit trigger of the destination fires with `authMode`,
 * `namedValues`, `range`, `source`, `triggerUid` and `values` (strings as displayed, sheet column
 * order, timestamp first). Throws a plain Error for a form that is not published, not accepting
 * responses, or an answer the form refuses.
 */
export function respond(host: TriggerHost, formId: string, answers: RespondentAnswers): RespondentResult {
  const { ctx, forms } = host;
  const form = forms.byId(formId);
  if (!form) throw new Error(`No form ${formId}.`);
  if (!form.published) throw new Error(`The form "${form.title}" is not published: nobody can answer it.`);
  if (!form.acceptingResponses) throw new Error(`The form "${form.title}" is not accepting responses.`);
  const values = new Map<number, string | string[]>();
  for (const [key, value] of Object.entries(answers)) {
    const item = form.items.find((i) => i.title === key || String(i.id) === key);
    if (!item) throw new Error(`The form "${form.title}" has no question "${key}".`);
    if (value === '' || (Array.isArray(value) && value.length === 0)) continue;
    try {
      values.set(item.id, checkValue(ctx, item, value));
    } catch (e) {
      throw new RespondentRefusal((e as Error).message, 'invalid', item.title);
    }
  }
  for (const item of form.items) {
    if (item.required && !values.has(item.id))
      throw new RespondentRefusal(`The question "${item.title}" is required.`, 'required', item.title);
  }
  recordResponse(forms, form, values);
  const sheet = forms.destinationSheet(form);
  const result: RespondentResult = { row: null, sheetName: sheet?.name ?? null, fired: [], failed: [] };
  if (!sheet || form.destinationId === null) return result;
  let row = sheet.values.length;
  while (row > 0 && !(sheet.values[row - 1] ?? []).some((v) => v !== '')) row--;
  result.row = row;
  const triggers = ctx
    .triggers()
    .list()
    .filter(
      (t) =>
        t.eventType === 'ON_FORM_SUBMIT' &&
        t.triggerSource === 'SPREADSHEETS' &&
        t.triggerSourceId === form.destinationId,
    );
  if (triggers.length === 0 || !host.runHandler) return result;
  const rules = localeRules(ctx.workbook.meta.locale);
  const header = sheet.values[0] ?? [];
  const cells = sheet.values[row - 1] ?? [];
  const width = Math.max(header.length, cells.length);
  const shown: string[] = [];
  for (let c = 0; c < width; c++) {
    const v = cells[c] ?? '';
    shown.push(displayText(v, sheet.numberFormats.get(`${row - 1},${c}`), rules));
  }
  for (const t of triggers) {
    const namedValues = new ctx.realm.Object() as Record<string, string[]>;
    for (let c = 0; c < width; c++) {
      const title = String(header[c] ?? '');
      if (title) namedValues[title] = ctx.array([shown[c]!]);
    }
    const event = ctx.object({
      authMode: 'FULL',
      namedValues,
      range: host.range(sheet, row, 1, 1, width),
      source: host.spreadsheet(),
      triggerUid: t.uniqueId,
      values: ctx.array(shown),
    });
    const previous = ctx.authMode;
    ctx.authMode = 'FULL';
    try {
      host.runHandler(t.handlerFunction, event);
      result.fired.push(t.handlerFunction);
    } catch (e) {
      // A failing trigger does not undo the answer: Google keeps the row and logs the failure.
      result.failed.push({ handler: t.handlerFunction, message: e instanceof Error ? e.message : String(e) });
      ctx.log(`ERROR: trigger ${t.handlerFunction} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      ctx.authMode = previous;
    }
  }
  return result;
}
