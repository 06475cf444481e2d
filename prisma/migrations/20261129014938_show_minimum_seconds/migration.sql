-- AlterTable
ALTER TABLE "performers" ADD COLUMN     "minimum_seconds" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "private_shows" ADD COLUMN     "minimum_seconds" INTEGER NOT NULL DEFAULT 0;

-- Hand-written: a minimum is a length, never negative (at most a day: a snapshot beyond it is a bug).
ALTER TABLE "performers" ADD CONSTRAINT "performers_minimum_seconds_check" CHECK ("minimum_seconds" BETWEEN 0 AND 86400);
ALTER TABLE "private_shows" ADD CONSTRAINT "private_shows_minimum_seconds_check" CHECK ("minimum_seconds" BETWEEN 0 AND 86400);
