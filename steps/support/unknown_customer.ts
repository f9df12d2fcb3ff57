/** A customer id no org hands out, for "an unknown customer". */
export const UNKNOWN_CUSTOMER_ID = 2_000_000_000;
