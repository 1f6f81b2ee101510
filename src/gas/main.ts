/**
 * The add-on's server bundle: everything Apps Script calls, as `App.entries` (the functions of the
 * one list, entry-points.ts), which build.mjs wraps with top-level stubs. Importing this file
 * touches no service: all work happens inside the functions.
 */

// Registers the time-zone reader used where Intl has no zone data (time-zones.ts).
import './time-zones';
import { entryFunctions } from './entry-points';

export const entries = entryFunctions();
