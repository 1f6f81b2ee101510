/** Which direction of change is good news for a KPI (SPEC §6: arrows coloured by it). */

import type { GoodDirection, KpiDefinition } from './types';

export function goodDirectionOf(def: Pick<KpiDefinition, 'good' | 'lowerIsBetter'>): GoodDirection {
  return def.good ?? (def.lowerIsBetter ? 'down' : 'up');
}
