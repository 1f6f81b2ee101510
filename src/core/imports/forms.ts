/**
 * Google Forms response sheets made outside Club Pulse (reference/export-formats.md §2): the
 * linked Sheet downloaded as CSV (`Timestamp` / `Horodateur`, then `Email address` /
 * `Adresse e-mail` when collected, then one column per question, grids as `Question [Row]`), or
 * the direct Forms download (every cell quoted, `2022/10/17 6:31:58 PM EST`).
 *
 * Questions are free text, so the columns are mapped onto the Responses columns by
 * `proposeMapping` — keywords of the question titles in French and English, including Club Pulse's
 * own survey questions (SPEC §9) — and the user confirms or corrects the mapping before writing
 * (`ImportInput.mapping`). Until then the plan says the mapping is only proposed.
 *
 * Each answer becomes one Responses row: submitted_at (day), survey_id (`GF-<form name from the
 * file name>` unless a column holds it), the respondent's email as member (their member ID when the
 * workbook knows the email), scales and counts as numbers — or as typed when they are not numbers,
 * so that the reader reports them instead of the import dropping them. Timestamps follow the
 * spreadsheet locale of the form's sheet, so day/month order is settled from the file's own values
 * when it can be, else from the club's locale. Reference: `gforms:<survey>:<timestamp>:<row hash>`.
 */

import { normalizeName } from '../normalize';
import { tabSpec } from '../schema';
import { type Columns, type Context, slug } from './common';
import { say } from './messages';
import type { FormsMapping } from './types';
import { fileLocale, readIsoDate, readNumber } from './values';

/** Keyword rules, tried in this order; the first column to match a target gets it. */
const RULES: Array<{ id: string; test: RegExp }> = [
  { id: 'submitted_at', test: /^(horodateur|horodatage|timestamp|submitted at|date de soumission)$/ },
  { id: 'survey_id', test: /\b(id enquete|survey id|identifiant de l.enquete)\b/ },
  { id: 'kind', test: /type d.enquete|survey kind|survey type/ },
  {
    id: 'member',
    test: /^(adresse e-?mail|e-?mail address|e-?mail|courriel|username|nom d.utilisateur|code membre|member code|id membre|member id|votre e-?mail|your e-?mail)$/,
  },
  { id: 'nps', test: /recommand|recommend|\bnps\b/ },
  { id: 'decisive_contacts', test: /decisi|prometteu|promising|decisive/ },
  {
    id: 'contacts_made',
    test: /contacts? (noue|made|etabli)|nouveaux contacts|new contacts|combien de (personnes|contacts)|how many (people|contacts|new)/,
  },
  { id: 'belonging', test: /appartenance|belong/ },
  { id: 'mutual_help', test: /entraide|mutual help|help each other|s.entraider|solidarite/ },
  {
    id: 'connection_value',
    test: /(valeur|value|qualite|quality|utilite|useful).*(rencontre|meeting|connection|echange)|connection value/,
  },
  { id: 'satisfaction', test: /satisf/ },
  { id: 'preferred_formats', test: /format/ },
  {
    id: 'most_valuable',
    test: /plus benefique|retire de plus|le plus (utile|apporte|apprecie)|most (valuable|useful)|brought you the most/,
  },
  { id: 'expectations', test: /attente|attendez|expect/ },
  { id: 'comment', test: /commentaire|comment|remarque|suggestion|autre chose|anything else/ },
  { id: 'event_id', test: /^(id evenement|event id|evenement|event)$|quel evenement|which event/ },
];

const RESPONSE_IDS = new Set(tabSpec('responses').columns.map((c) => c.id));

/**
 * A proposed mapping of a response sheet's columns (header text → Responses column id, '' when
 * the column is left out). Each Responses column gets at most one export column: the first.
 */
export function proposeMapping(header: string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  const taken = new Set<string>();
  header.forEach((label, index) => {
    const text = normalizeName(label).replace(/\s+/g, ' ');
    let id = '';
    if (index === 0 && /^(horodateur|horodatage|timestamp)$/.test(text)) id = 'submitted_at';
    else {
      for (const rule of RULES) {
        if (!taken.has(rule.id) && rule.test.test(text)) {
          id = rule.id;
          break;
        }
      }
    }
    if (id) taken.add(id);
    if (!(label in mapping)) mapping[label] = id;
  });
  return mapping;
}

