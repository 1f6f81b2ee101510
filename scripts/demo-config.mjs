// The demo club's fixed "today": the demo workbook's history ends on this day, and `npm start`
// refreshes it as of this day so that its output is the same on every machine.
export const DEMO_TODAY = '2026-11-27';
export const DEMO_WORKBOOK = 'examples/demo-club.xlsx';
