// Messages the org sends its customers (SMS and email). The reference delivers nothing: every message goes
// to the org's outbox, which the test-control extension shows, so the suite sees what a customer received
// (a sign-in OTP, the sender ID an SMS went out with).
import { DomainError } from '../domain/errors.ts';
import { inTimeZone } from '../domain/time_zone.ts';
import type { ServiceCore } from './service_core.ts';

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
  /** Email attachments as received: name, encoding and the size of the file they carry. */
  readonly attachments?: readonly { readonly fileName: string; readonly encoding: string; readonly bytes: number }[];
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
      // Stryker disable next-line UpdateOperator: message ids only need to differ
      const sent: SentMessage = { id: ++lastId, ...message };
      const list = byOrg.get(orgId) ?? [];
      list.push(sent);
      byOrg.set(orgId, list);
      return sent;
    },
    messagesOf: (orgId) => [...(byOrg.get(orgId) ?? [])],
  };
}

// ---- the communications API (seed 003 "Send SMS [...] from OU specific Sender IDs", "Send email API [...] image attachments")

export interface EmailAttachmentInput {
  readonly fileName: string;
  readonly fileData: string;
  /** fileEncodingType (v2) or file_encoding_type (v1.1). */
  readonly encoding?: string;
}

export interface CommunicationOperations {
  /** The sender is used when the org configured it (CONF_SMS_SENDER_IDS); none or another: the org's default. */
  sendSms(orgId: number, message: { to: string; body: string; sender?: string }): SentMessage;
  /** Image attachments (jpg, jpeg, png, gif) need base64 (8450); other files need no encoding. */
  sendEmail(orgId: number, message: { to: string; subject: string; body: string; attachments: readonly EmailAttachmentInput[] }): SentMessage;
  /** Test control: the org's outbox, oldest first, times in the org's time zone. */
  sentMessages(orgId: number): SentMessage[];
}

const IMAGE = /\.(jpe?g|png|gif)$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function attachment(input: EmailAttachmentInput): { fileName: string; encoding: string; bytes: number } {
  // The seed names one value, "base64"; no encoding (or an empty one) is a file sent as it is.
  const encoding = input.encoding ?? '';
  if (encoding !== '' && encoding !== 'base64') throw new DomainError(8451, encoding, input.fileName);
  // Seed 003: "Only if the file_encoding_type is base64, images will get uploaded in the right format".
  if (IMAGE.test(input.fileName) && encoding !== 'base64') throw new DomainError(8450, input.fileName);
  if (encoding === 'base64') {
    if (input.fileData.length % 4 !== 0 || !BASE64.test(input.fileData)) throw new DomainError(8452, input.fileName);
    return { fileName: input.fileName, encoding, bytes: Buffer.from(input.fileData, 'base64').length };
  }
  return { fileName: input.fileName, encoding: 'none', bytes: Buffer.byteLength(input.fileData) };
}

export function createCommunicationOperations(core: ServiceCore, outbox: Outbox): CommunicationOperations {
  const { orgOf, now } = core;
  return {
    sendSms(orgId, message) {
      const org = orgOf(orgId);
      // Every org has the setting (parseOrgConfigs fills the defaults: no sender IDs, UTC).
      const configured = String(org.configs.CONF_SMS_SENDER_IDS).split(',');
      const wanted = message.sender;
      const sender = wanted && configured.includes(wanted) ? wanted : String(org.configs.CONF_SMS_DEFAULT_SENDER_ID);
      return outbox.deliver(orgId, { channel: 'SMS', to: message.to, body: message.body, purpose: 'API', sentAt: now(), sender });
    },
    sendEmail(orgId, message) {
      orgOf(orgId);
      const attachments = message.attachments.map(attachment);
      return outbox.deliver(orgId, {
        channel: 'EMAIL',
        to: message.to,
        subject: message.subject,
        body: message.body,
        purpose: 'API',
        sentAt: now(),
        attachments,
      });
    },
    sentMessages(orgId) {
      const zone = String(orgOf(orgId).configs.CONF_ORG_TIMEZONE);
      return outbox.messagesOf(orgId).map((message) => ({ ...message, sentAt: inTimeZone(message.sentAt, zone) }));
    },
  };
}
