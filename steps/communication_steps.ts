// Seed 003 communications: SMS sender IDs, email attachments, and the org's time zone on what was sent. What
// went out is read from the org's outbox (test control).
import { Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { HarnessError, type SentMessageView } from '../driver/driver.ts';
import type { MemberspecWorld } from './support/world.ts';

/**
 * A small file per type: the first bytes of a PNG, JPEG and GIF in base64; plain text and a PDF header as they
 * are. Their base64 ends with one padding "=", two, or none (jpeg).
 */
const FILE_DATA: Readonly<Record<string, { base64: string; plain: string }>> = {
  png: { base64: 'iVBORw0KGgo=', plain: '\x89PNG\r\n\x1a\n' },
  jpg: { base64: '/9j/4AAQSkZJRg==', plain: 'JFIF' },
  jpeg: { base64: '/9j/4AAQ', plain: 'JFIF' },
  gif: { base64: 'R0lGODlhAQABAA==', plain: 'GIF89a' },
  pdf: { base64: 'JVBERi0xLjQ=', plain: '%PDF-1.4' },
  txt: { base64: 'aGVsbG8=', plain: 'hello' },
};

function symbol(world: MemberspecWorld, token: string): string {
  const value = world.value(token);
  if (value === undefined) throw new Error(`${token} cannot be NULL here`);
  return value;
}

async function lastTo(world: MemberspecWorld, to: string, channel: string): Promise<SentMessageView> {
  const sent = (await (await world.session()).sentMessages()).filter((message) => message.channel === channel && message.to === to && message.purpose === 'API');
  const last = sent[sent.length - 1];
  if (!last) expect.fail(`no ${channel} was sent to ${world.describe(to)}`);
  return last;
}

When('an SMS is sent to mobile {word} with the sender ID {string}', async function (this: MemberspecWorld, token: string, sender: string) {
  this.last = await (await this.session()).sendSms({ to: symbol(this, token), body: 'Your points are waiting', sender });
});

When('an SMS is sent to mobile {word} without a sender ID', async function (this: MemberspecWorld, token: string) {
  this.last = await (await this.session()).sendSms({ to: symbol(this, token), body: 'Your points are waiting' });
});

Then('the SMS to mobile {word} went out from {string}', async function (this: MemberspecWorld, token: string, sender: string) {
  expect(this.last?.ok, 'the SMS was sent').to.equal(true);
  expect((await lastTo(this, symbol(this, token), 'SMS')).sender, 'sender ID').to.equal(sender);
});

Then('the SMS to mobile {word} shows when it was sent with the offset {word}', async function (this: MemberspecWorld, token: string, offset: string) {
  const sentAt = (await lastTo(this, symbol(this, token), 'SMS')).sentAt;
  // ISO 8601 writes a zero offset as +00:00 or Z (never -00:00, which RFC 3339 keeps for an unknown offset).
  const shown = offset === '+00:00' && sentAt.endsWith('Z') ? '+00:00' : sentAt.slice(-offset.length);
  expect(shown, `${sentAt} is in the org's time zone (${offset})`).to.equal(offset);
  expect(Math.abs(Date.parse(sentAt) - Date.now()), `${sentAt} names the moment it was sent`).to.be.below(10 * 60_000);
});

/** Base64 of the same length with a character in the middle that base64 has not (so only the alphabet is wrong). */
const brokenBase64 = (base64: string) => `${base64.slice(0, 4)}*${base64.slice(5)}`;

/** Base64 ending in three "=" (never valid), of a length that is a multiple of four. */
function overPadded(base64: string): string {
  const bare = base64.replace(/=+$/, '');
  return `${bare.slice(0, bare.length - ((bare.length - 1) % 4))}===`;
}

const ATTACHMENT_WAYS: Readonly<Record<string, (fileName: string, data: { base64: string; plain: string }) => Record<string, string>>> = {
  'not encoded': (fileName, data) => ({ fileName, fileData: data.plain }),
  'encoded as base64': (fileName, data) => ({ fileName, fileData: data.base64, fileEncodingType: 'base64' }),
  'encoded as base64 under the v1.1 name': (fileName, data) => ({ file_name: fileName, file_data: data.base64, file_encoding_type: 'base64' }),
  'encoded as gzip': (fileName, data) => ({ fileName, fileData: data.base64, fileEncodingType: 'gzip' }),
  'with broken base64': (fileName, data) => ({ fileName, fileData: brokenBase64(data.base64), fileEncodingType: 'base64' }),
  'with truncated base64': (fileName, data) => ({ fileName, fileData: data.base64.slice(0, -1), fileEncodingType: 'base64' }),
  'with base64 padded with three "="': (fileName, data) => ({ fileName, fileData: overPadded(data.base64), fileEncodingType: 'base64' }),
};

When(/^an email with the attachment "([^"]+)" (.+) is sent to email (\S+)$/, async function (this: MemberspecWorld, fileName: string, how: string, token: string) {
  const way = ATTACHMENT_WAYS[how];
  if (!way) throw new HarnessError(`no way to send an attachment "${how}" (${Object.keys(ATTACHMENT_WAYS).join(', ')})`);
  const attachment = way(fileName, FILE_DATA[fileName.split('.').pop()!.toLowerCase()]);
  this.last = await (await this.session()).sendEmail({ to: symbol(this, token), subject: 'Your statement', body: 'Attached.', attachments: [attachment] });
});

When('an email without attachments is sent to email {word}', async function (this: MemberspecWorld, token: string) {
  this.last = await (await this.session()).sendEmail({ to: symbol(this, token), subject: 'Your statement', body: 'No files this month.' });
});

Then('the email to email {word} went out without attachments', async function (this: MemberspecWorld, token: string) {
  expect(this.last?.ok, 'the email was sent').to.equal(true);
  const sent = await lastTo(this, symbol(this, token), 'EMAIL');
  expect(sent.attachments ?? [], 'attachments').to.deep.equal([]);
});

Then('the email to email {word} went out with the attachment {string} of {int} bytes', async function (this: MemberspecWorld, token: string, fileName: string, bytes: number) {
  expect(this.last?.ok, 'the email was sent').to.equal(true);
  const sent = await lastTo(this, symbol(this, token), 'EMAIL');
  expect(sent.attachments, 'attachments').to.deep.equal([{ fileName, bytes }]);
});
