/**
 * The KPI catalogue: one ordered registry of every KPI definition, family by family (SPEC §3).
 * New families join by adding their list here; `enabled_kpis` in Settings selects a subset.
 */

import { ENGAGEMENT } from './engagement';
import { OPPORTUNITIES } from './opportunities';
import { RETENTION } from './retention';
import { SATISFACTION } from './satisfaction';
import type { KpiDefinition } from './types';

export const CATALOGUE: KpiDefinition[] = [...ENGAGEMENT, ...OPPORTUNITIES, ...SATISFACTION, ...RETENTION];

export const KPI_IDS: string[] = CATALOGUE.map((k) => k.id);

export function kpiDefinition(id: string): KpiDefinition | undefined {
  return CATALOGUE.find((k) => k.id === id);
}
