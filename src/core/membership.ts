/**
 * The membership form (issue 17): its questions, and what one answer does to the Members tab. A new
 * e-mail becomes a new Members row — the next free member ID as imports number them, `joined_on`
 * the day of the answer, status `prospect` unless Settings `signups_are_members` is yes (then
 * `actif`) —; an e-mail already in Members fills only the blanks of that row: a value a volunteer
 * typed is never overwritten. Pure: the adapter (src/gas/membership.ts) reads the tab and writes
 * the plan in one call per range.
 */

import { type CellLocale, isBlank, parseDate, rawText } from './cells';
import type { Day } from './dates';
import { isoOf } from './dates';
import type { Bilingual, Lang } from './i18n';
import { MemberIndex } from './imports/existing';
import { placeAddition } from './imports/place';
import { IssueLog } from './issues';
import { normalizeLabel } from './normalize';
import { type RawTab, readTabs } from './read';
import { MEMBER_STATUS, tabSpec } from './schema';

const c = (fr: string, en: string): Bilingual => ({ fr, en });

export interface MembershipItem {
  /** The Members column the answer goes to. */
  field: string;
  title: Bilingual;
  kind: 'text' | 'paragraph' | 'yesno';
  required?: boolean;
  help?: Bilingual;
}

export const MEMBERSHIP_FORM = {
  title: c('Adhésion au club', 'Club membership'),
  description: c(
    'Quelques informations pour votre fiche membre. Elles restent dans le classeur du club.',
    'A few details for your member card. They stay in the club’s spreadsheet.',
  ),
  confirmation: c('Merci ! Le club a bien reçu votre adhésion.', 'Thank you! The club has your membership.'),
};

export const YES_NO_CHOICES = { fr: ['Oui', 'Non'], en: ['Yes', 'No'] };

export const MEMBERSHIP_ITEMS: MembershipItem[] = [
  { field: 'first_name', title: c('Prénom', 'First name'), kind: 'text', required: true },
  { field: 'last_name', title: c('Nom', 'Last name'), kind: 'text', required: true },
  { field: 'email', title: c('E-mail', 'Email'), kind: 'text', required: true },
  { field: 'company', title: c('Entreprise', 'Company'), kind: 'text' },
  { field: 'sector', title: c("Secteur d'activité", 'Business sector'), kind: 'text' },
  {
    field: 'offers',
    title: c("Ce que j'offre au réseau", 'What I offer the network'),
    kind: 'paragraph',
    help: c('Vos compétences, services, contacts…', 'Your skills, services, contacts…'),
  },
  {
    field: 'looking_for',
    title: c('Ce que je recherche dans le réseau', 'What I look for in the network'),
    kind: 'paragraph',
    help: c('Clients, partenaires, conseils…', 'Clients, partners, advice…'),
  },
  { field: 'phone', title: c('Téléphone', 'Phone'), kind: 'text' },
  {
    field: 'agrees_to_be_named',
    title: c(
      "J'accepte d'être nommé·e dans ce que le club partage",
      'I agree to be named in what the club shares',
    ),
    kind: 'yesno',
    help: c(
      'Par exemple dans les succès et le palmarès diffusés par le club.',
      'For instance in the stories and the leaderboard the club shares.',
    ),
  },
];

/** One answer of the form, read from its response tab row. */
export interface Submission {
  /** 1-based row of the response tab. */
  row: number;
  submittedOn: Day | null;
  /** Answers by Members column id ('' when unanswered); consent as `oui`/`non` or `yes`/`no`. */
  values: Record<string, string>;
}

const TIMESTAMP = new Set(['horodateur', 'horodatage', 'timestamp']);

/** The Members field of each response-tab column (by the question's French or English title). */
export function fieldsOfHeader(header: unknown[]): Array<string | null> {
  const byTitle = new Map<string, string>();
  for (const item of MEMBERSHIP_ITEMS)
    for (const t of [item.title.fr, item.title.en]) byTitle.set(normalizeLabel(t), item.field);
  return header.map((h) => {
    const key = normalizeLabel(String(h ?? ''));
    if (TIMESTAMP.has(key)) return 'submitted_at';
    return byTitle.get(key) ?? null;
  });
}