const SCALES: Record<string, [number, number]> = {
  nps: [0, 10],
  satisfaction: [1, 5],
  connection_value: [1, 5],
  belonging: [1, 5],
  mutual_help: [1, 5],
};
const COUNTS = new Set(['contacts_made', 'decisive_contacts']);

/** A short stable hash of a row's cells (djb2), to tell apart answers given the same second. */
function hashOf(cells: string[]): string {
  let h = 5381;
  for (const ch of cells.join('\u0001')) h = ((h << 5) + h + ch.charCodeAt(0)) >>> 0;
  return h.toString(36);
}

/** `Club survey (Responses) - Form Responses 1.csv` → `Club survey`. */
export function formNameFromFileName(fileName: string): string {
  return fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[A-Za-z0-9]+$/, '')
    .replace(/\s*\((responses|réponses|reponses)\).*$/i, '')
    .replace(/\s*-\s*(form responses|réponses au formulaire)\s*\d*.*$/i, '')
    .trim();
}

export function importForms(ctx: Context, cols: Columns, rows: string[][]): FormsMapping {
  const { builder, input } = ctx;
  const lang = input.lang;
  const confirmed = input.mapping !== undefined;
  const proposal = input.mapping ?? proposeMapping(cols.header);
  const mapping: FormsMapping = { columns: proposal, confirmed };
  if (!confirmed) builder.note(say(lang, 'mappingProposed'));

  // Column index → Responses column id, first column per id.
  const targets = new Map<number, string>();
  const used = new Set<string>();
  cols.header.forEach((label, index) => {
    const id = proposal[label] ?? '';
    if (!RESPONSE_IDS.has(id) || used.has(id)) return;
    used.add(id);
    targets.set(index, id);
  });
  if (!used.has('submitted_at')) targets.set(0, 'submitted_at');
  const timestampIndex = [...targets].find(([, id]) => id === 'submitted_at')![0];

  const lines = rows.slice(1).map((row, i) => ({ line: i + 2, row }));
  const locale = fileLocale(
    lines.map(({ row }) => row[timestampIndex] ?? ''),
    input.locale,
    input.locale,
    ctx.timeZone,
  );
  const surveyName = formNameFromFileName(input.fileName);
  const defaultSurvey = `GF-${slug(surveyName) || 'form'}`;
  if (!used.has('survey_id')) builder.note(say(lang, 'surveyId', { id: defaultSurvey }));

  for (const { line, row } of lines) {
    if (row.every((c) => c.trim() === '')) continue;
    const cells: Record<string, unknown> = {};
    let answers = 0;
    for (const [index, id] of targets) {
      const raw = (row[index] ?? '').trim();
      if (id === 'submitted_at' || raw === '') continue;
      if (id in SCALES || COUNTS.has(id)) {
        const n = readNumber(raw, locale);
        const [min, max] = SCALES[id] ?? [0, Number.POSITIVE_INFINITY];
        cells[id] = n !== null && Number.isInteger(n) && n >= min && n <= max ? n : raw;
      } else if (id === 'member') {
        const found = ctx.existing.members.resolve(raw);
        cells[id] = 'id' in found ? found.id : raw;
        continue;
      } else {
        cells[id] = raw;
      }
      if (id !== 'survey_id' && id !== 'kind' && id !== 'event_id') answers += 1;
    }
    const rawStamp = (row[timestampIndex] ?? '').trim();
    const date = readIsoDate(rawStamp, locale);
    if (date === null) {
      builder.skip(
        line,
        say(lang, 'badDate', { value: rawStamp, column: cols.header[timestampIndex] ?? '' }),
      );
      continue;
    }
    if (answers === 0) {
      builder.skip(line, say(lang, 'emptyAnswer'));
      continue;
    }
    cells.submitted_at = date;
    if (!cells.survey_id) cells.survey_id = defaultSurvey;
    const ref = `gforms:${cells.survey_id}:${rawStamp}:${hashOf(row)}`;
    const added = builder.add('responses', cells, ref);
    if (!added.added) builder.skip(line, added.reason);
  }
  return mapping;
}
