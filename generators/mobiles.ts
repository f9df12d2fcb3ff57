// Mobiles are valid for their market: the numbering plans (markets.ts) are checked against
// libphonenumber-js's metadata once per process, and so is every number a typing slip produces.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { MARKETS, type Market } from './markets.ts';

let plansChecked = false;

/**
 * Every block of every market's numbering plan must hold valid mobiles only: its first, last and 30
 * numbers spread through it are checked against libphonenumber's metadata. Throws when the metadata
 * (a libphonenumber-js update) no longer agrees with the plan.
 */
export function checkMobilePlans(): void {
  if (plansChecked) return;
  for (const market of Object.values(MARKETS)) {
    const { prefixes, length } = market.mobile;
    for (const prefix of prefixes) {
      const free = length - prefix.length;
      const block = 10 ** free;
      for (let k = 0; k <= 31; k++) {
        const nsn = prefix + String(Math.min(block - 1, Math.floor((k * block) / 31) + (k % 7))).padStart(free, '0');
        if (!isValidMobile(market, nsn)) throw new Error(`${market.code} mobile plan: ${nsn} (block ${prefix}) is not a valid mobile`);
      }
    }
  }
  plansChecked = true;
}

export function isValidMobile(market: Market, nsn: string): boolean {
  const parsed = parsePhoneNumberFromString(`+${market.mobile.callingCode}${nsn}`);
  return parsed !== undefined && parsed.country === market.code && parsed.isValid() && (parsed.getType() === 'MOBILE' || parsed.getType() === 'FIXED_LINE_OR_MOBILE');
}

