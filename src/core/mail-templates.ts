/**
 * The e-mails Club Pulse sends, as editable plain-text templates (issue 17): the « Modèles » /
 * « Templates » tab holds one row per template and language (subject, body) with named fields —
 * {prenom}, {nom}, {lien}, {titre}, {club}, {evenements} (English spellings {first_name},
 * {last_name}, {link}, {title}, {events} work too). A template missing from the tab, or left blank,
 * falls back to the default below. Plain text is sent as is; the HTML version escapes every
 * character that HTML would read, the board's text and the fields alike, and links only the link.
 */

import type { Bilingual, Lang } from './i18n';
import { normalizeLabel } from './normalize';
import { RENEWAL_TEMPLATES } from './renewal-templates';
import { TEMPLATES_TAB } from './schema';
import { headerColumns } from './survey-registry';

export type TemplateId =
  | 'hot_invitation'
  | 'hot_reminder'
  | 'cold_invitation'
  | 'cold_reminder'
  | 'nudge'
  // The renewal season (issue 20, renewal-templates.ts).
  | 'renewal_statement'
  | 'renewal_reminder';

export const TEMPLATE_IDS: TemplateId[] = [
  'hot_invitation',
  'hot_reminder',
  'cold_invitation',
  'cold_reminder',
  'nudge',
  'renewal_statement',
  'renewal_reminder',
];

const HOT_BODY: Bilingual = {
  fr: 'Bonjour {prenom},\n\nMerci d’avoir participé à « {titre} ». Pourriez-vous nous donner votre avis ? Deux minutes suffisent :\n{lien}\n\nMerci !\n{club}',
  en: 'Hello {prenom},\n\nThank you for coming to “{titre}”. Could you give us your feedback? It takes two minutes:\n{lien}\n\nThank you!\n{club}',
};
const COLD_BODY: Bilingual = {
  fr: 'Bonjour {prenom},\n\nQue vous apporte le réseau ? Dites-le-nous en cinq minutes :\n{lien}\n\nMerci !\n{club}',
  en: 'Hello {prenom},\n\nWhat does the network bring you? Tell us in five minutes:\n{lien}\n\nThank you!\n{club}',
};
const HOT_SUBJECT: Bilingual = { fr: 'Votre avis sur « {titre} »', en: 'Your feedback on “{titre}”' };
const COLD_SUBJECT: Bilingual = {
  fr: 'Baromètre du réseau : votre avis compte',
  en: 'Network barometer: your opinion counts',
};
const prefixed = (prefix: Bilingual, text: Bilingual): Bilingual => ({
  fr: prefix.fr + text.fr,
  en: prefix.en + text.en,
});
const REMINDER: Bilingual = { fr: 'Rappel : ', en: 'Reminder: ' };

export const DEFAULT_TEMPLATES: Record<TemplateId, { subject: Bilingual; body: Bilingual }> = {
  hot_invitation: { subject: HOT_SUBJECT, body: HOT_BODY },
  hot_reminder: { subject: prefixed(REMINDER, HOT_SUBJECT), body: HOT_BODY },
  cold_invitation: { subject: COLD_SUBJECT, body: COLD_BODY },
  cold_reminder: { subject: prefixed(REMINDER, COLD_SUBJECT), body: COLD_BODY },
  nudge: {
    subject: { fr: '{club} : on vous attend !', en: '{club}: we would love to see you!' },
    body: {
      fr: 'Bonjour {prenom},\n\nCela fait un moment que nous ne vous avons pas vu. Les prochains rendez-vous du club :\n{evenements}\n\nAu plaisir de vous retrouver,\n{club}',
      en: 'Hello {prenom},\n\nWe have not seen you for a while. The club’s next events:\n{evenements}\n\nHope to see you soon,\n{club}',
    },
  },
  ...RENEWAL_TEMPLATES,
};

/** Template id and language → subject and body typed in the Templates tab. */
export type Templates = Map<string, { subject: string; body: string }>;

