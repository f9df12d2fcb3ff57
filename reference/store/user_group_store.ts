// User groups (seed 003 "New User Groups", `/v2/userGroup2`): groups with their members, the group's own
// loyalty account, and the transactions members made on behalf of the group. In memory, behind a port.

export interface UserGroup {
  readonly id: number;
  readonly orgId: number;
  readonly name: string;
  readonly externalId?: string;
  readonly primaryMemberId: number;
  /** Every member, the primary one first. */
  readonly memberIds: readonly number[];
  readonly createdAt: string;
}

export interface GroupAccount {
  readonly programId: number;
  readonly programName: string;
  readonly tier: string;
  readonly balance: number;
  readonly lifetimePoints: number;
}

export interface GroupTransaction {
  readonly id: number;
  readonly groupId: number;
  readonly memberId: number;
  readonly billNumber: string;
  readonly billAmount: number;
  readonly billingTime: string;
  readonly points: number;
  /** The day the points issued on this bill expire (YYYY-MM-DD). */
  readonly pointsExpiryDate: string;
}

export interface UserGroupStore {
  nextGroupId(): number;
  nextTransactionId(): number;
  save(group: UserGroup, account: GroupAccount): void;
  group(orgId: number, groupId: number): UserGroup | undefined;
  groupOfMember(orgId: number, customerId: number): UserGroup | undefined;
  account(orgId: number, groupId: number): GroupAccount | undefined;
  /** Records a group transaction and the account it leaves. */
  addTransaction(orgId: number, transaction: GroupTransaction, account: GroupAccount): void;
  /** The group's transactions, oldest first. */
  transactions(orgId: number, groupId: number): GroupTransaction[];
}

export function createMemoryUserGroupStore(): UserGroupStore {
  const groups = new Map<string, UserGroup>();
  const accounts = new Map<string, GroupAccount>();
  const memberOf = new Map<string, number>();
  const transactions = new Map<string, GroupTransaction[]>();
  const key = (orgId: number, id: number) => `${orgId}/${id}`;
  let lastGroupId = 0;
  let lastTransactionId = 0;
  return {
    nextGroupId: () => ++lastGroupId,
    nextTransactionId: () => ++lastTransactionId,
    save(group, account) {
      groups.set(key(group.orgId, group.id), group);
      accounts.set(key(group.orgId, group.id), account);
      for (const memberId of group.memberIds) memberOf.set(key(group.orgId, memberId), group.id);
    },
    group: (orgId, groupId) => groups.get(key(orgId, groupId)),
    groupOfMember(orgId, customerId) {
      const groupId = memberOf.get(key(orgId, customerId));
      return groupId === undefined ? undefined : groups.get(key(orgId, groupId));
    },
    account: (orgId, groupId) => accounts.get(key(orgId, groupId)),
    addTransaction(orgId, transaction, account) {
      const list = transactions.get(key(orgId, transaction.groupId)) ?? [];
      list.push(transaction);
      transactions.set(key(orgId, transaction.groupId), list);
      accounts.set(key(orgId, transaction.groupId), account);
    },
    transactions: (orgId, groupId) => [...(transactions.get(key(orgId, groupId)) ?? [])],
  };
}
