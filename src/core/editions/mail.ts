/**
 * The members' edition by e-mail (issue 19): the same words as the print view (members.ts), as an
 * e-mail HTML body with inline styles (mail clients drop `<style>` and never run scripts), its
 * charts as inline images (`<img src="cid:chartN">`, drawn by the adapter with the Charts service),
 * and a plain-text alternative. The body is the same for every member: no greeting by name, no
 * address, nothing personal but the names the edition itself shows (leaderboard, consenting
 * members only). Every text of the club goes through escapeHtml.
 *
 * Who gets it: every member active on the day of sending, once per edition (the period): the Mail
 * log's `edition` rows of subject `EDITION-<period>` say who had it; an erased member (Members
 * `erased_on`), a member without an address or who asked for no e-mail (`no_email`) gets nothing
 * and is counted. The confirmation token is a digest of the subject, both bodies and the list of
 * recipients still to send to: a send whose token differs from the preview's is refused, so a
 * stale preview or a second click never sends.
 */

import type { Day } from '../dates';
import { fill, type Lang } from '../i18n';
import { isActiveOn, type Member } from '../model';
import { hashOf, noEmail } from '../survey-invitations';
import { escapeHtml as e } from './escape';
import type { EditionFigure, EditionStory, MembersEdition } from './members';

/** The Mail log subject of an edition's e-mails (one per period). */
export function editionMailSubjectKey(period: string): string {
  return `EDITION-${period}`;
}

const T = {
  subject: { fr: 'Les résultats du club — {period}', en: 'The club’s results — {period}' },
  subjectNamed: {
    fr: '{club} : les résultats du club — {period}',
    en: '{club}: the club’s results — {period}',
  },
  hello: { fr: 'Bonjour à toutes et à tous,', en: 'Hello everyone,' },
  intro: {
    fr: 'Voici les résultats du club {period}.',
    en: 'Here are the club’s results {period}.',
  },
  why: {
    fr: 'Vous recevez cet e-mail en tant que membre du club. Pour ne plus recevoir d’e-mail de Club Pulse, dites-le au bureau du club.',
    en: 'You receive this e-mail as a member of the club. To receive no more e-mail from Club Pulse, tell the club’s board.',
  },
};

const STYLE = {
  body: 'font-family:Arial,Helvetica,sans-serif;color:#202124;font-size:14px;line-height:1.45;max-width:640px;margin:0 auto;padding:12px',
  h1: 'font-size:22px;color:#1a73e8;margin:0 0 4px',
  h2: 'font-size:17px;color:#174ea6;margin:18px 0 6px',
  muted: 'color:#5f6368;margin:0 0 8px',
  message:
    'background:#e8f0fe;border-left:4px solid #1a73e8;padding:8px 12px;margin:8px 0;white-space:pre-line',
  figure: 'border:1px solid #dadce0;border-radius:6px;padding:8px 10px;margin:0 0 10px',
  value: 'font-size:22px;font-weight:bold;margin:2px 0',
  story: 'background:#fef7e0;border-radius:4px;padding:5px 8px;margin:6px 0 0;font-size:13px',
  table: 'width:100%;border-collapse:collapse;margin:4px 0 8px',
  cell: 'text-align:left;padding:4px 6px;border-bottom:1px solid #e0e0e0;vertical-align:top',
  footer: 'color:#5f6368;font-size:12px;margin-top:16px;border-top:1px solid #dadce0;padding-top:6px',
};
const TREND_COLOUR: Record<string, string> = { good: '#137333', bad: '#c5221f' };

/** One chart of L'essentiel: the figure's known values, oldest first. */
export interface EditionMailChart {
  cid: string;
  figureId: string;
  title: string;
  rows: Array<[string, number]>;
  /** The text an image-less reader gets (alt). */
  alt: string;
}

export interface EditionMail {
  subject: string;
  /** HTML body; charts as `cid:` images (`imageSrc` of editionMailHtml may change them). */
  html: string;
  text: string;
  charts: EditionMailChart[];
}

/** Image size: drawn at twice the size shown, for sharp images on dense screens. */
export const CHART_IMAGE = { width: 600, height: 260, shownWidth: 300, shownHeight: 130 };

