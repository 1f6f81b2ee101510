/**
 * The printable page of a member's data (issue 20): one table per tab with the rows naming them,
 * a print button and the JSON to download (a `data:` link, no script). Every text from the workbook
 * is escaped; nothing a club typed reaches the page as markup.
 */

import type { Lang } from './i18n';
import type { MemberExport } from './member-data';
import { htmlText, printablePage } from './printable-page';

const T = {
  title: { fr: 'Données personnelles de {id}', en: 'Personal data of {id}' },
  intro: {
    fr: 'Toutes les lignes du classeur qui désignent ce membre (par ID, e-mail ou nom), au {date}.',
    en: 'Every row of the workbook that names this member (by ID, email or name), on {date}.',
  },
  none: { fr: 'Aucune ligne.', en: 'No row.' },
  row: { fr: 'Ligne', en: 'Row' },
  download: { fr: 'Télécharger (JSON)', en: 'Download (JSON)' },
};

const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? '');

export function memberExportHtml(data: MemberExport, lang: Lang): string {
  const id = htmlText(data.member.id);
  const json = encodeURIComponent(JSON.stringify(data, null, 2));
  const file = htmlText(`${data.member.id.replace(/[^\w.-]+/g, '_')}.json`);
  const sections = data.tabs.map((tab) => {
    const used = tab.headers.filter((h) => tab.rows.some((r) => h in r.values));
    const head = [`<th>${T.row[lang]}</th>`, ...used.map((h) => `<th>${htmlText(h)}</th>`)].join('');
    const body = tab.rows
      .map(
        (r) =>
          `<tr><td>${r.row}</td>${used.map((h) => `<td>${htmlText(r.values[h] ?? '')}</td>`).join('')}</tr>`,
      )
      .join('');
    return `<h2>${htmlText(tab.tab)}</h2><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  });
  const title = fill(T.title[lang], { id });
  return printablePage({
    lang,
    title,
    intro: fill(T.intro[lang], { date: htmlText(data.exportedOn) }),
    actions: `<a id="download" download="${file}" href="data:application/json;charset=utf-8,${json}">${T.download[lang]}</a>`,
    body: sections.length > 0 ? sections.join('\n') : `<p>${T.none[lang]}</p>`,
  });
}
