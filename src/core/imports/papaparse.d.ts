/**
 * The part of papaparse's API that csv.ts uses (the package ships no types and @types/papaparse is
 * not a dependency).
 */

declare module 'papaparse' {
  export interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
  }
  export interface ParseResult {
    data: string[][];
    errors: ParseError[];
    meta: { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean };
  }
  export interface ParseConfig {
    delimiter?: string;
    delimitersToGuess?: string[];
    newline?: string;
    quoteChar?: string;
    header?: false;
    skipEmptyLines?: boolean | 'greedy';
  }
  export function parse(input: string, config?: ParseConfig): ParseResult;
  /** Writes rows as CSV (used by the network roll-up's benchmarks.csv). */
  export function unparse(data: unknown[][], config?: { delimiter?: string; newline?: string }): string;
  const Papa: { parse: typeof parse; unparse: typeof unparse };
  export default Papa;
}