/** The charts of L'essentiel (figures with two known values or more). */
export function editionMailCharts(ed: MembersEdition): EditionMailChart[] {
  const out: EditionMailChart[] = [];
  for (const f of ed.essentiel.figures) {
    const rows: Array<[string, number]> = [];
    f.series.forEach((v, i) => {
      if (v !== null) rows.push([f.periods[i] ?? '', v]);
    });
    if (rows.length < 2) continue;
    out.push({
      cid: `chart${out.length + 1}`,
      figureId: f.id,
      title: f.label,
      rows,
      alt: `${f.label} : ${f.value}`,
    });
  }
  return out;
}

function trendStyle(trend: string | null): string {
  return `color:${TREND_COLOUR[trend ?? ''] ?? '#5f6368'}`;
}

function storyHtml(s: EditionStory): string {
  const figure = s.figure ? ` (${e(s.figure)})` : '';
  const text = s.text ? `<br>${e(s.text)}` : '';
  return `<div style="${STYLE.story}"><b>★ ${e(s.title)}${figure}</b>${text}<br><small style="color:#5f6368">${e(s.date)}${s.kpiLabel ? ` · ${e(s.kpiLabel)}` : ''}</small></div>`;
}

function figureHtml(
  f: EditionFigure,
  chart: EditionMailChart | undefined,
  src: (cid: string) => string,
): string {
  const img = chart
    ? `<img src="${e(src(chart.cid))}" width="${CHART_IMAGE.shownWidth}" height="${CHART_IMAGE.shownHeight}" alt="${e(chart.alt)}" style="display:block;max-width:100%;height:auto;margin-top:4px">`
    : '';
  return `<div style="${STYLE.figure}"><div style="font-weight:bold">${e(f.label)}</div><div style="${STYLE.value}">${e(f.value)}</div><div style="${trendStyle(f.trend)}">${e(f.words)}</div>${img}${f.stories.map(storyHtml).join('')}</div>`;
}

function rowsHtml(cells: string[][]): string {
  return `<table role="presentation" style="${STYLE.table}">${cells.map((r) => `<tr>${r.join('')}</tr>`).join('')}</table>`;
}

const td = (html: string, style = '') => `<td style="${STYLE.cell}${style ? `;${style}` : ''}">${html}</td>`;

/** The e-mail's HTML body; `src` gives each chart's image address (default `cid:KEY`). */
export function editionMailHtml(
  ed: MembersEdition,
  charts: EditionMailChart[],
  src: (cid: string) => string = (cid) => `cid:${cid}`,
): string {
  const l = ed.labels;
  const title = ed.clubName ? `${ed.clubName} — ${ed.title}` : ed.title;
  const byFigure = new Map(charts.map((c) => [c.figureId, c]));
  const parts = [
    `<h1 style="${STYLE.h1}">${e(title)}</h1><p style="${STYLE.muted}">${e(ed.periodText)}</p>`,
    `<p>${e(T.hello[ed.lang])}<br>${e(fill(T.intro[ed.lang], { period: ed.periodIn }))}</p>`,
  ];
  if (ed.message)
    parts.push(
      `<h2 style="${STYLE.h2}">${e(l.message)}</h2><div style="${STYLE.message}">${e(ed.message)}</div>`,
    );
  parts.push(
    `<h2 style="${STYLE.h2}">${e(ed.essentiel.title)}</h2>`,
    ...ed.essentiel.figures.map((f) => figureHtml(f, byFigure.get(f.id), src)),
    `<p style="${STYLE.muted}">${e(ed.essentiel.trendCaption)}</p>`,
    `<ul>${ed.essentiel.sentences.map((s) => `<li>${e(s)}</li>`).join('')}</ul>`,
  );
  if (ed.families.length > 0) parts.push(`<h2 style="${STYLE.h2}">${e(l.families)}</h2>`);
  for (const family of ed.families) {
    const rows = family.kpis.map((k) => [
      td(`${e(k.label)}${k.stories.map(storyHtml).join('')}`),
      td(e(k.value), 'font-weight:bold;white-space:nowrap'),
      td(e(k.words), trendStyle(k.trend)),
    ]);
    parts.push(
      `<h3 style="margin:12px 0 4px;font-size:15px">${e(family.label)}</h3>${rows.length ? rowsHtml(rows) : ''}${family.stories.map(storyHtml).join('')}`,
    );
  }
  if (ed.otherStories.length > 0)
    parts.push(`<h2 style="${STYLE.h2}">${e(l.stories)}</h2>${ed.otherStories.map(storyHtml).join('')}`);
  if (ed.leaderboard) {
    const rows = ed.leaderboard.rows.map((r) => [
      td(String(r.rank)),
      td(e(r.name)),
      td(String(r.score), 'font-weight:bold'),
    ]);
    parts.push(
      `<h2 style="${STYLE.h2}">${e(ed.leaderboard.title)}</h2><p style="${STYLE.muted}">${e(ed.leaderboard.note)}</p>${rowsHtml(rows)}`,
    );
  }
  parts.push(`<p style="${STYLE.footer}">${e(ed.footer)}<br>${e(T.why[ed.lang])}</p>`);
  return `<!doctype html><html lang="${ed.lang}"><head><meta charset="utf-8"><title>${e(title)}</title></head><body><div style="${STYLE.body}">${parts.join('\n')}</div></body></html>`;
}

