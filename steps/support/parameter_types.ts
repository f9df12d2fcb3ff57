// Words of the features turned into values: identifier types, loyalty types, sources with accounts,
// identifier lists ("email E1, mobile M1 and external id X1"). Symbols stay unresolved here; the World
// resolves them per scenario.
import { defineParameterType } from '@cucumber/cucumber';
import type { LoyaltyType } from '../../driver/driver.ts';

/** A feature's identifier word -> the contract's identifier name. */
const IDENTIFIER_TYPES: Record<string, string> = {
  mobile: 'mobile',
  email: 'email',
  'external id': 'externalId',
  // Identifiers that never match (ruling 90), by the names Member Care and the API give them.
  'wechat id': 'wechat',
  'wechat union id': 'unionId',
  'martjack id': 'martjackId',
  'facebook id': 'fbId',
  'line id': 'line',
  'cuid': 'cuid',
};
const TYPE_WORD = '(?:mobile|email|external id|wechat id|wechat union id|martjack id|facebook id|line id|cuid)';
/** A symbol or literal, optionally "in upper case" or "in mixed case" (ruling 10: emails in any letter case). */
const TOKEN = '[^\\s,]+(?: in (?:upper|mixed) case)?';

export interface IdentifierSpec {
  readonly type: string;
  /** A symbol (E1), NULL or a literal. */
  readonly token: string;
}

export interface SourceSpec {
  readonly source: string;
  readonly accountId?: string;
}

export function identifierType(word: string): string {
  const type = IDENTIFIER_TYPES[word.trim().toLowerCase()];
  if (!type) throw new Error(`unknown identifier word "${word}" (use ${Object.keys(IDENTIFIER_TYPES).join(', ')})`);
  return type;
}

export function isIdentifierWord(word: string): boolean {
  return word.trim().toLowerCase() in IDENTIFIER_TYPES;
}

export function loyaltyType(word: string): LoyaltyType {
  const words: Record<string, LoyaltyType> = { loyalty: 'loyalty', 'non-loyalty': 'non_loyalty' };
  const type = words[word.trim()];
  if (!type) throw new Error(`unknown loyalty type "${word}" (use loyalty or non-loyalty)`);
  return type;
}

export function parseIdentifiers(text: string): IdentifierSpec[] {
  return text.split(/, | and /).map((part) => {
    const match = new RegExp(`^(${TYPE_WORD}) (.+)$`).exec(part.trim());
    if (!match) throw new Error(`cannot read identifier "${part}"`);
    return { type: identifierType(match[1]), token: match[2] };
  });
}

export function parseSource(text: string): SourceSpec {
  const match = /^([A-Z][A-Z_]*)(?: account "([^"]*)")?$/.exec(text);
  if (!match) throw new Error(`cannot read source "${text}"`);
  return match[2] ? { source: match[1], accountId: match[2] } : { source: match[1] };
}

defineParameterType({ name: 'loyalty', regexp: /non-loyalty|loyalty/, transformer: loyaltyType });
defineParameterType({ name: 'idType', regexp: new RegExp(TYPE_WORD), transformer: identifierType });
defineParameterType({
  name: 'identifiers',
  regexp: new RegExp(`${TYPE_WORD} ${TOKEN}(?:(?:, | and )${TYPE_WORD} ${TOKEN})*`),
  transformer: parseIdentifiers,
});
defineParameterType({ name: 'source', regexp: /[A-Z][A-Z_]*(?: account "[^"]*")?/, transformer: parseSource });
/** "mobile and android", "email": channel types as the view names them. */
defineParameterType({
  name: 'channels',
  regexp: /[a-z][a-zA-Z]*(?:(?:, | and )[a-z][a-zA-Z]*)*/,
  transformer: (text: string) => text.split(/, | and /),
});
/** What Member Care's search takes (seed 002 "Customer overview"): an identifier or a card number. */
const SEARCHED_TYPES: Record<string, string> = { ...IDENTIFIER_TYPES, 'card number': 'cardnumber' };
defineParameterType({
  name: 'searchable',
  regexp: /mobile|email|external id|card number/,
  transformer: (word: string) => SEARCHED_TYPES[word],
});
defineParameterType({ name: 'incomingKind', regexp: /transaction|registration/, transformer: (s: string) => s });
/** "10, 10 and 5": a list of whole numbers. */
defineParameterType({
  name: 'listOfNumbers',
  regexp: /\d+(?:(?:, | and )\d+)*/,
  transformer: (text: string) => text.split(/, | and /).map(Number),
});

/** A value with the spaces a till may type around it ("written with a space on each side"); they are not part of it. */
export function spaced(value: string): string {
  return ` ${value} `;
}
