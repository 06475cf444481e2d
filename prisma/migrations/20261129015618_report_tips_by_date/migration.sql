-- CreateIndex
CREATE INDEX "ppv_tips_date_idx" ON "ppv_tips"("date");