function storyText(s: EditionStory): string {
  const figure = s.figure ? ` (${s.figure})` : '';
  return `  ★ ${s.title}${figure}${s.text ? ` — ${s.text}` : ''} (${s.date})`;
}

/** The plain-text alternative: the same words, line by line. */
export function editionMailText(ed: MembersEdition): string {
  const l = ed.labels;
  const lines = [
    ed.clubName ? `${ed.clubName} — ${ed.title}` : ed.title,
    ed.periodText,
    '',
    T.hello[ed.lang],
    fill(T.intro[ed.lang], { period: ed.periodIn }),
    '',
  ];
  if (ed.message) lines.push(`${l.message.toUpperCase()}`, ed.message, '');
  lines.push(ed.essentiel.title.toUpperCase());
  for (const f of ed.essentiel.figures) {
    lines.push(`- ${f.label} : ${f.value}${f.words ? ` (${f.words})` : ''}`);
    lines.push(...f.stories.map(storyText));
  }
  lines.push(...ed.essentiel.sentences.map((s) => `• ${s}`), '');
  for (const family of ed.families) {
    lines.push(family.label.toUpperCase());
    for (const k of family.kpis) {
      lines.push(`- ${k.label} : ${k.value}${k.words ? ` (${k.words})` : ''}`);
      lines.push(...k.stories.map(storyText));
    }
    lines.push(...family.stories.map(storyText), '');
  }
  if (ed.otherStories.length > 0) lines.push(l.stories.toUpperCase(), ...ed.otherStories.map(storyText), '');
  if (ed.leaderboard) {
    lines.push(ed.leaderboard.title.toUpperCase(), ed.leaderboard.note);
    lines.push(...ed.leaderboard.rows.map((r) => `${r.rank}. ${r.name} — ${r.score}`), '');
  }
  lines.push('--', ed.footer, T.why[ed.lang]);
  return `${lines.join('\n')}\n`;
}

/** The subject, on one line. */
export function editionMailSubject(ed: MembersEdition): string {
  const club = ed.clubName.replace(/\s+/g, ' ').trim();
  const text = fill(club ? T.subjectNamed[ed.lang] : T.subject[ed.lang], { club, period: ed.periodName });
  return text.replace(/[\r\n]+/g, ' ');
}

export function editionMail(ed: MembersEdition): EditionMail {
  const charts = editionMailCharts(ed);
  return {
    subject: editionMailSubject(ed),
    html: editionMailHtml(ed, charts),
    text: editionMailText(ed),
    charts,
  };
}

// -----------------------------------------------------------------------------------------------
// Who gets it

export type EditionSkip = 'no_address' | 'no_email';

export interface EditionMailPlan {
  /** Still to send, in Members order. */
  queue: Member[];
  /** Members who had this edition already. */
  already: number;
  /** Active members left out, and why (logged once in the Mail log). */
  skipped: Array<{ member: Member; reason: EditionSkip }>;
  /** Erased members (Members `erased_on`): never written to, never logged. */
  erased: number;
}

/** Whether a member's data was erased (issue 20 writes Members `erased_on`). */
export function isErased(member: Member): boolean {
  return (member.profile.erased_on ?? '').trim() !== '';
}

