-- CreateEnum
CREATE TYPE "GroupShowStatus" AS ENUM ('waiting', 'running', 'ended', 'cancelled');

-- AlterEnum
ALTER TYPE "ShowKind" ADD VALUE 'group';

-- AlterTable
ALTER TABLE "private_shows" ADD COLUMN     "group_show_id" INTEGER;

-- CreateTable
CREATE TABLE "group_shows" (
    "id" SERIAL NOT NULL,
    "performer_id" INTEGER NOT NULL,
    "rate_per_minute" INTEGER NOT NULL,
    "min_viewers" INTEGER NOT NULL,
    "status" "GroupShowStatus" NOT NULL DEFAULT 'waiting',
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "start_by" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "group_shows_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "group_shows_performer_id_status_idx" ON "group_shows"("performer_id", "status");

-- CreateIndex
CREATE INDEX "private_shows_group_show_id_idx" ON "private_shows"("group_show_id");

-- AddForeignKey
ALTER TABLE "group_shows" ADD CONSTRAINT "group_shows_performer_id_fkey" FOREIGN KEY ("performer_id") REFERENCES "performers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "private_shows" ADD CONSTRAINT "private_shows_group_show_id_fkey" FOREIGN KEY ("group_show_id") REFERENCES "group_shows"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- =====================================================================================================
-- Hand-written.
-- =====================================================================================================
-- A seat belongs to a group show, and only a seat does (compared as text: a value added by ALTER TYPE
-- cannot be used as an enum literal in the transaction that added it).
ALTER TABLE "private_shows" ADD CONSTRAINT "private_shows_group_seat_check" CHECK (("kind"::text = 'group') = ("group_show_id" IS NOT NULL));
ALTER TABLE "group_shows" ADD CONSTRAINT "group_shows_rate_per_minute_check" CHECK ("rate_per_minute" > 0);
ALTER TABLE "group_shows" ADD CONSTRAINT "group_shows_min_viewers_check" CHECK ("min_viewers" BETWEEN 1 AND 1000);
-- One open group show per performer at a time.
CREATE UNIQUE INDEX "group_shows_one_open_per_performer_key" ON "group_shows"("performer_id") WHERE "status" IN ('waiting', 'running');
-- One seat per viewer and group show.
CREATE UNIQUE INDEX "private_shows_one_seat_per_group_key" ON "private_shows"("group_show_id", "user_id") WHERE "group_show_id" IS NOT NULL;
