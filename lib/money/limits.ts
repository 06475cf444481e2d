// What the money columns can hold, and the bounds on admin numbers that follow from them. Pure, so
// the admin forms (lib/validations/admin) and the server share them; the database CHECKs of the
// admin_money_bounds migration hold the same numbers.

/** The largest tip (API.md "Tips": credits 1..100000). */
export const MAX_TIP_CREDITS = 100_000;

/** ppv_tips.price and performerBenefit are decimal(10,3). */
export const MAX_PRICE = "9999999.999";

/**
 * The largest credit value (currency per credit, 6 decimals): the price of the largest tip,
 * 100000 × value, must fit ppv_tips.price, so value ≤ 9999999.999 / 100000, rounded down to 6
 * decimals. A pack's derived value (price / credits) is held to the same bound.
 */
export const MAX_CREDIT_VALUE = "99.999999";

/** A performer's rate (credits per minute). */
export const MAX_RATE_PER_MINUTE = 100_000;

/** Credits granted by one pack (ppv_item.seconds). */
export const MAX_PACK_CREDITS = 10_000_000;

/** One admin credit adjustment, either way. */
export const MAX_ADJUSTMENT = 1_000_000;

/** The largest balance a users.credits integer column holds. */
export const MAX_BALANCE = 2_147_483_647;