/** Who gets the edition of `subjectKey` today: active members, once each, per the Mail log's memory. */
export function planEditionMail(
  members: Member[],
  today: Day,
  sent: Set<string>,
  subjectKey: string,
): EditionMailPlan {
  const plan: EditionMailPlan = { queue: [], already: 0, skipped: [], erased: 0 };
  const addresses = new Set<string>();
  for (const member of members) {
    if (!isActiveOn(member, today)) continue;
    if (isErased(member)) {
      plan.erased++;
      continue;
    }
    const email = member.email.trim().toLowerCase();
    if (!email.includes('@')) plan.skipped.push({ member, reason: 'no_address' });
    else if (noEmail(member)) plan.skipped.push({ member, reason: 'no_email' });
    else if (sent.has(`${subjectKey}|${member.id}`)) plan.already++;
    else if (!addresses.has(email)) plan.queue.push(member);
    addresses.add(email);
  }
  return plan;
}

/** The confirmation token of a preview: a digest of what would be sent and to whom. */
export function confirmationToken(mail: EditionMail, subjectKey: string, queue: Member[]): string {
  const chartData = JSON.stringify(mail.charts.map((c) => c.rows));
  const text = [subjectKey, mail.subject, mail.html, mail.text, chartData, ...queue.map((m) => m.id)].join(
    '\u0000',
  );
  return `${hashOf(text)}${hashOf(`${text.length}:${[...text].reverse().join('')}`)}`;
}

/** The sentences of the preview and of the send, in the workbook's language. */
export const EDITION_MAIL_TEXT = {
  title: { fr: 'Aperçu de l’e-mail aux membres', en: 'Preview of the e-mail to the members' },
  summary: {
    fr: 'Objet : « {subject} ». À envoyer : {count} membre(s) ; déjà reçu : {already} ; sans adresse e-mail : {noAddress} ; « pas d’e-mail » demandé : {noEmail} ; données effacées : {erased}. Quota d’e-mails restant aujourd’hui : {quota}.',
    en: 'Subject: “{subject}”. To send: {count} member(s); already received: {already}; no e-mail address: {noAddress}; “no e-mail” asked: {noEmail}; data erased: {erased}. E-mails left in today’s quota: {quota}.',
  },
  nothing: {
    fr: 'Rien à envoyer : chaque membre joignable a déjà reçu l’édition {period}.',
    en: 'Nothing to send: every member who can be reached already received the {period} edition.',
  },
  sent: {
    fr: 'Édition {period} envoyée à {sent} membre(s).',
    en: '{period} edition sent to {sent} member(s).',
  },
  quota: {
    fr: ' Quota d’e-mails du jour épuisé : {pending} membre(s) en attente, envoyés au prochain envoi (demain si le quota est épuisé), après un nouvel aperçu.',
    en: ' Today’s e-mail quota is used up: {pending} member(s) waiting, sent by the next send (tomorrow when the quota is spent), after a new preview.',
  },
  time: {
    fr: ' Temps d’exécution écoulé : {pending} membre(s) en attente, envoyés au prochain envoi, après un nouvel aperçu.',
    en: ' Out of time for this run: {pending} member(s) waiting, sent by the next send, after a new preview.',
  },
  notConfirmed: {
    fr: 'Envoi non confirmé : rien n’a été envoyé. Prévisualisez l’e-mail, puis confirmez l’envoi.',
    en: 'Sending not confirmed: nothing was sent. Preview the e-mail, then confirm the sending.',
  },
  stale: {
    fr: 'Cet aperçu n’est plus à jour (l’édition ou la liste des destinataires a changé, ou l’envoi a déjà eu lieu) : rien n’a été envoyé. Prévisualisez à nouveau.',
    en: 'This preview is out of date (the edition or the list of recipients changed, or it was sent already): nothing was sent. Preview again.',
  },
} satisfies Record<string, Record<Lang, string>>;

/** The preview dialog's page: the summary above the e-mail as members will see it. */
export function previewPage(mailHtml: string, lang: Lang, summary: string): string {
  const banner = `<div style="font-family:Arial,sans-serif;background:#fef7e0;border:1px solid #f9ab00;border-radius:4px;padding:8px 12px;margin:8px"><b>${e(EDITION_MAIL_TEXT.title[lang])}</b><br>${e(summary)}</div>`;
  return mailHtml.replace('<body>', `<body>${banner}`);
}
