/** The size band of a club for a period: its active members at the period's end (issue 22). */

import type { Day } from '../dates';
import type { Lang } from '../i18n';
import { kpiDefinition } from '../kpis/catalogue';
import type { Club } from '../model';
import type { Period } from '../periods';
import type { Settings } from '../settings';
import { type SizeBand, sizeBandOf } from './bands';

export function clubBandOf(club: Club, period: Period, today: Day, settings: Settings, lang: Lang): SizeBand {
  const measure = kpiDefinition('active_members')!.compute({
    club,
    period,
    today,
    settings,
    lang,
    memo: new Map(),
  });
  return sizeBandOf(typeof measure.value === 'number' ? measure.value : 0);
}
