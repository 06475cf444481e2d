-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'performer', 'admin');

-- CreateEnum
CREATE TYPE "PerformerStatus" AS ENUM ('online', 'offline');

-- CreateEnum
CREATE TYPE "ShowStatus" AS ENUM ('requested', 'active', 'ended', 'declined', 'cancelled');

-- CreateEnum
CREATE TYPE "ShowEndReason" AS ENUM ('user_left', 'performer_left', 'disconnected', 'credits_exhausted', 'timeout');

-- CreateEnum
CREATE TYPE "TipAction" AS ENUM ('tips', 'liveshow');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('purchase', 'tip', 'show', 'refund', 'reversal', 'canceled_reversal', 'admin_adjustment');

-- CreateEnum
CREATE TYPE "PurchaseStatus" AS ENUM ('pending', 'completed', 'refunded', 'reversed');

-- CreateEnum
CREATE TYPE "PurchaseSource" AS ENUM ('ipn', 'orders');

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" VARCHAR(255) NOT NULL,
    "username" VARCHAR(40) NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "credits" INTEGER NOT NULL DEFAULT 0,
    "blocked" BOOLEAN NOT NULL DEFAULT false,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "gender" VARCHAR(10) NOT NULL DEFAULT 'unknown',
    "avatar" TEXT,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "performers" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "display_name" VARCHAR(80) NOT NULL,
    "slug" VARCHAR(80) NOT NULL,
    "bio" TEXT NOT NULL DEFAULT '',
    "photos" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "PerformerStatus" NOT NULL DEFAULT 'offline',
    "status_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rate_per_minute" INTEGER NOT NULL,
    "benefit_percent" DECIMAL(5,2) NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "performers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ppv_item" (
    "id" SERIAL NOT NULL,
    "seconds" INTEGER NOT NULL DEFAULT 600,
    "price" DECIMAL(10,2) NOT NULL DEFAULT 10.00,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "description" VARCHAR(255) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ppv_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ppv_paypal" (
    "id" SERIAL NOT NULL,
    "txn_id" VARCHAR(64) NOT NULL,
    "webmasterid" INTEGER NOT NULL DEFAULT 0,
    "userid" INTEGER NOT NULL,
    "price" DECIMAL(10,2) NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "credits" INTEGER NOT NULL,
    "ppv_itemid" INTEGER NOT NULL,
    "item_name" VARCHAR(100) NOT NULL,
    "date" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "log" TEXT NOT NULL,
    "status" "PurchaseStatus" NOT NULL DEFAULT 'completed',
    "source" "PurchaseSource" NOT NULL,
    "order_id" VARCHAR(64),

    CONSTRAINT "ppv_paypal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "paypal_orders" (
    "id" VARCHAR(64) NOT NULL,
    "request_id" VARCHAR(64) NOT NULL,
    "user_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "amount" DECIMAL(10,2) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" VARCHAR(32) NOT NULL DEFAULT 'CREATED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "paypal_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "paypal_messages" (
    "id" SERIAL NOT NULL,
    "source" "PurchaseSource" NOT NULL,
    "txn_id" VARCHAR(64),
    "payment_status" VARCHAR(32),
    "raw" TEXT NOT NULL,
    "verification" VARCHAR(16) NOT NULL DEFAULT 'pending',
    "outcome" VARCHAR(32) NOT NULL DEFAULT 'received',
    "reason" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "paypal_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ppv_tips" (
    "id" BIGSERIAL NOT NULL,
    "date" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" "TipAction" NOT NULL DEFAULT 'tips',
    "userid" INTEGER NOT NULL,
    "performerid" INTEGER NOT NULL,
    "credits" INTEGER NOT NULL DEFAULT 0,
    "price" DECIMAL(10,3) NOT NULL DEFAULT 0,
    "performerBenefit" DECIMAL(10,3) NOT NULL DEFAULT 0,
    "show_id" INTEGER,
    "payout_id" INTEGER,

    CONSTRAINT "ppv_tips_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "private_shows" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "performer_id" INTEGER NOT NULL,
    "status" "ShowStatus" NOT NULL DEFAULT 'requested',
    "rate_per_minute" INTEGER NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "last_heartbeat_at" TIMESTAMPTZ(3),
    "seconds_billed" INTEGER NOT NULL DEFAULT 0,
    "credits_charged" INTEGER NOT NULL DEFAULT 0,
    "end_reason" "ShowEndReason",

    CONSTRAINT "private_shows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_entries" (
    "id" BIGSERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "delta" INTEGER NOT NULL,
    "balance_after" INTEGER NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "reference" VARCHAR(128) NOT NULL,
    "idempotency_key" VARCHAR(255) NOT NULL,
    "reason" TEXT,
    "actor_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_records" (
    "key" VARCHAR(255) NOT NULL,
    "fingerprint" CHAR(64) NOT NULL,
    "status" INTEGER,
    "body" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "idempotency_records_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "payouts" (
    "id" SERIAL NOT NULL,
    "performer_id" INTEGER NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "amount" DECIMAL(12,3) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reference" VARCHAR(255),
    "paid_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "admin_id" INTEGER NOT NULL,

    CONSTRAINT "payouts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "credit_value" DECIMAL(12,6),
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "paypal_receiver_email" VARCHAR(255),
    "chat_provider" VARCHAR(16) NOT NULL DEFAULT 'builtin',
    "webmaster_id" INTEGER,
    "custom_css" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE INDEX "users_role_idx" ON "users"("role");

-- CreateIndex
CREATE UNIQUE INDEX "performers_user_id_key" ON "performers"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "performers_slug_key" ON "performers"("slug");

-- CreateIndex
CREATE INDEX "performers_disabled_status_display_name_idx" ON "performers"("disabled", "status", "display_name");

-- CreateIndex
CREATE UNIQUE INDEX "ppv_paypal_txn_id_key" ON "ppv_paypal"("txn_id");

-- CreateIndex
CREATE UNIQUE INDEX "ppv_paypal_order_id_key" ON "ppv_paypal"("order_id");

-- CreateIndex
CREATE INDEX "ppv_paypal_userid_idx" ON "ppv_paypal"("userid");

-- CreateIndex
CREATE INDEX "ppv_paypal_ppv_itemid_idx" ON "ppv_paypal"("ppv_itemid");

-- CreateIndex
CREATE INDEX "ppv_paypal_date_idx" ON "ppv_paypal"("date");

-- CreateIndex
CREATE UNIQUE INDEX "paypal_orders_request_id_key" ON "paypal_orders"("request_id");

-- CreateIndex
CREATE INDEX "paypal_orders_user_id_idx" ON "paypal_orders"("user_id");

-- CreateIndex
CREATE INDEX "paypal_messages_txn_id_idx" ON "paypal_messages"("txn_id");

-- CreateIndex
CREATE INDEX "paypal_messages_received_at_idx" ON "paypal_messages"("received_at");

-- CreateIndex
CREATE UNIQUE INDEX "ppv_tips_show_id_key" ON "ppv_tips"("show_id");

-- CreateIndex
CREATE INDEX "ppv_tips_performerid_date_idx" ON "ppv_tips"("performerid", "date");

-- CreateIndex
CREATE INDEX "ppv_tips_userid_date_idx" ON "ppv_tips"("userid", "date");

-- CreateIndex
CREATE INDEX "ppv_tips_payout_id_idx" ON "ppv_tips"("payout_id");

-- CreateIndex
CREATE INDEX "private_shows_status_last_heartbeat_at_idx" ON "private_shows"("status", "last_heartbeat_at");

-- CreateIndex
CREATE INDEX "private_shows_performer_id_status_idx" ON "private_shows"("performer_id", "status");

-- CreateIndex
CREATE INDEX "private_shows_user_id_requested_at_idx" ON "private_shows"("user_id", "requested_at");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entries_idempotency_key_key" ON "ledger_entries"("idempotency_key");

-- CreateIndex
CREATE INDEX "ledger_entries_user_id_id_idx" ON "ledger_entries"("user_id", "id");

-- CreateIndex
CREATE INDEX "idempotency_records_created_at_idx" ON "idempotency_records"("created_at");

-- CreateIndex
CREATE INDEX "payouts_performer_id_paid_at_idx" ON "payouts"("performer_id", "paid_at");

-- AddForeignKey
ALTER TABLE "performers" ADD CONSTRAINT "performers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ppv_paypal" ADD CONSTRAINT "ppv_paypal_userid_fkey" FOREIGN KEY ("userid") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ppv_paypal" ADD CONSTRAINT "ppv_paypal_ppv_itemid_fkey" FOREIGN KEY ("ppv_itemid") REFERENCES "ppv_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paypal_orders" ADD CONSTRAINT "paypal_orders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paypal_orders" ADD CONSTRAINT "paypal_orders_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "ppv_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ppv_tips" ADD CONSTRAINT "ppv_tips_userid_fkey" FOREIGN KEY ("userid") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ppv_tips" ADD CONSTRAINT "ppv_tips_performerid_fkey" FOREIGN KEY ("performerid") REFERENCES "performers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ppv_tips" ADD CONSTRAINT "ppv_tips_show_id_fkey" FOREIGN KEY ("show_id") REFERENCES "private_shows"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ppv_tips" ADD CONSTRAINT "ppv_tips_payout_id_fkey" FOREIGN KEY ("payout_id") REFERENCES "payouts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "private_shows" ADD CONSTRAINT "private_shows_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "private_shows" ADD CONSTRAINT "private_shows_performer_id_fkey" FOREIGN KEY ("performer_id") REFERENCES "performers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_performer_id_fkey" FOREIGN KEY ("performer_id") REFERENCES "performers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_admin_id_fkey" FOREIGN KEY ("admin_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- =====================================================================================================
-- Hand-written: invariants Prisma's schema language cannot express. Everything above this line is
-- Prisma's own `migrate diff` output for prisma/schema.prisma; scripts/check-migrations.ts knows which of
-- the objects below Prisma's diff reports as drift and ignores exactly those.
-- =====================================================================================================

-- CHECK constraints: the database refuses impossible money and time values even if the code has a bug.
-- A user's balance may go negative only when a PayPal reversal took back credits already spent; such
-- an account is flagged (and cannot spend).
ALTER TABLE "users" ADD CONSTRAINT "users_credits_check" CHECK ("credits" >= 0 OR "flagged");
ALTER TABLE "performers" ADD CONSTRAINT "performers_rate_per_minute_check" CHECK ("rate_per_minute" > 0);
ALTER TABLE "performers" ADD CONSTRAINT "performers_benefit_percent_check" CHECK ("benefit_percent" BETWEEN 0 AND 100);
ALTER TABLE "ppv_item" ADD CONSTRAINT "ppv_item_seconds_check" CHECK ("seconds" > 0);
ALTER TABLE "ppv_item" ADD CONSTRAINT "ppv_item_price_check" CHECK ("price" > 0);
ALTER TABLE "ppv_paypal" ADD CONSTRAINT "ppv_paypal_credits_check" CHECK ("credits" >= 0);
ALTER TABLE "ppv_paypal" ADD CONSTRAINT "ppv_paypal_price_check" CHECK ("price" >= 0);
ALTER TABLE "ppv_tips" ADD CONSTRAINT "ppv_tips_credits_check" CHECK ("credits" >= 0);
ALTER TABLE "ppv_tips" ADD CONSTRAINT "ppv_tips_price_check" CHECK ("price" >= 0);
ALTER TABLE "ppv_tips" ADD CONSTRAINT "ppv_tips_performerBenefit_check" CHECK ("performerBenefit" >= 0);
ALTER TABLE "private_shows" ADD CONSTRAINT "private_shows_seconds_billed_check" CHECK ("seconds_billed" >= 0);
ALTER TABLE "private_shows" ADD CONSTRAINT "private_shows_credits_charged_check" CHECK ("credits_charged" >= 0);
ALTER TABLE "private_shows" ADD CONSTRAINT "private_shows_rate_per_minute_check" CHECK ("rate_per_minute" > 0);
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_delta_check" CHECK ("delta" <> 0);
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_amount_check" CHECK ("amount" >= 0);
ALTER TABLE "settings" ADD CONSTRAINT "settings_single_row_check" CHECK ("id" = 1);
ALTER TABLE "idempotency_records" ADD CONSTRAINT "idempotency_records_status_check" CHECK ("status" IS NULL OR "status" BETWEEN 100 AND 599);

-- Partial unique indexes: a viewer has at most one private show requested or running, and a performer
-- is in at most one running show. Two concurrent requests then cannot both win (one gets 23505).
CREATE UNIQUE INDEX "private_shows_one_open_per_user_key" ON "private_shows"("user_id") WHERE "status" IN ('requested', 'active');
CREATE UNIQUE INDEX "private_shows_one_active_per_performer_key" ON "private_shows"("performer_id") WHERE "status" = 'active';

-- The credit ledger is append-only: corrections are new entries (reversal, admin_adjustment), never
-- edits, so Σ delta per user always explains users.credits. TRUNCATE stays possible (test resets).
CREATE FUNCTION "ledger_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entries is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'restrict_violation', HINT = 'Insert a correcting entry instead.';
END;
$$;

CREATE TRIGGER "ledger_entries_append_only"
  BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entries_append_only"();
