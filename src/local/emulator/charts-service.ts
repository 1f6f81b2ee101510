/**
 * The emulated Charts service: the ChartType enum.
 * https://developers.google.com/apps-script/reference/charts/charts
 */

import { CHART_TYPES, enumOf } from './builders';

export class ChartsImpl {
  readonly ChartType = enumOf(CHART_TYPES);
  toString(): string {
    return 'Charts';
  }
}
