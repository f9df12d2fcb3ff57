// Routes of seed 003's user groups: `/v2/userGroup2` (create, read with the group's loyalty details), the
// transactions members make on behalf of the group, and the group transactions read.
import type { GroupTransaction } from '../store/user_group_store.ts';
import type { UserGroupView } from '../service/user_groups.ts';
import { ok, withoutUndefined, type RouteDefinition } from './route_support.ts';

function groupBody({ group, account }: UserGroupView): Record<string, unknown> {
  return withoutUndefined({
    id: group.id,
    name: group.name,
    externalId: group.externalId,
    primaryMemberId: group.primaryMemberId,
    members: group.memberIds.map((customerId) => ({ customerId, role: customerId === group.primaryMemberId ? 'PRIMARY' : 'SECONDARY' })),
    createdOn: group.createdAt,
    loyaltyDetails: {
      programId: account.programId,
      programName: account.programName,
      currentSlab: account.tier,
      loyaltyPoints: account.balance,
      lifetimePoints: account.lifetimePoints,
    },
  });
}

function groupTransactionBody(transaction: GroupTransaction): Record<string, unknown> {
  return {
    id: transaction.id,
    memberId: transaction.memberId,
    billNumber: transaction.billNumber,
    billAmount: transaction.billAmount,
    billingTime: transaction.billingTime,
    pointsIssued: transaction.points,
    pointsExpiryDate: transaction.pointsExpiryDate,
  };
}

export const USER_GROUP_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'POST',
    path: '/v2/userGroup2',
    operationId: 'createUserGroup',
    auth: true,
    handler: ({ service, org, body }) => {
      const view = service.createUserGroup(org.id, withoutUndefined({ name: body.name, externalId: body.externalId, primaryMemberId: body.primaryMemberId, memberIds: body.memberIds }));
      return ok({ createdId: view.group.id, entity: groupBody(view), warnings: [] });
    },
  },
  // Before /v2/userGroup2/:groupId, which "transactions" would otherwise match.
  {
    method: 'GET',
    path: '/v2/userGroup2/transactions',
    operationId: 'getUserGroupTransactions',
    auth: true,
    handler: ({ service, org, query }) => {
      const transactions = service.groupTransactions(org.id, query.groupId as number);
      return ok({ entity: { groupId: query.groupId, transactions: transactions.map(groupTransactionBody) }, warnings: [] });
    },
  },
  {
    method: 'GET',
    path: '/v2/userGroup2/:groupId',
    operationId: 'getUserGroup',
    auth: true,
    handler: ({ service, org, path }) => ok({ entity: groupBody(service.getUserGroup(org.id, path.groupId as number)), warnings: [] }),
  },
  {
    method: 'POST',
    path: '/v2/userGroup2/:groupId/transactions',
    operationId: 'addUserGroupTransaction',
    auth: true,
    handler: ({ service, org, path, body }) => {
      const transaction = service.addGroupTransaction(org.id, path.groupId as number, withoutUndefined({
        memberId: body.memberId as number,
        billNumber: body.billNumber as string,
        billAmount: body.billAmount as number,
        billingTime: body.billingTime as string | undefined,
      }));
      return ok({ createdId: transaction.id, entity: groupTransactionBody(transaction), warnings: [] });
    },
  },
];
