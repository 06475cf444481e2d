import { Prisma } from "@/lib/generated/prisma/client";

const Decimal = Prisma.Decimal;
type Decimal = Prisma.Decimal;

// API.md "Money": price = credits × credit value, performerBenefit = price × benefit% / 100, each
// rounded half-up to 3 decimals like the seed's decimal(10,3) columns. Decimal arithmetic only.

export function creditValueFromPack(pack: { seconds: number; price: Decimal | string }): Decimal {
  return new Decimal(pack.price).div(pack.seconds).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
}

export function priceOfCredits(credits: number, creditValue: Decimal | string): Decimal {
  return new Decimal(creditValue).mul(credits).toDecimalPlaces(3, Decimal.ROUND_HALF_UP);
}

export function performerBenefit(price: Decimal, benefitPercent: Decimal | string): Decimal {
  return price.mul(new Decimal(benefitPercent)).div(100).toDecimalPlaces(3, Decimal.ROUND_HALF_UP);
}
