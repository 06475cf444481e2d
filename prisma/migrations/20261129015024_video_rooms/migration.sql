-- CreateTable
CREATE TABLE "video_rooms" (
    "performer_id" INTEGER NOT NULL,
    "server" VARCHAR(255) NOT NULL,
    "room_id" BIGINT NOT NULL,
    "secret" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "video_rooms_pkey" PRIMARY KEY ("performer_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "video_rooms_room_id_key" ON "video_rooms"("room_id");

-- CreateIndex
CREATE INDEX "video_rooms_server_idx" ON "video_rooms"("server");

-- AddForeignKey
ALTER TABLE "video_rooms" ADD CONSTRAINT "video_rooms_performer_id_fkey" FOREIGN KEY ("performer_id") REFERENCES "performers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
