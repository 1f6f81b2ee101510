/**
 * The printable pages a board member opens from the sidebar (issue 20): a member's data
 * (member-export-html.ts) and a member's statement (statement-html.ts) share one page — A4-friendly
 * type, bordered tables, a print button hidden on paper. Every text from the workbook is escaped
 * with `htmlText` before it reaches a page; the callers hand over markup they built from escaped text.
 */

import type { Lang } from './i18n';

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

const PRINT = { fr: 'Imprimer', en: 'Print' };

export interface PrintablePage {
  lang: Lang;
  /** The page's title and heading, already escaped. */
  title: string;
  /** The paragraph under the heading (markup from escaped text). */
  intro: string;
  /** Links beside the print button (markup from escaped text). */
  actions?: string;
  /** The page's content (markup from escaped text). */
  body: string;
}

/** A whole page: head, style, heading, intro, the print button and its companions, the body. */
export function printablePage(page: PrintablePage): string {
  return `<!doctype html><html lang="${page.lang}"><head><meta charset="utf-8"><title>${page.title}</title>
<style>body{font:13px/1.4 Arial,sans-serif;margin:16px;color:#202124}table{border-collapse:collapse;margin:4px 0 16px}
th,td{border:1px solid #dadce0;padding:3px 6px;text-align:left;vertical-align:top;white-space:pre-wrap}
th{background:#f1f3f4}td.n{text-align:right}h1{font-size:18px}h2{font-size:15px;margin:12px 0 4px}@media print{.actions{display:none}}</style></head>
<body><h1>${page.title}</h1><p>${page.intro}</p>
<p class="actions"><button onclick="window.print()">${PRINT[page.lang]}</button>
${page.actions ?? ''}</p>
${page.body}
</body></html>`;
}
