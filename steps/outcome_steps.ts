// What the last request answered: a refusal with a code, a success (with a warning), and whose customer.
import { Then } from '@cucumber/cucumber';
import { expect } from 'chai';
import type { MemberspecWorld } from './support/world.ts';

function describeLast(world: MemberspecWorld): string {
  const last = world.last;
  if (!last) return 'no request was made';
  if (last.ok) return `${last.operation} succeeded with warnings [${last.warnings.map((w) => w.code).join(', ')}]`;
  return `${last.operation} was refused with error ${last.error.code} (HTTP ${last.status}): ${last.error.message}`;
}

Then('the request is refused with error {int}', function (this: MemberspecWorld, code: number) {
  const last = this.last;
  expect(last && !last.ok ? last.error.code : undefined, `expected error ${code}, but ${describeLast(this)}`).to.equal(code);
  expect(last && !last.ok ? last.status : 0, 'a refusal is never a server error').to.be.below(500);
});

Then('the request succeeds', function (this: MemberspecWorld) {
  expect(this.last?.ok, `expected success, but ${describeLast(this)}`).to.equal(true);
});

Then('the request succeeds with warning {int}', function (this: MemberspecWorld, code: number) {
  const last = this.last;
  expect(last?.ok, `expected success, but ${describeLast(this)}`).to.equal(true);
  const codes = last && last.ok ? last.warnings.map((w) => w.code) : [];
  expect(codes, `expected warning ${code}`).to.include(code);
});

Then('the request succeeds without warning {int}', function (this: MemberspecWorld, code: number) {
  const last = this.last;
  expect(last?.ok, `expected success, but ${describeLast(this)}`).to.equal(true);
  const codes = last && last.ok ? last.warnings.map((w) => w.code) : [];
  expect(codes, `warning ${code} should not be given`).to.not.include(code);
});

// Where no seed says whether a request is refused or its odd part ignored: either answer, never a server error.
Then('the request succeeds or is refused, without a server error', function (this: MemberspecWorld) {
  const last = this.last;
  expect(last, 'no request was made').to.not.equal(undefined);
  expect(last && !last.ok ? last.status : 0, `a refusal is never a server error, but ${describeLast(this)}`).to.be.below(500);
});

Then('the error message mentions {string}', function (this: MemberspecWorld, text: string) {
  const last = this.last;
  expect(last && !last.ok ? last.error.message : '', `expected a refusal, but ${describeLast(this)}`).to.include(text);
});

Then('the warning {int} mentions {string}', function (this: MemberspecWorld, code: number, text: string) {
  const last = this.last;
  const messages = last && last.ok ? last.warnings.filter((w) => w.code === code).map((w) => w.message) : [];
  const mentioned = messages.some((message) => message.toLowerCase().includes(text.toLowerCase()));
  expect(mentioned, `expected a warning ${code} that mentions "${text}", got ${JSON.stringify(messages)}`).to.equal(true);
});

Then("the request's customer is {string}", function (this: MemberspecWorld, name: string) {
  expect(this.lastCustomerId(), `the request's customer should be "${name}"`).to.equal(this.customerId(name));
});

Then('the request created a new customer {string}', function (this: MemberspecWorld, name: string) {
  const id = this.lastCustomerId();
  expect([...this.customers.values()], 'the request should create a new customer').to.not.include(id);
  this.nameCustomer(name, id);
});

Then('the lookup finds {string}', function (this: MemberspecWorld, name: string) {
  expect(this.lastCustomerId(), `the lookup should find "${name}"`).to.equal(this.customerId(name));
});