const FIELD_ALIASES: Record<string, string> = {
  prenom: 'prenom',
  firstname: 'prenom',
  nom: 'nom',
  lastname: 'nom',
  lien: 'lien',
  link: 'lien',
  titre: 'titre',
  title: 'titre',
  club: 'club',
  evenements: 'evenements',
  events: 'evenements',
  // The renewal season (issue 20).
  bilan: 'bilan',
  statement: 'bilan',
  periode: 'periode',
  period: 'periode',
  saison: 'saison',
  term: 'saison',
};

export interface TemplateFields {
  prenom: string;
  nom: string;
  lien: string;
  titre: string;
  club: string;
  evenements: string;
  /** The renewal e-mails' fields (issue 20): the statement's lines, its period, the term renewed. */
  bilan?: string;
  periode?: string;
  saison?: string;
}

/** The Templates tab read: header by label (either language) or id; blank cells left to the default. */
export function parseTemplates(values: unknown[][]): Templates {
  const columns = headerColumns(
    values[0] ?? [],
    TEMPLATES_TAB.columns.map((c) => ({ id: c.id, names: [c.id, c.label.fr, c.label.en] })),
  );
  const [t, l, s, b] = ['template', 'lang', 'subject', 'body'].map((id) => columns.get(id) ?? -1);
  const out: Templates = new Map();
  if (t === undefined || t < 0 || l === undefined || l < 0) return out;
  for (const row of values.slice(1)) {
    const id = String(row[t] ?? '').trim();
    const lang = normalizeLabel(String(row[l] ?? ''));
    if (!id || (lang !== 'fr' && lang !== 'en')) continue;
    out.set(`${id}|${lang}`, {
      subject: s !== undefined && s >= 0 ? String(row[s] ?? '') : '',
      body: b !== undefined && b >= 0 ? String(row[b] ?? '') : '',
    });
  }
  return out;
}

/** The rows a new Templates tab starts with: every template in both languages, the club's first. */
export function defaultTemplateRows(lang: Lang): string[][] {
  const header = TEMPLATES_TAB.columns.map((c) => c.label[lang]);
  const langs: Lang[] = lang === 'fr' ? ['fr', 'en'] : ['en', 'fr'];
  const rows = langs.flatMap((l) =>
    TEMPLATE_IDS.map((id) => [id, l, DEFAULT_TEMPLATES[id].subject[l], DEFAULT_TEMPLATES[id].body[l]]),
  );
  return [header, ...rows];
}

/** Fills the named fields; an unknown `{word}` is left as typed. */
function fillFields(text: string, fields: TemplateFields): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const key = FIELD_ALIASES[normalizeLabel(name)] as keyof TemplateFields | undefined;
    return key ? (fields[key] ?? '') : whole;
  });
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface RenderedMail {
  subject: string;
  body: string;
  /** The same text as HTML: everything escaped, line breaks kept, the link made clickable. */
  htmlBody: string;
}

/** The e-mail of a template in a language: the tab's text where typed, else the default. */
export function renderMail(
  templates: Templates,
  id: TemplateId,
  lang: Lang,
  fields: TemplateFields,
): RenderedMail {
  const typed = templates.get(`${id}|${lang}`);
  const subject = typed?.subject.trim() ? typed.subject : DEFAULT_TEMPLATES[id].subject[lang];
  const body = typed?.body.trim() ? typed.body : DEFAULT_TEMPLATES[id].body[lang];
  const link = fields.lien ? `<a href="${escapeHtml(fields.lien)}">${escapeHtml(fields.lien)}</a>` : '';
  // Each piece of the board's text is escaped, each field too; only the link becomes an anchor.
  const html = body
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      const key = m ? (FIELD_ALIASES[normalizeLabel(m[1]!)] as keyof TemplateFields | undefined) : undefined;
      if (!key) return escapeHtml(part);
      return key === 'lien' ? link : escapeHtml(fields[key] ?? '');
    })
    .join('')
    .replace(/\r?\n/g, '<br>');
  return {
    // A subject is one line: line breaks typed in the tab or in a name become spaces.
    subject: fillFields(subject, fields).replace(/[\r\n]+/g, ' '),
    body: fillFields(body, fields),
    htmlBody: html,
  };
}
