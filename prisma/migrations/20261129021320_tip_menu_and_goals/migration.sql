-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('active', 'reached', 'cancelled');

-- AlterTable
ALTER TABLE "ppv_tips" ADD COLUMN     "goal_id" INTEGER,
ADD COLUMN     "item" VARCHAR(80),
ADD COLUMN     "menu_item_id" INTEGER;

-- CreateTable
CREATE TABLE "tip_menu_items" (
    "id" SERIAL NOT NULL,
    "performer_id" INTEGER NOT NULL,
    "label" VARCHAR(80) NOT NULL,
    "credits" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tip_menu_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "goals" (
    "id" SERIAL NOT NULL,
    "performer_id" INTEGER NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "target" INTEGER NOT NULL,
    "collected" INTEGER NOT NULL DEFAULT 0,
    "status" "GoalStatus" NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reached_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "goals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "tip_menu_items_performer_id_active_position_idx" ON "tip_menu_items"("performer_id", "active", "position");

-- CreateIndex
CREATE INDEX "goals_performer_id_created_at_idx" ON "goals"("performer_id", "created_at");

-- AddForeignKey
ALTER TABLE "ppv_tips" ADD CONSTRAINT "ppv_tips_menu_item_id_fkey" FOREIGN KEY ("menu_item_id") REFERENCES "tip_menu_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ppv_tips" ADD CONSTRAINT "ppv_tips_goal_id_fkey" FOREIGN KEY ("goal_id") REFERENCES "goals"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tip_menu_items" ADD CONSTRAINT "tip_menu_items_performer_id_fkey" FOREIGN KEY ("performer_id") REFERENCES "performers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "goals" ADD CONSTRAINT "goals_performer_id_fkey" FOREIGN KEY ("performer_id") REFERENCES "performers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- =====================================================================================================
-- Hand-written.
-- =====================================================================================================
ALTER TABLE "tip_menu_items" ADD CONSTRAINT "tip_menu_items_credits_check" CHECK ("credits" BETWEEN 1 AND 100000);
ALTER TABLE "goals" ADD CONSTRAINT "goals_target_check" CHECK ("target" BETWEEN 1 AND 100000000);
ALTER TABLE "goals" ADD CONSTRAINT "goals_collected_check" CHECK ("collected" >= 0);
-- At most one active goal per performer: tips count towards exactly one.
CREATE UNIQUE INDEX "goals_one_active_per_performer_key" ON "goals"("performer_id") WHERE "status" = 'active';
-- A menu tip names its item.
ALTER TABLE "ppv_tips" ADD CONSTRAINT "ppv_tips_menu_item_check" CHECK ("menu_item_id" IS NULL OR "item" IS NOT NULL);
