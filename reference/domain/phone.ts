// Mobile numbers are stored as E.164 digits without '+'. With CONF_CLIENT_DEFAULT_COUNTRYCODE_PASSED the
// platform completes a number lacking its country code (seed 000): first as given, then with the base
// country's calling code, then with each supported country's, keeping the first valid candidate.
import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export interface PhoneContext {
  readonly completeCountryCode: boolean;
  readonly baseCountry: string;
  readonly supportedCountries: readonly string[];
}

function isValidE164Digits(digits: string): boolean {
  return parsePhoneNumberFromString(`+${digits}`)?.isValid() === true;
}

export function isKnownCountry(country: string): boolean {
  return isSupportedCountry(country);
}

/** The candidates tried, in order: as given, then with each country's calling code (org setup refuses unknown countries). */
export function mobileCandidates(digits: string, context: PhoneContext): string[] {
  if (!context.completeCountryCode) return [digits];
  const countries = [context.baseCountry, ...context.supportedCountries];
  const prefixed = countries.map((country) => getCountryCallingCode(country as CountryCode) + digits.replace(/^0+/, ''));
  return [...new Set([digits, ...prefixed])];
}

/** The normalised mobile (E.164 digits, no '+'), or undefined when the number is not valid; `digits` comes trimmed. */
export function normaliseMobile(digits: string, context: PhoneContext): string | undefined {
  // The platform's docs: "mobile: digits only, with the country code" (punctuation libphonenumber would accept is refused).
  if (!/^\d{4,17}$/.test(digits)) return undefined;
  return mobileCandidates(digits, context).find(isValidE164Digits);
}
