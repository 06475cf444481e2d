-- CreateEnum
CREATE TYPE "ShowBilling" AS ENUM ('heartbeat', 'presence');

-- AlterTable
ALTER TABLE "private_shows" ADD COLUMN     "billing" "ShowBilling" NOT NULL DEFAULT 'heartbeat';
