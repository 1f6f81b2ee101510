// A simulated calendar for the daily automation's end-to-end tests (automation.test.ts,
// renewal.test.ts): dates as sheet cells, noon in Paris as the clock, and a replay that fires the
// workbook's daily triggers day by day and collects the e-mails each day sent.
import { dayOf, isoOf, serialOf } from '../../src/core/dates';
import { instantOf } from '../../src/core/timezone';
import { fireDailyTriggers } from '../../src/local/automation';
import type { LoadedBundle } from '../../src/local/runtime';
import type { CellValue, SheetModel, WorkbookModel } from '../../src/local/workbook/model';

export const TZ = 'Europe/Paris';

const ymd = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** A date cell. */
export const d = (iso: string): CellValue => {
  const [y, m, day] = ymd(iso);
  return { serial: serialOf(dayOf(y, m, day)) };
};

/** Noon of a day in Paris, as epoch ms. */
export const noon = (iso: string): number => {
  const [year, month, day] = ymd(iso);
  return instantOf({ year, month, day, hour: 12, minute: 0, second: 0, millisecond: 0 }, TZ);
};

export const addDays = (iso: string, n: number): string => {
  const [y, m, day] = ymd(iso);
  return isoOf(dayOf(y, m, day) + n);
};

export const sheet = (model: WorkbookModel, name: string): SheetModel => {
  const s = model.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

export interface ReplayedMail {
  day: string;
  to: string;
  subject: string;
  body: string;
  html: string;
}

/** Replays every day from `from` to `to` (both included), firing the daily triggers at noon. */
export function replay(
  bundle: LoadedBundle,
  model: WorkbookModel,
  at: { day: string },
  from: string,
  to: string,
  each: (day: string) => void = () => {},
  userStore?: string,
): ReplayedMail[] {
  const mails: ReplayedMail[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    at.day = day;
    each(day);
    const before = bundle.emulator.sentMail.length;
    fireDailyTriggers(bundle, model, noon(day), userStore);
    for (const m of bundle.emulator.sentMail.slice(before))
      mails.push({ day, to: m.to.join(), subject: m.subject, body: m.body, html: m.htmlBody ?? '' });
  }
  return mails;
}
