-- CreateEnum
CREATE TYPE "TicketShowStatus" AS ENUM ('scheduled', 'live', 'ended', 'cancelled');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "LedgerKind" ADD VALUE 'ticket';
ALTER TYPE "LedgerKind" ADD VALUE 'ticket_refund';

-- AlterEnum
ALTER TYPE "TipAction" ADD VALUE 'ticket';

-- AlterTable
ALTER TABLE "ppv_tips" ADD COLUMN     "ticket_id" INTEGER;

-- CreateTable
CREATE TABLE "ticket_shows" (
    "id" SERIAL NOT NULL,
    "performer_id" INTEGER NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "price" INTEGER NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "seats" INTEGER,
    "sold" INTEGER NOT NULL DEFAULT 0,
    "status" "TicketShowStatus" NOT NULL DEFAULT 'scheduled',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,

    CONSTRAINT "ticket_shows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tickets" (
    "id" SERIAL NOT NULL,
    "ticket_show_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "price" INTEGER NOT NULL,
    "bought_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "refunded_at" TIMESTAMPTZ(3),
    "refund_reason" TEXT,

    CONSTRAINT "tickets_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ticket_shows_performer_id_starts_at_idx" ON "ticket_shows"("performer_id", "starts_at");

-- CreateIndex
CREATE INDEX "ticket_shows_status_starts_at_idx" ON "ticket_shows"("status", "starts_at");

-- CreateIndex
CREATE INDEX "tickets_user_id_idx" ON "tickets"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "tickets_ticket_show_id_user_id_key" ON "tickets"("ticket_show_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "ppv_tips_ticket_id_key" ON "ppv_tips"("ticket_id");

-- AddForeignKey
ALTER TABLE "ppv_tips" ADD CONSTRAINT "ppv_tips_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_shows" ADD CONSTRAINT "ticket_shows_performer_id_fkey" FOREIGN KEY ("performer_id") REFERENCES "performers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_ticket_show_id_fkey" FOREIGN KEY ("ticket_show_id") REFERENCES "ticket_shows"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- =====================================================================================================
-- Hand-written.
-- =====================================================================================================
ALTER TABLE "ticket_shows" ADD CONSTRAINT "ticket_shows_price_check" CHECK ("price" > 0);
ALTER TABLE "ticket_shows" ADD CONSTRAINT "ticket_shows_seats_check" CHECK ("seats" IS NULL OR "seats" > 0);
-- The cap holds in the database too: a bug in the purchase can never oversell.
ALTER TABLE "ticket_shows" ADD CONSTRAINT "ticket_shows_sold_check" CHECK ("sold" >= 0 AND ("seats" IS NULL OR "sold" <= "seats"));
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_price_check" CHECK ("price" > 0);
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_refund_check" CHECK (("refunded_at" IS NULL) = ("refund_reason" IS NULL));
