// Seed 003 "New User Groups to automatically associate with the default loyalty program" and "API Support to
// fetch group transactions": a group created through `/v2/userGroup2` is in the default program from its
// creation (its slab and points read right before any group transaction); transactions members make on
// behalf of the group earn the group's points, each with its expiry, and only those are the group's.
//
// Rulings (README 166-168): a customer belongs to one group at a time; a group transaction's points go to the
// group's account, not the member's; points issued on a bill expire at the end of the day
// CONF_LOYALTY_POINTS_VALIDITY_DAYS after the bill's date.
import { DomainError } from '../domain/errors.ts';
import { readLoyaltyProgram } from '../domain/loyalty_program.ts';
import { tierFor, transactionPoints } from '../domain/points.ts';
import type { Customer } from '../domain/types.ts';
import { createMemoryUserGroupStore, type GroupAccount, type GroupTransaction, type UserGroup, type UserGroupStore } from '../store/user_group_store.ts';
import type { OperationGuard } from './operation_guard.ts';
import type { ServiceCore } from './service_core.ts';

export interface UserGroupView {
  readonly group: UserGroup;
  readonly account: GroupAccount;
}

export interface UserGroupOperations {
  createUserGroup(orgId: number, input: { name: string; externalId?: string; primaryMemberId: number; memberIds?: readonly number[] }): UserGroupView;
  getUserGroup(orgId: number, groupId: number): UserGroupView;
  /** A transaction a member made on behalf of the group (8421 when the customer is not a member). */
  addGroupTransaction(orgId: number, groupId: number, input: { memberId: number; billNumber: string; billAmount: number; billingTime?: string }): GroupTransaction;
  /** The group's transactions, newest first; members' individual transactions are never among them. */
  groupTransactions(orgId: number, groupId: number): GroupTransaction[];
}

const DAY_MS = 24 * 3600 * 1000;

/** The last day points issued on a bill of `billingTime` are valid (the bill's UTC date plus the validity). */
export function pointsExpiryDate(billingTime: string, validityDays: number): string {
  const billDay = Date.parse(`${billingTime.slice(0, 10)}T00:00:00Z`);
  return new Date(billDay + validityDays * DAY_MS).toISOString().slice(0, 10);
}

export function createUserGroupOperations(core: ServiceCore, guard: OperationGuard, store: UserGroupStore = createMemoryUserGroupStore()): UserGroupOperations {
  const { orgOf, now, guardForeign } = core;

  const liveMember = (orgId: number, customerId: number): Customer => {
    guardForeign(orgId, customerId);
    const customer = core.store.customers(orgId).get(customerId);
    if (!customer) throw new DomainError(8015);
    if (customer.mergedInto !== undefined) throw new DomainError(8067, customer.mergedInto);
    return customer;
  };

  const groupOf = (orgId: number, groupId: number): UserGroup => {
    orgOf(orgId);
    const group = store.group(orgId, groupId);
    if (!group) throw new DomainError(8420, groupId);
    return group;
  };

  return {
    createUserGroup(orgId, input) {
      const org = orgOf(orgId);
      const memberIds = [...new Set([input.primaryMemberId, ...(input.memberIds ?? [])])];
      for (const memberId of memberIds) {
        liveMember(orgId, memberId);
        const current = store.groupOfMember(orgId, memberId);
        if (current) throw new DomainError(8422, memberId, current.id);
      }
      const group: UserGroup = {
        id: store.nextGroupId(),
        orgId,
        name: input.name,
        // Absent when not given: an undefined value is never sent.
        externalId: input.externalId,
        primaryMemberId: input.primaryMemberId,
        memberIds,
        createdAt: now(),
      };
      // Seed 003: "user groups are automatically added to the default loyalty program at the time of group creation".
      const program = readLoyaltyProgram(org.configs);
      const account: GroupAccount = { programId: program.programs[0].id, programName: program.programs[0].name, tier: program.tiers[0].name, balance: 0, lifetimePoints: 0 };
      store.save(group, account);
      return { group, account };
    },

    getUserGroup(orgId, groupId) {
      const group = groupOf(orgId, groupId);
      return { group, account: store.account(orgId, groupId)! };
    },

    addGroupTransaction(orgId, groupId, input) {
      const org = orgOf(orgId);
      const group = groupOf(orgId, groupId);
      const member = liveMember(orgId, input.memberId);
      if (!group.memberIds.includes(member.id)) throw new DomainError(8421, member.id, group.id);
      guard.requireAllowed(orgId, member, 'BLOCK_TRANSACTION');
      if (store.transactions(orgId, groupId).some((transaction) => transaction.billNumber === input.billNumber)) throw new DomainError(8423, input.billNumber, group.id);
      const program = readLoyaltyProgram(org.configs);
      const points = transactionPoints(input.billAmount, program);
      // A bill sent without its time is made now, by the org's clock (test control may have set it).
      const billingTime = input.billingTime ?? core.orgNow(orgId);
      const before = store.account(orgId, groupId)!;
      const lifetimePoints = before.lifetimePoints + points;
      const transaction: GroupTransaction = {
        id: store.nextTransactionId(),
        groupId,
        memberId: member.id,
        billNumber: input.billNumber,
        billAmount: input.billAmount,
        billingTime,
        points,
        pointsExpiryDate: pointsExpiryDate(billingTime, Number(org.configs.CONF_LOYALTY_POINTS_VALIDITY_DAYS)),
      };
      store.addTransaction(orgId, transaction, { ...before, balance: before.balance + points, lifetimePoints, tier: tierFor(program.tiers, lifetimePoints).name });
      return transaction;
    },

    groupTransactions(orgId, groupId) {
      groupOf(orgId, groupId);
      return store.transactions(orgId, groupId).reverse();
    },
  };
}
