-- AlterTable
ALTER TABLE "performers" ADD COLUMN     "live_seen_at" TIMESTAMPTZ(3);
