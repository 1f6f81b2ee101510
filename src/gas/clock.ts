/**
 * The add-on's clock: the time is read only here, through `Date.now()`, so that the local runtime
 * can set it (reproducible runs, tests of what happens on a later day) without replacing `Date`.
 */

export function now(): Date {
  return new Date(Date.now());
}
