-- CreateEnum
CREATE TYPE "ShowKind" AS ENUM ('private', 'spy');

-- AlterEnum
ALTER TYPE "ShowEndReason" ADD VALUE 'show_ended';

-- AlterTable
ALTER TABLE "private_shows" ADD COLUMN     "kind" "ShowKind" NOT NULL DEFAULT 'private',
ADD COLUMN     "parent_show_id" INTEGER,
ADD COLUMN     "spies_allowed" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "settings" ADD COLUMN     "spy_enabled" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "private_shows_parent_show_id_idx" ON "private_shows"("parent_show_id");

-- AddForeignKey
ALTER TABLE "private_shows" ADD CONSTRAINT "private_shows_parent_show_id_fkey" FOREIGN KEY ("parent_show_id") REFERENCES "private_shows"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- =====================================================================================================
-- Hand-written.
-- =====================================================================================================
-- A spy session always belongs to a private show; a private show to none.
ALTER TABLE "private_shows" ADD CONSTRAINT "private_shows_spy_parent_check" CHECK (("kind" = 'spy') = ("parent_show_id" IS NOT NULL));
-- "One active show per performer" is about private shows: spies of it are active at the same time.
DROP INDEX "private_shows_one_active_per_performer_key";
CREATE UNIQUE INDEX "private_shows_one_active_per_performer_key" ON "private_shows"("performer_id") WHERE "status" = 'active' AND "kind" = 'private';
-- The one_open_per_user index stays across kinds: a viewer is in at most one paid session at a time.
