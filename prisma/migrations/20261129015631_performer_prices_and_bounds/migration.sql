-- CreateEnum
CREATE TYPE "PriceKind" AS ENUM ('private_rate', 'spy_rate', 'group_rate', 'ticket_price', 'minimum_seconds');

-- AlterTable
ALTER TABLE "performers" ADD COLUMN     "group_rate_per_minute" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN     "spy_rate_per_minute" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN     "ticket_price" INTEGER NOT NULL DEFAULT 100;

-- CreateTable
CREATE TABLE "price_bounds" (
    "id" SERIAL NOT NULL,
    "performer_id" INTEGER,
    "kind" "PriceKind" NOT NULL,
    "min" INTEGER NOT NULL,
    "max" INTEGER NOT NULL,

    CONSTRAINT "price_bounds_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "price_bounds_performer_id_kind_key" ON "price_bounds"("performer_id", "kind");

-- AddForeignKey
ALTER TABLE "price_bounds" ADD CONSTRAINT "price_bounds_performer_id_fkey" FOREIGN KEY ("performer_id") REFERENCES "performers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- =====================================================================================================
-- Hand-written.
-- =====================================================================================================
-- One site-wide row per kind: NULLs are distinct in the unique index above, so the site rows need their own.
CREATE UNIQUE INDEX "price_bounds_site_kind_key" ON "price_bounds"("kind") WHERE "performer_id" IS NULL;
ALTER TABLE "price_bounds" ADD CONSTRAINT "price_bounds_range_check" CHECK ("min" >= 0 AND "min" <= "max" AND "max" <= 100000);
ALTER TABLE "performers" ADD CONSTRAINT "performers_spy_rate_per_minute_check" CHECK ("spy_rate_per_minute" > 0);
ALTER TABLE "performers" ADD CONSTRAINT "performers_group_rate_per_minute_check" CHECK ("group_rate_per_minute" > 0);
ALTER TABLE "performers" ADD CONSTRAINT "performers_ticket_price_check" CHECK ("ticket_price" > 0);
