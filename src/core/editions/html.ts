/**
 * The editions as standalone HTML pages (issue 19): the print views Sheets shows in a dialog
 * (HtmlService, see src/gas/editions.ts) and the local `club-pulse report --members/--funders` files.
 * One page, no network: CSS inline, charts as inline SVG, A4 portrait through `@page`, one button
 * « Imprimer / enregistrer en PDF » calling `window.print()` (Apps Script's dialog iframe is
 * sandboxed with allow-modals, which print() needs:
 * https://developers.google.com/apps-script/guides/html/restrictions). The button is not printed.
 * Every text of the club goes through escapeHtml.
 */

import { formatKpiValue } from '../format';
import type { Lang } from '../i18n';
import { escapeHtml as e } from './escape';
import type { FundersEdition } from './funders';
import type { EditionFigure, EditionStory, MembersEdition } from './members';
import { trendChartSvg } from './svg';

const NO_DATA = { fr: 'n.d.', en: 'n/a' };

const CSS = `@page{size:A4 portrait;margin:14mm 14mm 16mm}
*{box-sizing:border-box}
body{font-family:Roboto,Arial,sans-serif;color:#202124;margin:0 auto;max-width:190mm;padding:12px;font-size:10.5pt;line-height:1.4}
header{border-bottom:3px solid #1a73e8;margin-bottom:10px;padding-bottom:6px}
h1{font-size:20pt;margin:0;color:#1a73e8}h2{font-size:13pt;margin:14px 0 6px;color:#174ea6;break-after:avoid}
.sub{color:#5f6368;margin:2px 0 0}.message{background:#e8f0fe;border-left:4px solid #1a73e8;padding:8px 12px;white-space:pre-line;margin:8px 0}
.figures{display:grid;grid-template-columns:1fr 1fr;gap:8px}
.figure{border:1px solid #dadce0;border-radius:6px;padding:8px;break-inside:avoid}
.figure .label{font-weight:bold}.figure .value{font-size:18pt;font-weight:bold;margin:2px 0}
.figure svg{width:100%;height:auto;display:block}
.good{color:#137333}.bad{color:#c5221f}.flat,.none{color:#5f6368}
.sentences{margin:8px 0 0;padding-left:18px}.sentences li{margin:2px 0}
.story{background:#fef7e0;border-radius:4px;padding:5px 8px;margin:6px 0 0;break-inside:avoid;font-size:9.5pt}
.story b{display:block}
table{width:100%;border-collapse:collapse;margin:4px 0 6px;break-inside:auto}
th,td{text-align:left;padding:3px 6px;border-bottom:1px solid #e0e0e0;vertical-align:top}
th{background:#f1f3f4;font-size:9pt}td.num{white-space:nowrap;font-weight:bold}
section{break-inside:avoid-page}
.tools{position:sticky;top:0;background:#fff;padding:6px 0 8px;text-align:right}
.tools button{font-size:11pt;padding:6px 14px;background:#1a73e8;color:#fff;border:0;border-radius:4px;cursor:pointer}
footer{color:#5f6368;font-size:8.5pt;margin-top:14px;border-top:1px solid #dadce0;padding-top:6px}
@media print{.tools{display:none}body{padding:0;max-width:none}}
@media (max-width:560px){.figures{grid-template-columns:1fr}}`;

function page(lang: Lang, title: string, printLabel: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(title)}</title><style>${CSS}</style></head>
<body><div class="tools"><button type="button" onclick="window.print()">${e(printLabel)}</button></div>
${body}
</body></html>
`;
}

function storyHtml(s: EditionStory): string {
  const figure = s.figure ? ` (${e(s.figure)})` : '';
  const text = s.text ? `<span>${e(s.text)}</span>` : '';
  return `<div class="story"><b>★ ${e(s.title)}${figure}</b>${text}<small class="none"> — ${e(s.date)}${s.kpiLabel ? ` · ${e(s.kpiLabel)}` : ''}</small></div>`;
}

function trendClass(trend: string | null): string {
  return trend ?? 'none';
}

function figureHtml(f: EditionFigure, lang: Lang, currency: string): string {
  const chart =
    f.series.filter((v) => v !== null).length >= 2
      ? trendChartSvg({
          title: f.label,
          values: f.series,
          periods: f.periods,
          format: (v) => formatKpiValue(v, f.display, lang, currency),
          noData: NO_DATA[lang],
        })
      : '';
  return `<div class="figure"><div class="label">${e(f.label)}</div><div class="value">${e(f.value)}</div>
