// Rule 10: an explicit merge request (v2 requests, CHANGE_IDENTIFIER / MERGE, auto-approved).
import type { Changeset } from './changeset.ts';
import { DomainError, type ApiMessage } from './errors.ts';
import { mergeCustomers } from './merge.ts';
import type { MergeRecord, Org } from './types.ts';

/** Merges the victim into the survivor inside `changeset`; 9029 / 9007 / 9042 / 9027 / 9023 refuse it. */
export function requestMerge(
  org: Org,
  changeset: Changeset,
  request: { survivorId: number; victimId: number },
): { record: MergeRecord; warning: ApiMessage } {
  const { survivorId, victimId } = request;
  if (survivorId === victimId) throw new DomainError(9029);
  const survivor = changeset.peek(survivorId);
  if (!survivor) throw new DomainError(9007);
  const victim = changeset.peek(victimId);
  if (!victim) throw new DomainError(9042);
  if (victim.mergedInto !== undefined) throw new DomainError(9027);
  if (survivor.mergedInto !== undefined) throw new DomainError(9023);
  return mergeCustomers(org, changeset, survivorId, victimId, 'mergeRequest');
}
