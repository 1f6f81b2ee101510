/**
 * The printable page of a member's data (issue 20): one table per tab with the rows naming them,
 * a print button and the JSON to download (a `data:` link, no script). Every text from the workbook
 * is escaped; nothing a club typed reaches the page as markup.
 */

import type { Lang } from './i18n';
import type { MemberExport } from './member-data';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in HTML content and in a double- or single-quoted attribute. */
export function htmlText(text: string): string {
  return String(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

const T = {
  title: { fr: 'Données personnelles de {id}', en: 'Personal data of {id}' },
  intro: {
    fr: 'Toutes les lignes du classeur qui désignent ce membre (par ID, e-mail ou nom), au {date}.',
    en: 'Every row of the workbook that names this member (by ID, email or name), on {date}.',
  },
  none: { fr: 'Aucune ligne.', en: 'No row.' },
  row: { fr: 'Ligne', en: 'Row' },
  print: { fr: 'Imprimer', en: 'Print' },
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
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${fill(T.title[lang], { id })}</title>
<style>body{font:13px/1.4 Arial,sans-serif;margin:16px;color:#202124}table{border-collapse:collapse;margin:4px 0 16px}
th,td{border:1px solid #dadce0;padding:3px 6px;text-align:left;vertical-align:top;white-space:pre-wrap}
th{background:#f1f3f4}h1{font-size:18px}h2{font-size:15px;margin:12px 0 4px}@media print{.actions{display:none}}</style></head>
<body><h1>${fill(T.title[lang], { id })}</h1><p>${fill(T.intro[lang], { date: htmlText(data.exportedOn) })}</p>
<p class="actions"><button onclick="window.print()">${T.print[lang]}</button>
<a id="download" download="${file}" href="data:application/json;charset=utf-8,${json}">${T.download[lang]}</a></p>
${sections.length > 0 ? sections.join('\n') : `<p>${T.none[lang]}</p>`}
</body></html>`;
}