<div class="${trendClass(f.trend)}">${e(f.words)}</div>${chart}${f.stories.map(storyHtml).join('')}</div>`;
}

export function membersEditionHtml(ed: MembersEdition): string {
  const l = ed.labels;
  const title = ed.clubName ? `${ed.clubName} — ${ed.title}` : ed.title;
  const parts: string[] = [`<header><h1>${e(title)}</h1><p class="sub">${e(ed.periodText)}</p></header>`];
  if (ed.message) parts.push(`<h2>${e(l.message)}</h2><div class="message">${e(ed.message)}</div>`);
  parts.push(
    `<section><h2>${e(ed.essentiel.title)}</h2><div class="figures">${ed.essentiel.figures.map((f) => figureHtml(f, ed.lang, ed.currency)).join('')}</div>`,
    `<p class="sub">${e(ed.essentiel.trendCaption)}</p>`,
    `<ul class="sentences">${ed.essentiel.sentences.map((s) => `<li>${e(s)}</li>`).join('')}</ul></section>`,
  );
  if (ed.families.length > 0) parts.push(`<h2>${e(l.families)}</h2>`);
  for (const family of ed.families) {
    const rows = family.kpis
      .map(
        (k) =>
          `<tr><td>${e(k.label)}${k.stories.map(storyHtml).join('')}</td><td class="num">${e(k.value)}</td><td class="${trendClass(k.trend)}">${e(k.words)}</td></tr>`,
      )
      .join('');
    const table = rows
      ? `<table><thead><tr><th>${e(l.indicator)}</th><th>${e(l.value)}</th><th>${e(l.change)}</th></tr></thead><tbody>${rows}</tbody></table>`
      : '';
    parts.push(
      `<section><h2>${e(family.label)}</h2>${table}${family.stories.map(storyHtml).join('')}</section>`,
    );
  }
  if (ed.otherStories.length > 0)
    parts.push(`<section><h2>${e(l.stories)}</h2>${ed.otherStories.map(storyHtml).join('')}</section>`);
  if (ed.leaderboard) {
    const rows = ed.leaderboard.rows
      .map((r) => `<tr><td>${r.rank}</td><td>${e(r.name)}</td><td class="num">${r.score}</td></tr>`)
      .join('');
    parts.push(
      `<section><h2>${e(ed.leaderboard.title)}</h2><p class="sub">${e(ed.leaderboard.note)}</p><table><tbody>${rows}</tbody></table></section>`,
    );
  }
  parts.push(`<footer>${e(ed.footer)}</footer>`);
  return page(ed.lang, title, l.print, parts.join('\n'));
}

export function fundersEditionHtml(ed: FundersEdition): string {
  const title = ed.clubName ? `${ed.clubName} — ${ed.title}` : ed.title;
  const parts: string[] = [`<header><h1>${e(title)}</h1><p class="sub">${e(ed.periodText)}</p></header>`];
  for (const s of ed.sections) {
    const sentences = s.sentences.length
      ? `<ul class="sentences">${s.sentences.map((x) => `<li><b>${e(x)}</b></li>`).join('')}</ul>`
      : '';
    const rows = s.figures
      .map(
        (f) =>
          `<tr><td>${e(f.label)}</td><td class="num">${e(f.value)}</td><td class="${trendClass(f.trend)}">${e(f.words)}</td></tr>`,
      )
      .join('');
    const table = rows ? `<table><tbody>${rows}</tbody></table>` : '';
    parts.push(
      `<section><h2>${e(s.title)}</h2>${sentences}${table}${s.stories.map(storyHtml).join('')}</section>`,
    );
  }
  parts.push(`<footer>${e(ed.footer)}</footer>`);
  return page(ed.lang, title, ed.labels.print, parts.join('\n'));
}
