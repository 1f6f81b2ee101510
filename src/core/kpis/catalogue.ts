/**
 * The KPI catalogue: one ordered registry of every KPI definition, family by family (SPEC §3).
 * New families join by adding their list here; `enabled_kpis` in Settings selects a subset.
 */

import { ENGAGEMENT } from './engagement';
import { KNOWLEDGE } from './knowledge';
import { OPPORTUNITIES } from './opportunities';
import { RETENTION } from './retention';
import { ROI } from './roi';
import { CLIMATE, SATISFACTION } from './satisfaction';
import type { KpiDefinition } from './types';
import { VISIBILITY } from './visibility';

export const CATALOGUE: KpiDefinition[] = [
  ...ENGAGEMENT,
  ...OPPORTUNITIES,
  ...SATISFACTION,
  ...RETENTION,
  ...KNOWLEDGE,
  ...VISIBILITY,
  ...CLIMATE,
  ...ROI,
];

export const KPI_IDS: string[] = CATALOGUE.map((k) => k.id);

export function kpiDefinition(id: string): KpiDefinition | undefined {
  return CATALOGUE.find((k) => k.id === id);
}
