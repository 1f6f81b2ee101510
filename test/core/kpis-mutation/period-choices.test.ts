/**
 * The Settings the sidebar reads before any refresh (src/core/period-choices.ts `settingsOfTabs`),
 * hand-worked (issue 23): a club whose year starts in September must see its periods from September.
 */

import { describe, expect, it } from 'vitest';
import { settingsOfTabs } from '../../../src/core/period-choices';
import { tab } from '../fixtures';

describe('settings before a refresh', () => {
  it('reads the Settings tab among the others, and gives the defaults without one', () => {
    const tabs = [
      tab('Membres', ['ID membre'], [['M001']]),
      tab('Paramètres', ['Clé', 'Valeur'], [['fiscal_year_start_month', '9']]),
    ];
    expect(settingsOfTabs(tabs, 'fr_FR', 'Europe/Paris').fyStartMonth).toBe(9);
    expect(settingsOfTabs(tabs.slice(0, 1), 'fr_FR', 'Europe/Paris').fyStartMonth).toBe(1);
  });
});
