-- CreateEnum
CREATE TYPE "AuthTokenPurpose" AS ENUM ('password_reset', 'email_verification');

-- AlterTable
ALTER TABLE "performers" ADD COLUMN     "preview_at" TIMESTAMPTZ(3),
ADD COLUMN     "preview_path" VARCHAR(255),
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "viewer_count" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "settings" ADD COLUMN     "accent_color" CHAR(7) NOT NULL DEFAULT '#db2777',
ADD COLUMN     "adult_notice" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "logo_path" VARCHAR(255),
ADD COLUMN     "site_name" VARCHAR(60) NOT NULL DEFAULT 'Live cams',
ADD COLUMN     "wall_headline" VARCHAR(120) NOT NULL DEFAULT 'Performers';

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "closed_at" TIMESTAMPTZ(3),
ADD COLUMN     "email_verified_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "auth_tokens" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "purpose" "AuthTokenPurpose" NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "follows" (
    "user_id" INTEGER NOT NULL,
    "performer_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mailed_at" TIMESTAMPTZ(3),

    CONSTRAINT "follows_pkey" PRIMARY KEY ("user_id","performer_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "auth_tokens_token_hash_key" ON "auth_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "auth_tokens_user_id_purpose_created_at_idx" ON "auth_tokens"("user_id", "purpose", "created_at");

-- CreateIndex
CREATE INDEX "follows_performer_id_idx" ON "follows"("performer_id");

-- CreateIndex
CREATE INDEX "performers_tags_idx" ON "performers" USING GIN ("tags");

-- AddForeignKey
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follows" ADD CONSTRAINT "follows_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follows" ADD CONSTRAINT "follows_performer_id_fkey" FOREIGN KEY ("performer_id") REFERENCES "performers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the accent colour is injected into a style element, so only #rrggbb is ever stored.
ALTER TABLE "settings" ADD CONSTRAINT "settings_accent_color_check" CHECK ("accent_color" ~ '^#[0-9a-f]{6}$');
ALTER TABLE "performers" ADD CONSTRAINT "performers_viewer_count_check" CHECK ("viewer_count" >= 0);
