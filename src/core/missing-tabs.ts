/**
 * A tracking tab that is missing is one data issue `missing_tab` naming the KPIs it would feed
 * (SPEC §12), so that a workbook without its tabs never refreshes with "0 data issues" and a
 * dashboard of "no data" left unexplained. Only tabs feeding at least one enabled KPI are reported.
 */

import type { Lang } from './i18n';
import type { IssueLog } from './issues';
import { CATALOGUE } from './kpis/catalogue';
import type { TabRead } from './read';
import type { TabKey } from './schema';

/** KPI labels listed in full up to this many; the rest are counted. */
const LISTED = 6;

const MORE = { fr: 'et {n} autres', en: 'and {n} more' };

export function reportMissingTabs(
  tabs: Map<TabKey, TabRead>,
  enabledKpis: string[] | null,
  lang: Lang,
  issues: IssueLog,
): void {
  const enabled = enabledKpis ? new Set(enabledKpis) : null;
  for (const [key, tab] of tabs) {
    if (tab.found) continue;
    const labels = CATALOGUE.filter((k) => k.tabs.includes(key) && (!enabled || enabled.has(k.id))).map(
      (k) => k.label[lang],
    );
    if (labels.length === 0) continue;
    const shown = labels.slice(0, LISTED);
    if (labels.length > LISTED) shown.push(MORE[lang].replace('{n}', String(labels.length - LISTED)));
    issues.add({
      tab: tab.name,
      row: null,
      column: null,
      value: tab.name,
      code: 'missing_tab',
      extra: { kpis: shown.join(', ') },
    });
  }
}
