-- The batch heartbeat's writes as functions: apply_credit_debits is the set-based twin of
-- apply_credit_change (lib/server/ledger/apply-credit-debits.ts calls it, and so does hot_heartbeats),
-- hot_heartbeats is the batch's one guarded write (lib/server/shows/bill-shows-hot.ts).
-- Hand-written: Prisma's schema does not describe functions, so they are not drift.

-- Many spends at once: p_debits is a JSON array of {u: user id, c: credits taken (> 0), k: ledger kind,
-- r: reference, i: idempotency key, e: the balance the caller read, or null}, in the caller's order.
-- One conditional UPDATE per user (the sum of their debits: never below zero, never from a flagged or
-- blocked account, and when e is given only from exactly that balance), one ledger row per debit with
-- the running balance, and each user's final balance NOTIFYed on p_channel, p_per_notification users
-- per notification. Returns how many users could not pay: any but 0 means the caller must roll back.
CREATE FUNCTION apply_credit_debits(p_debits json, p_channel text, p_per_notification int)
RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  v_users int;
  v_paid int;
BEGIN
  -- One statement: the ledger rows and notifications of the users who could pay are written even
  -- when another could not, and rolled back with the caller's transaction.
  WITH e AS (
    SELECT * FROM ROWS FROM (json_to_recordset(p_debits) AS (u int, c int, k "LedgerKind", r varchar, i varchar, e int)) WITH ORDINALITY AS x(u, c, k, r, i, expected, n)
  ), d AS (
    SELECT u, sum(c)::int AS amount, min(expected) AS expected FROM e GROUP BY u
  ), paid AS (
    UPDATE users
       SET credits = users.credits - d.amount
      FROM d
     WHERE users.id = d.u AND users.credits - d.amount >= 0 AND NOT users.flagged AND NOT users.blocked
       AND (d.expected IS NULL OR users.credits = d.expected)
    RETURNING users.id, users.credits + d.amount AS before
  ), entry AS (
    INSERT INTO ledger_entries (user_id, delta, balance_after, kind, reference, idempotency_key)
    SELECT e.u, -e.c, paid.before - sum(e.c) OVER (PARTITION BY e.u ORDER BY e.n), e.k, e.r, e.i
      FROM e JOIN paid ON paid.id = e.u
     ORDER BY e.n
    RETURNING id, user_id, balance_after
  ), last AS (
    SELECT DISTINCT ON (user_id) user_id, balance_after, id FROM entry ORDER BY user_id, id DESC
  ), numbered AS (
    SELECT user_id, balance_after, id, (row_number() OVER (ORDER BY user_id) - 1) / p_per_notification AS part FROM last
  ), sent AS (
    SELECT pg_notify(p_channel, json_build_object('b', json_agg(json_build_array(user_id, balance_after, id)))::text) FROM numbered GROUP BY part
  )
  SELECT (SELECT count(*) FROM d), (SELECT count(*) FROM paid) + 0 * (SELECT count(*) FROM sent) INTO v_users, v_paid;
  RETURN v_users - v_paid;
END $$;

-- The batch heartbeat's continuing shows planned by lib/shows/billing.ts against the rows it read
-- (bill-shows-hot.ts), applied only if every show and balance is still what it read; otherwise it
-- raises serialization_failure (40001) and the caller reads again. p_shows: [{id, sb0, cc0, hb0: the
-- secondsBilled, creditsCharged and lastHeartbeatAt (ISO or null) read; sb, cc, hb: the new ones}];
-- p_debits as apply_credit_debits with e set. Rows are locked in show-id
-- order, show then viewer, like billShows. 'taken': the key already has a record (nothing written).
CREATE FUNCTION hot_heartbeats(
  p_key varchar, p_fingerprint varchar, p_status int, p_body text, p_wait text,
  p_shows json, p_debits json, p_channel text, p_per_notification int
) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  v_ids int[];
  v_count int;
  v_updated int;
BEGIN
  IF NOT claim_idempotency_answer(p_key, p_fingerprint, p_status, p_body, p_wait) THEN
    RETURN 'taken';
  END IF;
  SELECT array_agg(v.id ORDER BY v.id) INTO v_ids FROM json_to_recordset(p_shows) AS v(id int);
  v_count := coalesce(cardinality(v_ids), 0);
  PERFORM 1
     FROM private_shows s JOIN users u ON u.id = s.user_id
    WHERE s.id = ANY(v_ids)
    ORDER BY s.id
      FOR NO KEY UPDATE;
  UPDATE private_shows s
     SET seconds_billed = v.sb, credits_charged = v.cc, last_heartbeat_at = v.hb
    FROM json_to_recordset(p_shows) AS v(id int, sb0 int, cc0 int, hb0 timestamptz, sb int, cc int, hb timestamptz)
   WHERE s.id = v.id AND s.status = 'active'
     AND s.seconds_billed = v.sb0 AND s.credits_charged = v.cc0 AND s.last_heartbeat_at IS NOT DISTINCT FROM v.hb0;
  GET DIAGNOSTICS v_updated = ROW_COUNT;
  IF v_updated <> v_count THEN
    RAISE EXCEPTION '% of % shows changed since they were read', v_count - v_updated, v_count USING ERRCODE = 'serialization_failure';
  END IF;
  IF apply_credit_debits(p_debits, p_channel, p_per_notification) <> 0 THEN
    RAISE EXCEPTION 'a balance changed since it was read' USING ERRCODE = 'serialization_failure';
  END IF;
  RETURN 'done';
END $$;
