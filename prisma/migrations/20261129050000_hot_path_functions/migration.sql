-- The chat API's hot path (heartbeat, tip) as one statement per request, and the one place a balance
-- changes as a function that both the hot path and applyCreditChange call.
-- Hand-written: Prisma's schema does not describe functions, so they are not drift.

-- The one place a balance changes (lib/server/ledger/apply-credit-change.ts explains the rules).
-- A spend (p_spend) needs a balance that stays >= 0 and an account neither flagged nor blocked;
-- p_expected, when given, also needs the balance to be exactly that (the hot path's answer was
-- computed from it). No row is returned when the change is refused; the caller says why.
-- The new balance is NOTIFYed on p_channel, delivered only if the transaction commits.
CREATE FUNCTION apply_credit_change(
  p_user int, p_delta int, p_kind "LedgerKind", p_reference varchar, p_key varchar, p_reason text,
  p_actor int, p_spend boolean, p_channel text, p_expected int DEFAULT NULL
) RETURNS TABLE (entry_id bigint, balance int) LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_credits int;
  v_id bigint;
BEGIN
  UPDATE users
     SET credits = credits + p_delta,
         flagged = CASE WHEN credits + p_delta < 0 THEN true
                        WHEN credits + p_delta >= 0 AND p_delta > 0 THEN false
                        ELSE flagged END
   WHERE id = p_user
     AND (NOT p_spend OR (credits + p_delta >= 0 AND NOT flagged AND NOT blocked))
     AND (p_expected IS NULL OR credits = p_expected)
  RETURNING credits INTO v_credits;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  INSERT INTO ledger_entries (user_id, delta, balance_after, kind, reference, idempotency_key, reason, actor_id)
  VALUES (p_user, p_delta, v_credits, p_kind, p_reference, p_key, p_reason, p_actor)
  RETURNING id INTO v_id;
  PERFORM pg_notify(p_channel, json_build_object('b', json_build_array(json_build_array(p_user, v_credits, v_id)))::text);
  RETURN QUERY SELECT v_id, v_credits;
END $$;

-- A chat request's Idempotency-Key claimed with its final answer in one INSERT (the hot path knows
-- its answer before it writes). False when the key is already taken: the caller reads the record.
-- The wait on a concurrent owner of the key is bounded like lib/server/chat-api/idempotency.ts' claim.
CREATE FUNCTION claim_idempotency_answer(p_key varchar, p_fingerprint varchar, p_status int, p_body text, p_wait text)
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  v_before text := current_setting('lock_timeout');
  v_claimed boolean;
BEGIN
  PERFORM set_config('lock_timeout', p_wait, true);
  INSERT INTO idempotency_records (key, fingerprint, status, body, created_at, completed_at)
  VALUES (p_key, p_fingerprint, p_status, to_jsonb(p_body), now(), now())
  ON CONFLICT (key) DO NOTHING;
  v_claimed := FOUND;
  PERFORM set_config('lock_timeout', v_before, true);
  RETURN v_claimed;
END $$;

-- Sends [channel, payload] pairs (a JSON array), delivered on commit.
CREATE FUNCTION send_notifications(p_notifications json) RETURNS void LANGUAGE sql AS $$
  SELECT pg_notify(n.value->>0, n.value->>1) FROM json_array_elements(p_notifications) AS n(value);
$$;

-- One heartbeat billing step planned by lib/shows/billing.ts against the show and balance it read
-- (lib/server/shows/bill-show-hot.ts), applied only if both are still what it read: otherwise it
-- raises serialization_failure (40001) and the caller reads again. Lock order show → user.
-- 'taken': the key already has a record (nothing written).
CREATE FUNCTION hot_heartbeat(
  p_key varchar, p_fingerprint varchar, p_status int, p_body text, p_wait text,
  p_show int, p_seconds_before int, p_charged_before int, p_heartbeat_before timestamptz,
  p_seconds int, p_charged int, p_heartbeat timestamptz,
  p_user int, p_credits_before int, p_charge int, p_ledger_key varchar, p_channel text
) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  IF NOT claim_idempotency_answer(p_key, p_fingerprint, p_status, p_body, p_wait) THEN
    RETURN 'taken';
  END IF;
  UPDATE private_shows
     SET seconds_billed = p_seconds, credits_charged = p_charged, last_heartbeat_at = p_heartbeat
   WHERE id = p_show AND status = 'active'
     AND seconds_billed = p_seconds_before AND credits_charged = p_charged_before
     AND last_heartbeat_at IS NOT DISTINCT FROM p_heartbeat_before;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'show % changed since it was read', p_show USING ERRCODE = 'serialization_failure';
  END IF;
  IF p_charge > 0 AND NOT EXISTS (
    SELECT 1 FROM apply_credit_change(p_user, -p_charge, 'show', 'show:' || p_show, p_ledger_key, NULL, NULL, true, p_channel, p_credits_before)
  ) THEN
    RAISE EXCEPTION 'the balance of user % changed since it was read', p_user USING ERRCODE = 'serialization_failure';
  END IF;
  RETURN 'done';
END $$;

-- One tip checked and priced by lib/server/tips (bill-tip-hot.ts) against what it read, applied only
-- if the performer still has no active goal and the balance is still what it read (else 40001).
-- Lock order: tip row, then user (as sendTip).
CREATE FUNCTION hot_tip(
  p_key varchar, p_fingerprint varchar, p_status int, p_body text, p_wait text,
  p_tip bigint, p_date timestamptz, p_user int, p_performer int, p_credits int, p_price numeric, p_benefit numeric,
  p_credits_before int, p_ledger_key varchar, p_channel text, p_notifications json
) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  IF NOT claim_idempotency_answer(p_key, p_fingerprint, p_status, p_body, p_wait) THEN
    RETURN 'taken';
  END IF;
  IF EXISTS (SELECT 1 FROM goals WHERE performer_id = p_performer AND status = 'active') THEN
    RAISE EXCEPTION 'performer % has an active goal', p_performer USING ERRCODE = 'serialization_failure';
  END IF;
  INSERT INTO ppv_tips (id, date, action, userid, performerid, credits, price, "performerBenefit")
  VALUES (p_tip, p_date, 'tips', p_user, p_performer, p_credits, p_price, p_benefit);
  IF NOT EXISTS (
    SELECT 1 FROM apply_credit_change(p_user, -p_credits, 'tip', 'tip:' || p_tip, p_ledger_key, NULL, NULL, true, p_channel, p_credits_before)
  ) THEN
    RAISE EXCEPTION 'the balance of user % changed since it was read', p_user USING ERRCODE = 'serialization_failure';
  END IF;
  PERFORM send_notifications(p_notifications);
  RETURN 'done';
END $$;
