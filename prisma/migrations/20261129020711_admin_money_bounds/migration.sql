-- Admin numbers bounded by what the money columns hold (lib/money/limits.ts, the admin forms say the
-- same with a field error). The largest tip, 100000 credits, times the credit value must fit
-- ppv_tips.price decimal(10,3): 9999999.999 / 100000 → at most 99.999999 per credit. Without a
-- setting the first pack's price per credit is the credit value (rounded half-up to 6 decimals, as
-- creditValueFromPack does), so every pack is held to the same bound.
ALTER TABLE "settings" ADD CONSTRAINT "settings_credit_value_check" CHECK ("credit_value" IS NULL OR ("credit_value" > 0 AND "credit_value" <= 99.999999));
ALTER TABLE "ppv_item" ADD CONSTRAINT "ppv_item_credit_value_check" CHECK (round("price" / "seconds", 6) <= 99.999999);
ALTER TABLE "ppv_item" ADD CONSTRAINT "ppv_item_seconds_max_check" CHECK ("seconds" <= 10000000);
ALTER TABLE "performers" ADD CONSTRAINT "performers_rate_per_minute_max_check" CHECK ("rate_per_minute" <= 100000);
ALTER TABLE "private_shows" ADD CONSTRAINT "private_shows_rate_per_minute_max_check" CHECK ("rate_per_minute" <= 100000);
