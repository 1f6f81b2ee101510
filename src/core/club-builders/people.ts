/** Who counts, and as whom: the two rules on people the model's builders and the KPIs share. */

import type { Day } from '../dates';
import type { Member } from '../model';
import { normalizeName } from '../normalize';

/** True when the member counts as active on day d (SPEC §3 "Active at date d"). */
export function isActiveOn(m: Member, d: Day): boolean {
  if (m.joinedOn === null || m.joinedOn > d) return false;
  if (m.status === 'prospect' || m.formerWithoutLeft) return false;
  return m.leftOn === null || m.leftOn >= d;
}

/** Each member's key, made once: the same string then serves every Set and Map it keys. */
const memberKeys = new WeakMap<Member, string>();

/** The key a person is counted by: member id, else email, else normalised name. */
export function personKeyOf(member: Member | null, ref: string): string {
  if (member) {
    let key = memberKeys.get(member);
    if (key === undefined) {
      key = `m:${member.id}`;
      memberKeys.set(member, key);
    }
    return key;
  }
  const text = ref.trim();
  return text.includes('@') ? `e:${text.toLowerCase()}` : `n:${normalizeName(text)}`;
}
