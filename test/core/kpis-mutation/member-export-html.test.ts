/**
 * The printable page of a member's data (src/core/member-export-html.ts), hand-worked (issue 23):
 * one table per tab with only the columns that hold something for the member, the row numbers,
 * every workbook text escaped, the JSON download named after the member, French and English.
 */

import { describe, expect, it } from 'vitest';
import type { MemberExport } from '../../../src/core/member-data';
import { memberExportHtml } from '../../../src/core/member-export-html';

function data(extra: Partial<MemberExport> = {}): MemberExport {
  return {
    member: { id: 'M-007', firstName: 'Anne', lastName: 'Durand', email: 'anne@example.fr' },
    exportedOn: '2026-12-05',
    tabs: [
      {
        tab: 'Members',
        headers: ['member_id', 'first_name', 'company', 'notes'],
        rows: [{ row: 3, values: { member_id: 'M-007', first_name: 'Anne', company: 'Durand & Fils <SA>' } }],
      },
      {
        tab: 'Attendance',
        headers: ['event_id', 'member_id'],
        rows: [
          { row: 2, values: { event_id: 'E1', member_id: 'M-007' } },
          { row: 9, values: { member_id: 'M-007' } },
        ],
      },
    ],
    ...extra,
  };
}

describe('memberExportHtml', () => {
  it('gives one table per tab, its used columns and row numbers, in French', () => {
    const html = memberExportHtml(data(), 'fr');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<title>Données personnelles de M-007</title>');
    expect(html).toContain(
      '<p>Toutes les lignes du classeur qui désignent ce membre (par ID, e-mail ou nom), au 2026-12-05.</p>',
    );
    expect(html).toContain(
      '<h2>Members</h2><table><thead><tr><th>Ligne</th><th>member_id</th><th>first_name</th><th>company</th></tr></thead>' +
        '<tbody><tr><td>3</td><td>M-007</td><td>Anne</td><td>Durand &amp; Fils &lt;SA&gt;</td></tr></tbody></table>\n' +
        '<h2>Attendance</h2><table><thead><tr><th>Ligne</th><th>event_id</th><th>member_id</th></tr></thead>' +
        '<tbody><tr><td>2</td><td>E1</td><td>M-007</td></tr><tr><td>9</td><td></td><td>M-007</td></tr></tbody></table>',
    );
    expect(html).not.toContain('<th>notes</th>');
    expect(html).toContain('>Télécharger (JSON)</a>');
  });

  it('offers the whole export as a JSON file named after the member', () => {
    const html = memberExportHtml(
      data({ member: { id: 'M 7/é"x', firstName: '', lastName: '', email: '' } }),
      'en',
    );
    const link =
      /<a id="download" download="([^"]*)" href="data:application\/json;charset=utf-8,([^"]*)">Download \(JSON\)<\/a>/.exec(
        html,
      );
    expect(link).not.toBeNull();
    expect(link?.[1]).toBe('M_7_x.json');
    const parsed = JSON.parse(decodeURIComponent(link?.[2] ?? ''));
    expect(parsed.member.id).toBe('M 7/é"x');
    expect(parsed.tabs[0].rows[0].values.company).toBe('Durand & Fils <SA>');
    expect(decodeURIComponent(link?.[2] ?? '')).toContain('\n  "member": {');
  });

  it('escapes the member id in the title and the names of tabs and columns', () => {
    const html = memberExportHtml(
      data({
        member: { id: '<b>X</b>', firstName: '', lastName: '', email: '' },
        exportedOn: '<i>d</i>',
        tabs: [{ tab: 'T<1>', headers: ['h"1'], rows: [{ row: 4, values: { 'h"1': "l'a" } }] }],
      }),
      'en',
    );
    expect(html).toContain('<title>Personal data of &lt;b&gt;X&lt;/b&gt;</title>');
    expect(html).toContain('on &lt;i&gt;d&lt;/i&gt;.</p>');
    expect(html).toContain('<h2>T&lt;1&gt;</h2><table><thead><tr><th>Row</th><th>h&quot;1</th></tr>');
    expect(html).toContain('<td>4</td><td>l&#39;a</td>');
    expect(html).not.toContain('<b>X');
  });

  it('says there is no row when no tab names the member', () => {
    expect(memberExportHtml(data({ tabs: [] }), 'fr')).toContain('<p>Aucune ligne.</p>');
    expect(memberExportHtml(data({ tabs: [] }), 'en')).toContain('<p>No row.</p>');
    expect(memberExportHtml(data(), 'en')).not.toContain('No row.');
  });
});
