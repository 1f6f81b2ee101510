/**
 * What every source mapper shares: finding an export's columns by their header (trimmed, case,
 * accents and punctuation ignored — HelloAsso headers carry trailing spaces), the import context,
 * matching or creating members, and finding or creating the event a ticketing export is about.
 */

import { normalizeLabel, normalizeName } from '../normalize';
import type { PlanBuilder } from './builder';
import type { Existing } from './existing';
import { say } from './messages';
import type { ImportInput } from './types';
import { fileLocale, readIsoDate } from './values';

/** An export's header, looked up by normalised label. */
export class Columns {
  private readonly byKey = new Map<string, number>();

  constructor(readonly header: string[]) {
    header.forEach((label, index) => {
      const key = normalizeLabel(label);
      if (key && !this.byKey.has(key)) this.byKey.set(key, index);
    });
  }

  /** The index of the first of `labels` present, else -1. */
  index(...labels: string[]): number {
    for (const label of labels) {
      const i = this.byKey.get(normalizeLabel(label));
      if (i !== undefined) return i;
    }
    return -1;
  }

  has(...labels: string[]): boolean {
    return this.index(...labels) >= 0;
  }

  /** The trimmed cell of the first of `labels` present ('' when absent). */
  get(row: string[], ...labels: string[]): string {
    const i = this.index(...labels);
    return i < 0 ? '' : (row[i] ?? '').trim();
  }

  /** The labels among `labels` that are missing. */
  missing(labels: string[]): string[] {
    return labels.filter((l) => !this.has(l));
  }
}

export interface Context {
  input: ImportInput;
  builder: PlanBuilder;
  existing: Existing;
  timeZone: string;
}

export interface Person {
  email: string;
  firstName: string;
  lastName: string;
  company?: string;
  phone?: string;
}

export const fullName = (p: Person): string => `${p.firstName} ${p.lastName}`.replace(/\s+/g, ' ').trim();

/** How a person is written in Attendance: member ID when known, else email, else name. */
export function attendeeRef(ctx: Context, p: Person): string {
  const found = ctx.existing.members.find(p.email, p.firstName, p.lastName);
  if ('id' in found) return found.id;
  return p.email.trim() || fullName(p);
}

export type MemberOutcome = { id: string; created: boolean } | { ambiguous: true } | { none: true };

/**
 * The member a person is (by email, else by name), created in Members when `joinedOn` is given and
 * the workbook does not know them — only sources that say the person is a member pass it.
 */
export function ensureMember(ctx: Context, p: Person, joinedOn: string | null, ref: string): MemberOutcome {
  const found = ctx.existing.members.find(p.email, p.firstName, p.lastName);
  if ('id' in found) return { id: found.id, created: false };
  if ('ambiguous' in found) return found;
  if (joinedOn === null || (!p.email.trim() && !fullName(p))) return { none: true };
  const id = ctx.existing.members.nextId();
  const outcome = ctx.builder.add(
    'members',
    {
      member_id: id,
      first_name: p.firstName.trim(),
      last_name: p.lastName.trim(),
      email: p.email.trim(),
      company: p.company?.trim() ?? '',
      joined_on: joinedOn,
      phone: p.phone?.trim() ?? '',
    },
    ref,
  );
  if (!outcome.added) return { none: true };
  ctx.existing.members.add({ id, email: p.email, firstName: p.firstName, lastName: p.lastName });
  return { id, created: true };
}

/** `Course Parents - Enfants` → `course-parents-enfants` (at most 40 characters). */
export function slug(text: string): string {
  return normalizeName(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/**
 * The event's title from an export's file name: extension, `export-`/`HelloAsso.` prefixes and
 * the trailing export date range (`-04_05_2024-09_05_2024`) removed.
 */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]+$/, '');
  return base
    .replace(/^(?:HelloAsso\.|export[-_](?:billetterie[-_]|evenement[-_]|participants[-_])?)/i, '')
    .replace(/([-_ ]\d{1,2}[-_]\d{1,2}[-_]\d{4}){1,2}$/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
}

/**
 * The event a ticketing or attendee export is about: the one the user named (`input.event`), else
 * an existing event of the same title, else a new Events row `<prefix>-<slug of title>` dated on
 * the user's date or else on `fallbackDate` (the last order: reported in the notes).
 */
export function ensureEvent(
  ctx: Context,
  source: string,
  prefix: string,
  fileTitle: string,
  fallbackDate: string | null,
): string | null {
  const { input, existing, builder } = ctx;
  const lang = input.lang;
  const title = input.event?.title?.trim() || fileTitle;
  if (input.event?.id && existing.events.has(input.event.id)) return input.event.id;
  const sameTitle = input.event?.id ? null : existing.eventByTitle(title);
  if (sameTitle) {
    builder.note(say(lang, 'eventReused', { id: sameTitle.id }));
    return sameTitle.id;
  }
  const id = input.event?.id?.trim() || `${prefix}-${slug(title) || 'event'}`;
  if (existing.events.has(id)) {
    builder.note(say(lang, 'eventReused', { id }));
    return id;
  }
  const typed = input.event?.date?.trim() ?? '';
  const userDate = typed
    ? readIsoDate(typed, fileLocale([typed], input.locale, input.locale, ctx.timeZone))
    : null;
  const date = userDate ?? fallbackDate;
  if (date === null) return null;
  builder.add('events', { event_id: id, date, title }, `${source}:event:${id}`);
  if (userDate === null)
    builder.note(say(lang, 'eventDateGuessed', { title, date: displayDate(date, lang) }));
  return id;
}

/** `2026-04-03` → `03/04/2026` in French, `2026-04-03` in English. */
export function displayDate(iso: string, lang: 'fr' | 'en'): string {
  if (lang === 'en') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The latest of ISO dates (null when none). */
export function latest(dates: Array<string | null>): string | null {
  let best: string | null = null;
  for (const d of dates) if (d !== null && (best === null || d > best)) best = d;
  return best;
}
