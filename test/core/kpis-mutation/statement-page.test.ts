/**
 * A member's statement as a printable page, and the page every printable view shares (issue 23:
 * statement-page.ts and printable-page.ts): the whole page written out, a club's text escaped, and
 * each reason for no page.
 */

import { beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/compute';
import { dayFromIso } from '../../../src/core/dates';
import { parsePeriod } from '../../../src/core/periods';
import { htmlText, printablePage } from '../../../src/core/printable-page';
import { memberStatementPage, type StatementPageInput } from '../../../src/core/statement-page';
import { statementLines } from '../../../src/core/statement-words';
import { memberStatements } from '../../../src/core/statements';
import { DUES_HEADERS, MEMBER_HEADERS, run, tab } from '../fixtures';

describe('a printable page', () => {
  it('head, style, heading, intro, the print button and its companions, then the body', () => {
    const page = printablePage({
      lang: 'fr',
      title: 'T &amp; co',
      intro: 'Intro',
      actions: '<a href="x">x</a>',
      body: '<p>B</p>',
    });
    expect(page).toBe(
      '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>T &amp; co</title>\n' +
        '<style>body{font:13px/1.4 Arial,sans-serif;margin:16px;color:#202124}table{border-collapse:collapse;margin:4px 0 16px}\n' +
        'th,td{border:1px solid #dadce0;padding:3px 6px;text-align:left;vertical-align:top;white-space:pre-wrap}\n' +
        'th{background:#f1f3f4}td.n{text-align:right}h1{font-size:18px}h2{font-size:15px;margin:12px 0 4px}@media print{.actions{display:none}}</style></head>\n' +
        '<body><h1>T &amp; co</h1><p>Intro</p>\n' +
        '<p class="actions"><button onclick="window.print()">Imprimer</button>\n' +
        '<a href="x">x</a></p>\n' +
        '<p>B</p>\n' +
        '</body></html>',
    );
    const en = printablePage({ lang: 'en', title: 't', intro: 'i', body: '' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<button onclick="window.print()">Print</button>\n</p>');
  });

  it('escapes text for content and for either kind of quoted attribute', () => {
    expect(htmlText(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(htmlText(12 as unknown as string)).toBe('12');
  });
});

function club(locale = 'fr_FR'): Report {
  return run(
    [
      tab(
        'Membres',
        [...MEMBER_HEADERS.slice(0, 4), 'Entreprise', ...MEMBER_HEADERS.slice(4)],
        [
          ['M001', 'Ana', 'Lopez <b>', 'ana@club.fr', 'Atelier & Co', '', '01/01/2024', '', '', ''],
          ['M002', 'Bob', 'Morel', 'bob@club.fr', '', '', '01/01/2025', '', '', ''],
          ['M003', 'Chloé', 'Faure', 'chloe@club.fr', '', '', '01/09/2026', '', '', ''],
        ],
      ),
      tab('Cotisations', DUES_HEADERS, [
        ['M001', 2026, 100, '10/01/2026', 'payé'],
        ['M002', 2026, 100, '10/01/2026', 'payé'],
      ]),
    ],
    { locale },
  );
}

let report: Report;
let input: StatementPageInput;
beforeEach(() => {
  report = club();
  report.settings.clubName = 'Club <A>';
  report.settings.renewal = { ...report.settings.renewal, link: 'https://club.example/renew?a=1&b="2"' };
  input = {
    club: report.club,
    settings: report.settings,
    lang: 'fr',
    today: dayFromIso('2026-09-15')!,
    member: 'M001',
    period: '2026-S1',
  };
});

describe('a member’s statement page', () => {
  it('the statement’s lines, the club, the company and the renewal link, all escaped', () => {
    const result = memberStatementPage(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.memberId).toBe('M001');
    expect(result.period).toBe('du 01/01/2026 au 30/06/2026');
    const period = parsePeriod('2026-S1')!;
    const statement = memberStatements(report.club, period, input.today, null).find(
      (s) => s.memberId === 'M001',
    )!;
    const rows = statementLines(statement, 'fr', report.settings.currency)
      .map((l) => `<tr><td>${htmlText(l.label)}</td><td class="n">${htmlText(l.value)}</td></tr>`)
      .join('');
    expect(rows.split('<tr>').length).toBeGreaterThan(2);
    expect(result.html).toContain('<title>Bilan de Ana Lopez &lt;b&gt;</title>');
    expect(result.html).toContain(
      '<p>Ce que le réseau Club &lt;A&gt; a apporté à Ana Lopez &lt;b&gt; (Atelier &amp; Co), du 01/01/2026 au 30/06/2026. Édité le 15/09/2026.</p>',
    );
    expect(result.html).toContain(
      `<table><thead><tr><th>Indicateur</th><th>Valeur</th></tr></thead><tbody>${rows}</tbody></table>` +
        '<p>Renouveler votre adhésion : <a href="https://club.example/renew?a=1&amp;b=&quot;2&quot;">https://club.example/renew?a=1&amp;b=&quot;2&quot;</a></p>',
    );
  });

  it('in English, without club name, company or link', () => {
    report = club('en_GB');
    report.settings.clubName = '';
    report.settings.renewal = { ...report.settings.renewal, link: '' };
    const result = memberStatementPage({
      ...input,
      club: report.club,
      settings: report.settings,
      lang: 'en',
      member: 'M002',
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.period).toBe('from 01/01/2026 to 30/06/2026');
    expect(result.html).toContain('<title>Statement of Bob Morel</title>');
    expect(result.html).toContain(
      '<p>What the network brought Bob Morel, from 01/01/2026 to 30/06/2026. Printed on 15/09/2026.</p>',
    );
    expect(result.html).toContain('<tr><th>Figure</th><th>Value</th></tr>');
    expect(result.html).not.toContain('Renew your membership');
    expect(result.html).toMatch(/<\/table>\n<\/body>/);
  });

  it('a period still running stops at today; without a period, the statement period of Settings', () => {
    const running = memberStatementPage({ ...input, period: '2026' });
    if (!running.ok) throw new Error(running.message);
    expect(running.period).toBe('du 01/01/2026 au 15/09/2026');
    const fallback = memberStatementPage({ ...input, period: '  ' });
    expect(fallback.ok).toBe(true);
    const none = memberStatementPage({ ...input, period: undefined });
    expect(none).toEqual(fallback);
  });

  it('says why there is no page: unknown member, bad period, not a member then, a period not begun', () => {
    expect(memberStatementPage({ ...input, member: 'Zoé' })).toMatchObject({
      ok: false,
      code: 'unknown_member',
    });
    const bad = memberStatementPage({ ...input, period: `2026-S9${'x'.repeat(80)}` });
    expect(bad).toEqual({
      ok: false,
      code: 'bad_period',
      message: `Période « 2026-S9${'x'.repeat(43)} » non reconnue (ex. 2026, FY2026, 2026-S1, 2026-03).`,
    });
    expect(memberStatementPage({ ...input, lang: 'en', period: 'nope' })).toMatchObject({
      message: 'Period "nope" not recognised (e.g. 2026, FY2026, 2026-S1, 2026-03).',
    });
    // Chloé joined in September: not a member in the first half.
    expect(memberStatementPage({ ...input, member: 'M003' })).toEqual({
      ok: false,
      code: 'not_member',
      message: 'M003 n’était pas membre sur la période du 01/01/2026 au 30/06/2026 : pas de bilan.',
    });
    // A period that has not begun by today has no dates to say: its label then.
    expect(memberStatementPage({ ...input, period: '2026-12', lang: 'en' })).toEqual({
      ok: false,
      code: 'not_member',
      message: 'M001 was not a member over 2026-12: no statement.',
    });
  });

  it('a period that begins today has a one-day statement', () => {
    const result = memberStatementPage({ ...input, period: '2026-09', today: dayFromIso('2026-09-01')! });
    expect(result).toMatchObject({ ok: true, period: 'du 01/09/2026 au 01/09/2026' });
  });

  it('a fiscal year starting in September counts the dues of the term it starts in', () => {
    report.settings.fyStartMonth = 9;
    const fy = { ...input, settings: report.settings, period: 'FY2026' };
    const result = memberStatementPage(fy);
    if (!result.ok) throw new Error(result.message);
    const period = parsePeriod('FY2026', 9)!;
    const term = Number(period.label.match(/\d{4}/)![0]);
    const start = Number(String(result.period).match(/\d{4}/)![0]);
    const byTerm = memberStatements(report.club, period, input.today, start).find(
      (s) => s.memberId === 'M001',
    )!;
    const byDate = memberStatements(report.club, period, input.today, null).find(
      (s) => s.memberId === 'M001',
    )!;
    // Not a trivial check: the term's dues and the dues paid in the period differ here.
    expect(byTerm.duesPaid).not.toBe(byDate.duesPaid);
    const line = (st: typeof byTerm) =>
      statementLines(st, 'fr', report.settings.currency).map(
        (l) => `<td>${htmlText(l.label)}</td><td class="n">${htmlText(l.value)}</td>`,
      );
    for (const cell of line(byTerm)) expect(result.html).toContain(cell);
    expect(term).toBeGreaterThan(2000);
  });

  it('a half-year counts the dues paid in it, not the year’s term', () => {
    const result = memberStatementPage({ ...input, period: '2026-S2', today: dayFromIso('2026-12-20')! });
    if (!result.ok) throw new Error(result.message);
    const period = parsePeriod('2026-S2')!;
    const today = dayFromIso('2026-12-20')!;
    const byDate = memberStatements(report.club, period, today, null).find((s) => s.memberId === 'M001')!;
    const byTerm = memberStatements(report.club, period, today, 2026).find((s) => s.memberId === 'M001')!;
    expect(byTerm.duesPaid).not.toBe(byDate.duesPaid);
    for (const line of statementLines(byDate, 'fr', report.settings.currency))
      expect(result.html).toContain(
        `<td>${htmlText(line.label)}</td><td class="n">${htmlText(line.value)}</td>`,
      );
  });

  it('a fiscal year counts that term’s dues', () => {
    const result = memberStatementPage({ ...input, period: 'FY2026' });
    if (!result.ok) throw new Error(result.message);
    const period = parsePeriod('FY2026', report.settings.fyStartMonth)!;
    const statement = memberStatements(report.club, period, input.today, 2026).find(
      (s) => s.memberId === 'M001',
    )!;
    for (const line of statementLines(statement, 'fr', report.settings.currency))
      expect(result.html).toContain(
        `<td>${htmlText(line.label)}</td><td class="n">${htmlText(line.value)}</td>`,
      );
  });
});
