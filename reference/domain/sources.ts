// Customer data sources and communication channels (seed 000 "Supported data sources" / "channels").

/** Seed 000's names for the sources, mapped to the API's enum values. */
export const SEED_SOURCE_NAMES: Readonly<Record<string, string>> = {
  Facebook: 'FACEBOOK',
  Web_engage: 'WEB_ENGAGE',
  WeChat: 'WECHAT',
  Instore: 'INSTORE',
  'E-Commerce': 'ECOMMERCE',
  Website: 'WEBSITE',
  Line: 'LINE',
  'Mobile-APp': 'MOBILE_APP',
  Linkedin: 'LINKEDIN',
  'Mpush-FCM': 'MPUSH_FCM',
  Mapp_SDK: 'MAPP_SDK',
  OAuth_External: 'OAUTH_EXTERNAL',
};

/** Ruling 80: seed 002 lists WhatsApp among the registration sources, with several accounts per org. */
export const WHATSAPP = 'WHATSAPP';

/** The API enum: the seed's sources plus the ones the real enum adds, and seed 002's WhatsApp. */
export const SOURCES: readonly string[] = [...Object.values(SEED_SOURCE_NAMES), 'MARTJACK', 'TMALL', 'TAOBAO', 'JD', WHATSAPP];

export const INSTORE = 'INSTORE';

/** Sources that hold several accounts per org: an accountId is required (8045). */
export const MULTI_ACCOUNT_SOURCES: readonly string[] = ['WECHAT', 'FACEBOOK', 'LINE', 'MOBILE_APP', 'WEB_ENGAGE', 'MPUSH_FCM', WHATSAPP];

/** Reads accept source=ALL to mean "every source profile". */
export const ALL_SOURCES = 'ALL';

const BY_LOWER = new Map<string, string>([
  ...SOURCES.map((source): [string, string] => [source.toLowerCase(), source]),
  ...Object.entries(SEED_SOURCE_NAMES).map(([seed, source]): [string, string] => [seed.toLowerCase(), source]),
]);

/** The API enum value for an enum value or a seed name (in any case, without spaces no document writes), or undefined. */
export function resolveSource(name: string): string | undefined {
  return BY_LOWER.get(name.toLowerCase());
}

export function isMultiAccountSource(source: string): boolean {
  return MULTI_ACCOUNT_SOURCES.includes(source);
}

/** Seed 000's channels (lowercase, as the view shows them) plus the API's mobilePush. */
export const CHANNELS: readonly string[] = ['wechat', 'mobile', 'ios', 'line', 'email', 'whatsapp', 'android', 'postmail', 'mobilepush'];

/** The channel type in its lowercase form, or undefined when it is not a supported channel. */
export function resolveChannel(type: string): string | undefined {
  const lower = type.toLowerCase();
  return CHANNELS.includes(lower) ? lower : undefined;
}

/**
 * Seed 000: "Some sources may act as both a source and a communication channel. For instance, WeChat".
 * The channels that are also sources, with the source each belongs to.
 */
export const SOURCE_CHANNELS: Readonly<Record<string, string>> = { wechat: 'WECHAT', line: 'LINE' };