/** A response-tab row as a submission (null for an empty row). */
export function submissionOf(
  fields: Array<string | null>,
  line: unknown[],
  row: number,
  locale: CellLocale,
  lang: Lang,
): Submission | null {
  if (line.every(isBlank)) return null;
  const values: Record<string, string> = {};
  let submittedOn: Day | null = null;
  fields.forEach((field, i) => {
    if (!field) return;
    const cell = line[i];
    if (field === 'submitted_at') {
      const parsed = parseDate(cell, locale);
      submittedOn = parsed.ok ? parsed.value : null;
      return;
    }
    const text = rawText(cell, locale.timeZone).trim();
    if (field === 'agrees_to_be_named') {
      const key = normalizeLabel(text);
      values[field] =
        key === 'oui' || key === 'yes'
          ? lang === 'fr'
            ? 'oui'
            : 'yes'
          : text
            ? lang === 'fr'
              ? 'non'
              : 'no'
            : '';
    } else values[field] = text;
  });
  return { row, submittedOn, values };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type MembershipPlan =
  | { ok: false; reason: 'bad_email'; email: string }
  | {
      ok: true;
      action: 'created' | 'filled' | 'unchanged';
      memberId: string;
      /** The Members header after the answer (extended with the columns it lacked). */
      header: string[];
      addedColumns: number[];
      /** 1-based row of the Members tab written to. */
      row: number;
      /** created: the whole row (one cell per header column); dates as ISO strings. */
      line: unknown[] | null;
      /** filled: the blank cells now filled, 0-based columns. */
      fills: Array<{ column: number; value: unknown }>;
    };

export interface MembersSnapshot {
  /** The Members tab as getValues() gives it (header first); null when the tab is missing. */
  values: unknown[][] | null;
  name: string;
}

/** What one submission does to the Members tab. */
export function planMembership(
  members: MembersSnapshot,
  sub: Submission,
  options: { lang: Lang; locale: CellLocale; signUpsAreMembers: boolean; today: Day },
): MembershipPlan {
  const email = (sub.values.email ?? '').trim();
  if (!EMAIL.test(email)) return { ok: false, reason: 'bad_email', email };
  const { lang } = options;
  const values = members.values ?? [];
  const read = readTabs([{ name: tabSpec('members').name[lang], values } satisfies RawTab], {
    lang,
    locale: options.locale,
    fyStartMonth: 1,
    issues: new IssueLog(lang),
  }).get('members')!;
  const index = new MemberIndex();
  let existingRow: number | null = null;
  let existingId = '';
  for (const r of read.rows) {
    const id = String(r.v.member_id ?? '');
    const mail = String(r.v.email ?? '');
    index.add({
      id,
      email: mail,
      firstName: String(r.v.first_name ?? ''),
      lastName: String(r.v.last_name ?? ''),
    });
    if (existingRow === null && mail.trim().toLowerCase() === email.toLowerCase()) {
      existingRow = r.row;
      existingId = id;
    }
  }
  const answered = MEMBERSHIP_ITEMS.map((i) => i.field).filter((f) => (sub.values[f] ?? '') !== '');
  const cells: Record<string, unknown> = {};
  for (const f of answered) cells[f] = f === 'email' ? email : sub.values[f];
  const spec = tabSpec('members');
  const labelOf = (id: string) => spec.columns.find((col) => col.id === id)!.label[lang];
  if (existingRow === null) {
    const memberId = index.nextId();
    const status = MEMBER_STATUS.find((s) => s.id === (options.signUpsAreMembers ? 'active' : 'prospect'))!;
    const row: Record<string, unknown> = {
      member_id: memberId,
      ...cells,
      joined_on: isoOf(sub.submittedOn ?? options.today),
      status: status.label[lang],
    };
    const columns = spec.columns.map((col) => col.id).filter((id) => id in row);
    const placed = placeAddition(
      members.values?.[0] ?? null,
      {
        tab: 'members',
        tabName: members.name,
        columns,
        header: columns.map(labelOf),
        rows: [columns.map((id) => row[id])],
        sourceRefs: [],
      },
      lang,
    );
    const lastUsed = lastRowOf(values);
    return {
      ok: true,
      action: 'created',
      memberId,
      header: placed.header,
      addedColumns: placed.addedColumns,
      row: Math.max(lastUsed, 1) + 1,
      line: placed.rows[0]!,
      fills: [],
    };
  }
  const columns = spec.columns.map((col) => col.id).filter((id) => id in cells && id !== 'email');
  const placed = placeAddition(
    values[0] ?? null,
    {
      tab: 'members',
      tabName: members.name,
      columns,
      header: columns.map(labelOf),
      rows: [columns.map((id) => cells[id])],
      sourceRefs: [],
    },
    lang,
  );
  const current = values[existingRow - 1] ?? [];
  const fills: Array<{ column: number; value: unknown }> = [];
  placed.rows[0]!.forEach((value, column) => {
    if (value !== '' && isBlank(current[column])) fills.push({ column, value });
  });
  return {
    ok: true,
    action: fills.length > 0 ? 'filled' : 'unchanged',
    memberId: existingId,
    header: placed.header,
    addedColumns: fills.some((f) => placed.addedColumns.includes(f.column)) ? placed.addedColumns : [],
    row: existingRow,
    line: null,
    fills,
  };
}

/** The last row holding anything (1-based; 0 for an empty grid). */
function lastRowOf(values: unknown[][]): number {
  let last = values.length;
  while (last > 0 && (values[last - 1] ?? []).every(isBlank)) last--;
  return last;
}
