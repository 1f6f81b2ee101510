/**
 * The reference resolver of the club model (SPEC §12): a member reference is an exact ID, else an
 * email (case-insensitive), else a unique name (first last or last first, normalised); an unknown
 * or ambiguous reference is reported on its cell.
 */

import type { Member } from '../model';
import { normalizeName } from '../normalize';
import type { BuildContext, MemberContext, ResolveMember } from './context';

type Resolution = { member: Member } | { ambiguous: true } | { none: true };

/** Finds a member from a reference: exact ID, else email (case-insensitive), else unique name. */
export class MemberResolver {
  private readonly byId = new Map<string, Member>();
  private readonly byEmail = new Map<string, Member>();
  private readonly byName = new Map<string, Member | 'ambiguous'>();

  constructor(members: Member[]) {
    for (const m of members) this.byId.set(m.id, m);
    for (const m of members) {
      const email = m.email.toLowerCase();
      if (email && !this.byEmail.has(email)) this.byEmail.set(email, m);
      const first = normalizeName(m.firstName);
      const last = normalizeName(m.lastName);
      if (!first && !last) continue;
      for (const key of new Set([`${first} ${last}`.trim(), `${last} ${first}`.trim()])) {
        const existing = this.byName.get(key);
        this.byName.set(key, existing && existing !== m ? 'ambiguous' : m);
      }
    }
  }

  resolve(ref: string): Resolution {
    const text = ref.trim();
    const byId = this.byId.get(text);
    if (byId) return { member: byId };
    const byEmail = this.byEmail.get(text.toLowerCase());
    if (byEmail) return { member: byEmail };
    const byName = this.byName.get(normalizeName(text));
    if (byName === 'ambiguous') return { ambiguous: true };
    if (byName) return { member: byName };
    return { none: true };
  }
}

/** The context of the tabs that name members: `resolve` reports what `resolver` cannot resolve. */
export function withMembers(ctx: BuildContext, members: Member[]): MemberContext {
  const resolver = new MemberResolver(members);
  const resolve: ResolveMember = (key, row, column, ref, reportMissing) => {
    if (!ref) return null;
    const r = resolver.resolve(ref);
    if ('member' in r) return r.member;
    if ('ambiguous' in r) ctx.report(key, row, column, ref, 'ambiguous_member');
    else if (reportMissing) ctx.report(key, row, column, ref, 'unknown_member');
    return null;
  };
  return { ...ctx, resolver, resolve };
}
