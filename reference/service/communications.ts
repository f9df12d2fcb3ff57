// Messages the org sends its customers (SMS and email). The reference delivers nothing: every message goes
// to the org's outbox, which the test-control extension shows, so the suite sees what a customer received
// (a sign-in OTP, the sender ID an SMS went out with).

export type MessageChannel = 'SMS' | 'EMAIL';

export interface SentMessage {
  readonly id: number;
  readonly channel: MessageChannel;
  /** A mobile number or an email address. */
  readonly to: string;
  readonly body: string;
  /** Why it was sent: a sign-in OTP, or a message an API call asked for. */
  readonly purpose: 'SIGN_IN_OTP' | 'API';
  readonly sentAt: string;
  readonly sender?: string;
  readonly subject?: string;
}

export interface Outbox {
  deliver(orgId: number, message: Omit<SentMessage, 'id'>): SentMessage;
  /** The org's messages, oldest first. */
  messagesOf(orgId: number): SentMessage[];
}

export function createMemoryOutbox(): Outbox {
  const byOrg = new Map<number, SentMessage[]>();
  let lastId = 0;
  return {
    deliver(orgId, message) {
      const sent: SentMessage = { id: ++lastId, ...message };
      const list = byOrg.get(orgId) ?? [];
      list.push(sent);
      byOrg.set(orgId, list);
      return sent;
    },
    messagesOf: (orgId) => [...(byOrg.get(orgId) ?? [])],
  };
}
