// The markets a population can cover: who lives there (name origins), how mobiles look, which sources
// people register through, where they shop and in what currency scale.

/** Where a person's name comes from: a Faker locale or one of memberspec's own name lists (names.ts). */
export type NameOrigin = 'en_IN' | 'id_ID' | 'zh_CN' | 'ar' | 'en' | 'sg_chinese' | 'malay';

export interface MobilePlan {
  readonly callingCode: string;
  /** Length of the national significant number. */
  readonly length: number;
  /** Leading digits whose every completion is a valid mobile (checked against libphonenumber in the specs). */
  readonly prefixes: readonly string[];
  /** Whether people write the national form with a leading 0 (trunk prefix). */
  readonly trunkZero: boolean;
}

export interface Market {
  /** ISO 3166 alpha-2. */
  readonly code: string;
  readonly names: readonly (readonly [NameOrigin, number])[];
  readonly mobile: MobilePlan;
  readonly emailDomains: readonly (readonly [string, number])[];
  /** Registration sources and their weights. */
  readonly sources: readonly (readonly [string, number])[];
  readonly cities: readonly string[];
  /** Prices are drawn in USD-like units and multiplied by this. */
  readonly priceScale: number;
  /** Amounts have this many decimals (IDR has none). */
  readonly decimals: number;
}

export const MARKETS: Readonly<Record<string, Market>> = {
  IN: {
    code: 'IN',
    names: [['en_IN', 1]],
    mobile: { callingCode: '91', length: 10, prefixes: ['70', '72', '74', '84', '85', '90', '91', '93', '94', '95', '96', '97', '98', '99'], trunkZero: true },
    emailDomains: [['gmail.com', 70], ['yahoo.co.in', 12], ['rediffmail.com', 6], ['outlook.com', 8], ['hotmail.com', 4]],
    sources: [['INSTORE', 40], ['ECOMMERCE', 20], ['MOBILE_APP', 20], ['WEB_ENGAGE', 10], ['FACEBOOK', 10]],
    cities: ['BLR', 'MUM', 'DEL', 'HYD', 'CHN', 'PUN', 'KOL'],
    priceScale: 80,
    decimals: 2,
  },
  ID: {
    code: 'ID',
    names: [['id_ID', 1]],
    mobile: { callingCode: '62', length: 11, prefixes: ['811', '812', '813', '821', '822', '852', '853', '857', '858', '878', '877', '817', '818', '819', '838', '896', '895', '881', '882'], trunkZero: true },
    emailDomains: [['gmail.com', 75], ['yahoo.co.id', 15], ['ymail.com', 5], ['outlook.com', 5]],
    sources: [['INSTORE', 35], ['ECOMMERCE', 15], ['MOBILE_APP', 20], ['LINE', 10], ['FACEBOOK', 15], ['WEB_ENGAGE', 5]],
    cities: ['JKT', 'SBY', 'BDG', 'MDN', 'DPS'],
    priceScale: 15000,
    decimals: 0,
  },
  CN: {
    code: 'CN',
    names: [['zh_CN', 1]],
    mobile: { callingCode: '86', length: 11, prefixes: ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '180', '186', '187', '188', '189', '199'], trunkZero: false },
    emailDomains: [['qq.com', 50], ['163.com', 25], ['126.com', 10], ['sina.com', 8], ['outlook.com', 7]],
    sources: [['INSTORE', 35], ['WECHAT', 40], ['ECOMMERCE', 15], ['MOBILE_APP', 10]],
    cities: ['SHA', 'PEK', 'CAN', 'SZX', 'CTU', 'HGH'],
    priceScale: 7,
    decimals: 2,
  },
  SG: {
    code: 'SG',
    names: [['sg_chinese', 74], ['malay', 13], ['en_IN', 9], ['en', 4]],
    mobile: { callingCode: '65', length: 8, prefixes: ['81', '82', '83', '84', '85', '86', '87', '88', '89', '90', '91', '92', '93', '94', '95', '96', '97', '98'], trunkZero: false },
    emailDomains: [['gmail.com', 65], ['hotmail.com', 12], ['yahoo.com.sg', 10], ['singnet.com.sg', 5], ['outlook.com', 8]],
    sources: [['INSTORE', 35], ['ECOMMERCE', 20], ['MOBILE_APP', 20], ['FACEBOOK', 10], ['WEB_ENGAGE', 10], ['WECHAT', 5]],
    cities: ['ORC', 'TAM', 'JUR', 'WDL', 'BDK'],
    priceScale: 1.35,
    decimals: 2,
  },
  MY: {
    code: 'MY',
    names: [['malay', 62], ['sg_chinese', 23], ['en_IN', 15]],
    mobile: { callingCode: '60', length: 9, prefixes: ['12', '16', '19'], trunkZero: true },
    emailDomains: [['gmail.com', 70], ['yahoo.com', 15], ['hotmail.com', 10], ['outlook.com', 5]],
    sources: [['INSTORE', 35], ['ECOMMERCE', 15], ['MOBILE_APP', 20], ['FACEBOOK', 15], ['WEB_ENGAGE', 10], ['WECHAT', 5]],
    cities: ['KUL', 'PEN', 'JHB', 'IPH', 'KCH'],
    priceScale: 4.5,
    decimals: 2,
  },
  AE: {
    code: 'AE',
    names: [['ar', 30], ['en_IN', 45], ['en', 25]],
    mobile: { callingCode: '971', length: 9, prefixes: ['50', '52', '54', '55', '56', '58'], trunkZero: true },
    emailDomains: [['gmail.com', 60], ['hotmail.com', 15], ['yahoo.com', 10], ['outlook.com', 10], ['eim.ae', 5]],
    sources: [['INSTORE', 40], ['ECOMMERCE', 20], ['MOBILE_APP', 20], ['FACEBOOK', 10], ['WEB_ENGAGE', 10]],
    cities: ['DXB', 'AUH', 'SHJ', 'AAN'],
    priceScale: 3.67,
    decimals: 2,
  },
};

export const MARKET_CODES = Object.keys(MARKETS);

/** Sources that carry an account id (one profile per account). */
export const MULTI_ACCOUNT_SOURCES: ReadonlySet<string> = new Set(['WECHAT', 'FACEBOOK', 'LINE', 'MOBILE_APP', 'WEB_ENGAGE']);

/** Sources through which people buy (their profiles carry transactions). */
export const SELLING_SOURCES: ReadonlySet<string> = new Set(['INSTORE', 'ECOMMERCE', 'MOBILE_APP']);

/** Numbers of a market's plan: the capacity of unique mobiles. */
export function mobileCapacity(plan: MobilePlan): number {
  return plan.prefixes.reduce((sum, prefix) => sum + 10 ** (plan.length - prefix.length), 0);
}

/** The national significant number at position `slot` of the plan (0 <= slot < capacity). */
export function mobileAt(plan: MobilePlan, slot: number): string {
  let rest = slot;
  for (const prefix of plan.prefixes) {
    const block = 10 ** (plan.length - prefix.length);
    if (rest < block) return prefix + String(rest).padStart(plan.length - prefix.length, '0');
    rest -= block;
  }
  throw new Error(`mobile slot ${slot} beyond the plan's capacity`);
}
