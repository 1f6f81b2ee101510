/**
 * A workbook missing tracking tabs (issue 14, SPEC §12): each missing tab is one `missing_tab`
 * issue naming the KPIs it would feed, in the workbook's language; a tab feeding only disabled KPIs
 * is not reported, and a tab that is there is not.
 */

import { describe, expect, it } from 'vitest';
import { issues, kpi, MEMBERS_HEADER, memberRows, run, tab } from './fixtures';

describe('missing tracking tabs', () => {
  it('reports each missing tab once, with the KPIs it would feed (French)', () => {
    const report = run([tab('Membres', MEMBERS_HEADER, memberRows(3))]);
    const missing = issues(report, 'missing_tab');
    const tabs = missing.map((i) => i.tab);
    expect(new Set(tabs).size).toBe(tabs.length);
    expect(tabs).toEqual(
      expect.arrayContaining(['Réponses', 'Événements', 'Participations', 'Cotisations', 'Recommandations']),
    );
    expect(tabs).not.toContain('Membres');
    const responses = missing.find((i) => i.tab === 'Réponses')!;
    expect(responses).toMatchObject({ row: null, column: null, value: 'Réponses' });
    expect(responses.message).toContain('Onglet « Réponses » absent');
    expect(responses.message).toContain(kpi(report, 'nps').label);
    // The KPIs it would feed count the issue.
    expect(kpi(report, 'nps').issueCount).toBe(1);
    expect(kpi(report, 'nps').value).toBeNull();
  });

  it('speaks English in an English workbook, and lists a long KPI list shortly', () => {
    const report = run([tab('Responses', ['Submitted at', 'Survey ID', 'NPS'], [['2026-03-10', 'S', 9]])], {
      locale: 'en_GB',
      timeZone: 'Europe/London',
    });
    const members = issues(report, 'missing_tab').find((i) => i.tab === 'Members')!;
    expect(members.message).toMatch(/^Tab "Members" is missing: these KPIs have no data: .+ and \d+ more\./);
    expect(issues(report, 'missing_tab').map((i) => i.tab)).not.toContain('Responses');
  });

  it('leaves out tabs that feed only disabled KPIs', () => {
    const report = run([
      tab('Membres', MEMBERS_HEADER, memberRows(3)),
      tab('Paramètres', ['Clé', 'Valeur'], [['enabled_kpis', 'nps']]),
    ]);
    expect(issues(report, 'missing_tab').map((i) => i.tab)).toEqual(['Réponses']);
  });
});
