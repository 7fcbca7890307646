-- The stress harness: schema `stress`, run as a superuser after CREATE EXTENSION.
--
-- Every operation of the soak goes through stress.attempt(op, call): it runs one call of the
-- extension (or one direct write) with the CALLER's rights (SECURITY INVOKER: the
-- unprivileged application role under pgbench), counts the outcome in stress.outcome, and
-- catches an error ONLY when stress.allowed lists its SQLSTATE for that operation (the
-- codes SPEC.md / README.md document for it).  Any other error is raised again -- same
-- SQLSTATE and message, the exact call in the HINT -- so the pgbench client aborts and the
-- run fails.  The helpers that only pick random rows or keep bookkeeping are SECURITY
-- DEFINER, so the operations under test are the only thing that depends on the
-- application role's privileges.
SET client_min_messages = warning;
CREATE SCHEMA stress;

-- The soak races the reports' rules as written (`trusting`): the `verified` policy writes
-- nothing for an unverified match, and its race with the review queue has an isolation spec
-- of its own (test/isolation/specs/claim_vs_resolve.spec).
SELECT customer_identity.set_trust_policy('trusting');
SELECT customer_identity.set_builtin_blocklist(false);

-- the tenants of the soak: st1 .. st4
CREATE FUNCTION stress.tenant(n int) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'st' || n $$;
-- populated customers per tenant (keys c<i>@st<t>.example, cus_<i>, u_<i>, phone +1555<i>)
CREATE FUNCTION stress.size() RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 2500 $$;

-- outcome of every attempt: op, 'ok' or the SQLSTATE that was allowed
CREATE TABLE stress.outcome (op text NOT NULL, sqlstate text NOT NULL);
-- the SQLSTATEs each operation may end with (the documented errors of that call)
CREATE TABLE stress.allowed (op text NOT NULL, sqlstate text NOT NULL, PRIMARY KEY (op, sqlstate));
-- invite tokens handed out (the extension stores only their hash)
CREATE TABLE stress.token (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tenant_id text NOT NULL,
                           vendor_id bigint NOT NULL, token text NOT NULL);
-- customers merged away by the soak, for unmerge_customer
CREATE TABLE stress.merged (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tenant_id text NOT NULL,
                            duplicate_id bigint NOT NULL);

INSERT INTO stress.allowed (op, sqlstate) VALUES
    -- Resolution with one external id, user id or phone never fails: the customer found
    -- holds it.  With one email it can be an identity conflict: the email leads to a vendor
    -- (first in the order) linked to a customer without that email, while another active
    -- customer holds it (links need equal emails only when both are set).  With two
    -- identifiers: a conflict whenever they lead to two customers.
    ('resolve_hit_email', 'CI001'), ('resolve_hit_vendor_email', 'CI001'), ('resolve_hit_pair', 'CI001'),
    ('resolve_overlap_email', 'CI001'),
    -- customer_ref of a customer in another tenant / unknown
    ('resolve_ref', 'CI008'), ('resolve_ref', 'CI011'),
    -- brand-new keys: never fails.  Overlapping keys (two identifiers from small ranges):
    ('resolve_overlap_pair', 'CI001'),
    -- filling in the email of a customer linked to a vendor with another contact email
    ('resolve_hit_pair', 'CI007'), ('resolve_overlap_pair', 'CI007'),
    ('link', 'CI007'), ('link', 'CI008'), ('link', 'CI009'), ('link', 'CI010'), ('link', 'CI011'),
    ('unlink', 'CI011'),
    ('upgrade', 'CI009'), ('upgrade', 'CI010'), ('upgrade', 'CI011'),
    ('invite_create', 'CI011'),
    ('invite_redeem', 'CI002'), ('invite_redeem', 'CI003'), ('invite_redeem', 'CI004'),
    ('invite_redeem', 'CI005'), ('invite_redeem', 'CI008'), ('invite_redeem', 'CI010'),
    ('invite_redeem', 'CI011'),
    ('invite_revoke', 'CI002'),
    ('merge', '22023'), ('merge', 'CI008'), ('merge', 'CI009'), ('merge', 'CI010'), ('merge', 'CI011'),
    -- a merge that would carry a vendor link onto a customer with another email
    ('merge', 'CI007'),
    ('unmerge', 'CI001'), ('unmerge', 'CI010'), ('unmerge', '22023'),
    -- erasure of a person who kept being merged or unmerged while it waited for the locks
    ('erase', '40001'),
    -- direct INSERT/UPDATE of customer rows with overlapping identifiers
    ('insert', '23505'),
    ('insert_invite', '23505'), ('insert_invite', 'CI002'), ('insert_invite', 'CI003'),
    ('insert_invite', 'CI004'), ('insert_invite', 'CI005'), ('insert_invite', 'CI008'),
    ('insert_vendor_role', '23505'), ('insert_vendor_role', 'CI007'),
    ('update', '23505'),
    -- an UPDATE of a linked customer's email to one other than its vendor's
    ('update', 'CI007'),
    ('drop_vendor_role', 'CI007'),
    -- a direct write of vendor.customer_id must always fail with CI006
    ('write_link', 'CI006');

-- Counts an outcome.
CREATE FUNCTION stress.done(op text, outcome text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$
    INSERT INTO stress.outcome (op, sqlstate) VALUES (op, outcome);
$$;

-- Counts an allowed error, or raises it again (same SQLSTATE and message, the call in HINT).
CREATE FUNCTION stress.settle(op text, st text, msg text, det text, ctx text, call text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM stress.allowed a WHERE a.op = settle.op AND a.sqlstate = st)
       AND (st <> '23505' OR det LIKE 'Key (tenant_id, %') THEN    -- 23505: DETAIL names the identifier
        INSERT INTO stress.outcome (op, sqlstate) VALUES (op, st);
    ELSE
        RAISE EXCEPTION USING ERRCODE = st, MESSAGE = msg,
            DETAIL = coalesce(det, '') || ' | context: ' || coalesce(ctx, ''),
            HINT = format('stress: %s must not fail with %s; call: %s', op, st, call);
    END IF;
END $$;

-- Runs CALL (a statement returning at most one value) as the caller; returns its value as
-- text, or 'ERR:<sqlstate>' for an error that stress.allowed lists for OP.
CREATE FUNCTION stress.attempt(op text, call text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    res text; st text; msg text; det text; ctx text;
BEGIN
    BEGIN
        EXECUTE call INTO res;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
                                det = PG_EXCEPTION_DETAIL, ctx = PG_EXCEPTION_CONTEXT;
        PERFORM stress.settle(op, st, msg, det, ctx, call);
        RETURN 'ERR:' || st;
    END;
    PERFORM stress.done(op, 'ok');
    RETURN coalesce(res, '');
END $$;

-- A stress failure that is not an error of the call (a wrong result): aborts the client.
CREATE FUNCTION stress.fail(op text, what text, call text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'stress: % %', op, what USING ERRCODE = 'XX000', HINT = 'call: ' || call;
END $$;

------------------------------------------------------------------------------
-- Random picks (SECURITY DEFINER: they read, whatever the application role may read)
------------------------------------------------------------------------------

-- A random customer of tenant T (active ones only if ACTIVE), or NULL.
CREATE FUNCTION stress.pick_customer(t text, active boolean DEFAULT true) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE hi bigint; r bigint; found bigint;
BEGIN
    SELECT max(c.id) INTO hi FROM customer_identity.customer c;
    r := 1 + floor(random() * coalesce(hi, 1))::bigint;
    SELECT c.id INTO found FROM customer_identity.customer c
     WHERE c.id >= r AND c.tenant_id = t AND (NOT active OR c.archived_at IS NULL) ORDER BY c.id LIMIT 1;
    IF found IS NULL THEN
        SELECT c.id INTO found FROM customer_identity.customer c
         WHERE c.id < r AND c.tenant_id = t AND (NOT active OR c.archived_at IS NULL) ORDER BY c.id DESC LIMIT 1;
    END IF;
    RETURN found;
END $$;

-- A random vendor of tenant T, or NULL.
CREATE FUNCTION stress.pick_vendor(t text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE hi bigint; r bigint; found bigint;
BEGIN
    SELECT max(v.id) INTO hi FROM customer_identity.vendor v;
    r := 1 + floor(random() * coalesce(hi, 1))::bigint;
    SELECT v.id INTO found FROM customer_identity.vendor v WHERE v.id >= r AND v.tenant_id = t ORDER BY v.id LIMIT 1;
    IF found IS NULL THEN
        SELECT v.id INTO found FROM customer_identity.vendor v WHERE v.id < r AND v.tenant_id = t ORDER BY v.id DESC LIMIT 1;
    END IF;
    RETURN found;
END $$;

-- The customer a vendor is linked to (NULL if none).
CREATE FUNCTION stress.linked_customer(v bigint) RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT x.customer_id FROM customer_identity.vendor x WHERE x.id OPERATOR(pg_catalog.=) v;
$$;

-- A random invite token handed out for a vendor of tenant T, or NULL.
CREATE FUNCTION stress.pick_token(t text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE hi bigint; r bigint; found text;
BEGIN
    SELECT max(k.id) INTO hi FROM stress.token k;
    r := 1 + floor(random() * coalesce(hi, 1))::bigint;
    SELECT k.token INTO found FROM stress.token k WHERE k.id >= r AND k.tenant_id = t ORDER BY k.id LIMIT 1;
    IF found IS NULL THEN
        SELECT k.token INTO found FROM stress.token k WHERE k.id < r AND k.tenant_id = t ORDER BY k.id DESC LIMIT 1;
    END IF;
    RETURN found;
END $$;

-- Keeps a token handed out by create_invite_token.
CREATE FUNCTION stress.keep_token(t text, v bigint, tok text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$
    INSERT INTO stress.token (tenant_id, vendor_id, token) VALUES (t, v, tok);
$$;

-- Keeps a customer merged away by the soak; picks one at random.
CREATE FUNCTION stress.keep_merged(t text, dup bigint) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$
    INSERT INTO stress.merged (tenant_id, duplicate_id) VALUES (t, dup);
$$;
CREATE FUNCTION stress.pick_merged(t text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE hi bigint; found bigint;
BEGIN
    SELECT max(m.id) INTO hi FROM stress.merged m;
    SELECT m.duplicate_id INTO found FROM stress.merged m
     WHERE m.id >= 1 + floor(random() * coalesce(hi, 1))::bigint AND m.tenant_id = t ORDER BY m.id LIMIT 1;
    RETURN found;
END $$;

-- Random helpers.
CREATE FUNCTION stress.rnd(n int) RETURNS int LANGUAGE sql VOLATILE AS $$ SELECT 1 + floor(random() * n)::int $$;
CREATE FUNCTION stress.chance(p float8) RETURNS boolean LANGUAGE sql VOLATILE AS $$ SELECT random() < p $$;
-- One overlapping identifier: small ranges, so concurrent clients collide on them.
CREATE FUNCTION stress.overlap_key(kind text) RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT CASE kind
        WHEN 'email' THEN 'ov' || stress.rnd(30) || '@OV.example'
        WHEN 'external_customer_id' THEN 'cus_ov' || stress.rnd(30)
        WHEN 'user_id' THEN 'u_ov' || stress.rnd(30)
        WHEN 'phone' THEN '+1 666 555 ' || lpad(stress.rnd(30)::text, 4, '0')
    END
$$;

------------------------------------------------------------------------------
-- The operations (SECURITY INVOKER: they run as the pgbench role)
------------------------------------------------------------------------------

-- Resolves CALL's identifiers (a resolve_customer_identity call); checks the result.
CREATE FUNCTION stress.resolve_checked(op text, args text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE call text := 'SELECT r.customer_id::text || '':'' || r.method FROM customer_identity.resolve_customer_identity('
                     || args || ') r';
        res text;
BEGIN
    res := stress.attempt(op, call);
    IF res LIKE 'ERR:%' THEN RETURN; END IF;
    IF res = '' OR res LIKE ':%' OR res LIKE '%:conflict' THEN
        PERFORM stress.fail(op, 'returned no customer (' || res || ')', call);
    END IF;
END $$;

-- A resolution of an existing customer's identifier(s) (or a vendor's contact email).
CREATE FUNCTION stress.resolve_hit() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE t text := stress.tenant(stress.rnd(4)); i int := stress.rnd(stress.size()); k int := stress.rnd(7);
        tl text := quote_literal(t);
BEGIN
    CASE k
    WHEN 1 THEN PERFORM stress.resolve_checked('resolve_hit_external_id', format('tenant_id => %s, external_customer_id => %L', tl, 'cus_' || i));
    WHEN 2 THEN PERFORM stress.resolve_checked('resolve_hit_user_id', format('tenant_id => %s, user_id => %L', tl, 'u_' || i));
    WHEN 3 THEN PERFORM stress.resolve_checked('resolve_hit_email', format('tenant_id => %s, email => %L', tl, 'C' || i || '@' || t || '.example'));
    WHEN 4 THEN PERFORM stress.resolve_checked('resolve_hit_phone', format('tenant_id => %s, phone => %L', tl, '+1 555 ' || lpad(i::text, 7, '0')));
    WHEN 5 THEN PERFORM stress.resolve_checked('resolve_hit_vendor_email', format('tenant_id => %s, email => %L', tl, 'shop' || stress.rnd(100) || '@' || t || '.example'));
    WHEN 6 THEN PERFORM stress.resolve_checked('resolve_hit_pair', format('tenant_id => %s, external_customer_id => %L, email => %L, name => %L',
                                                                      tl, 'cus_' || i, 'c' || i || '@' || t || '.example', 'Customer ' || i));
    ELSE
        -- an explicit ref: a customer of this tenant, sometimes of another one or unknown
        PERFORM stress.resolve_checked('resolve_ref', format('tenant_id => %s, customer_ref => %s, create_missing => false', tl,
            CASE WHEN stress.chance(0.1) THEN stress.pick_customer(stress.tenant(stress.rnd(4)), false)
                 WHEN stress.chance(0.05) THEN 999999999
                 ELSE stress.pick_customer(t, false) END));
    END CASE;
END $$;

-- A resolution of brand-new identifiers (a miss: creates).
CREATE FUNCTION stress.resolve_miss() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE t text := stress.tenant(stress.rnd(4)); key text := md5(random()::text || clock_timestamp()::text);
BEGIN
    PERFORM stress.resolve_checked('resolve_miss', format('tenant_id => %L, email => %L, external_customer_id => %L, user_id => %L, name => %L',
        t, 'm_' || key || '@Miss.example', 'cus_m_' || key, CASE WHEN stress.chance(0.5) THEN 'u_m_' || key END, 'Miss ' || key));
END $$;

-- A resolution of overlapping new identifiers: many clients create the same ones at once.
CREATE FUNCTION stress.resolve_overlap() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE t text := stress.tenant(stress.rnd(2));
        kinds text[] := ARRAY['email', 'external_customer_id', 'user_id', 'phone'];
        a text := kinds[stress.rnd(4)]; b text := kinds[stress.rnd(4)];
BEGIN
    IF a = b OR stress.chance(0.5) THEN   -- one identifier: one customer per key, no conflict possible
        PERFORM stress.resolve_checked('resolve_overlap_' || a, format('tenant_id => %L, %I => %L', t, a, stress.overlap_key(a)));
    ELSE
        PERFORM stress.resolve_checked('resolve_overlap_pair', format('tenant_id => %L, %I => %L, %I => %L',
            t, a, stress.overlap_key(a), b, stress.overlap_key(b)));
    END IF;
END $$;

-- Direct writes of customer rows with the overlapping identifiers (and the other rules).
CREATE FUNCTION stress.direct_write() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE t text := stress.tenant(stress.rnd(2)); k int := stress.rnd(10); c bigint; res text; call text;
BEGIN
    IF k <= 4 THEN
        PERFORM stress.attempt('insert', format(
            'INSERT INTO customer_identity.customer (tenant_id, name, email, external_customer_id, user_id, phone) VALUES (%L, %L, %L, %L, %L, %L) RETURNING id',
            t, 'direct', stress.overlap_key('email'),
            CASE WHEN stress.chance(0.5) THEN stress.overlap_key('external_customer_id') END,
            CASE WHEN stress.chance(0.5) THEN stress.overlap_key('user_id') END,
            CASE WHEN stress.chance(0.3) THEN stress.overlap_key('phone') END));
    ELSIF k <= 6 THEN
        -- registration through an invite link (usually of this tenant), by plain INSERT
        t := stress.tenant(stress.rnd(4));
        PERFORM stress.attempt('insert_invite', format(
            'INSERT INTO customer_identity.customer (tenant_id, name, email, metadata) VALUES (%L, %L, %L, jsonb_build_object(''invite_token'', %L::text, ''k'', 1)) RETURNING id',
            t, 'invited', CASE WHEN stress.chance(0.5) THEN stress.overlap_key('email')
                               ELSE 'i_' || md5(random()::text) || '@inv.example' END,
            CASE WHEN stress.chance(0.05) THEN 'cit_unknown' || md5(random()::text)
                 ELSE stress.pick_token(CASE WHEN stress.chance(0.1) THEN stress.tenant(stress.rnd(4)) ELSE t END) END));
    ELSIF k = 7 THEN
        -- role vendor by INSERT: links an unlinked vendor with that email, else CI007
        t := stress.tenant(stress.rnd(4));
        PERFORM stress.attempt('insert_vendor_role', format(
            'INSERT INTO customer_identity.customer (tenant_id, name, email, roles) VALUES (%L, %L, %L, ''{customer,vendor}'') RETURNING id',
            t, 'seller', 'shop' || stress.rnd(100) || '@' || t || '.example'));
    ELSIF k <= 9 THEN
        c := stress.pick_customer(t);
        IF c IS NULL THEN RETURN; END IF;
        PERFORM stress.attempt('update', CASE WHEN stress.chance(0.5)
            THEN format('UPDATE customer_identity.customer SET user_id = %L WHERE id = %s RETURNING id', stress.overlap_key('user_id'), c)
            ELSE format('UPDATE customer_identity.customer SET phone = %L, name = name || ''.'' WHERE id = %s RETURNING id', stress.overlap_key('phone'), c) END);
    ELSE
        -- removing the vendor role from a (maybe) linked customer
        c := stress.linked_customer(stress.pick_vendor(stress.tenant(stress.rnd(4))));
        IF c IS NULL THEN RETURN; END IF;
        call := format('UPDATE customer_identity.customer SET roles = array_remove(roles, ''vendor'') WHERE id = %s AND ''vendor'' = ANY (roles) RETURNING id', c);
        res := stress.attempt('drop_vendor_role', call);
        IF res NOT LIKE 'ERR:%' AND res <> '' AND stress.linked_customer_exists(c::bigint) THEN
            PERFORM stress.fail('drop_vendor_role', 'removed the role of a linked customer', call);
        END IF;
    END IF;
END $$;

-- Whether some vendor is linked to customer C (as seen now).
CREATE FUNCTION stress.linked_customer_exists(c bigint) RETURNS boolean
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT EXISTS (SELECT 1 FROM customer_identity.vendor x WHERE x.customer_id OPERATOR(pg_catalog.=) c);
$$;

-- Vendor links: link (random pairs), unlink, upgrade, and a forbidden direct write.
CREATE FUNCTION stress.vendor_op() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE t text := stress.tenant(stress.rnd(4)); k int := stress.rnd(10); v bigint; c bigint; res text; call text;
BEGIN
    v := stress.pick_vendor(t);
    IF v IS NULL THEN RETURN; END IF;
    IF k <= 4 THEN
        c := stress.pick_customer(CASE WHEN stress.chance(0.05) THEN stress.tenant(stress.rnd(4)) ELSE t END,
                                  stress.chance(0.9));
        IF stress.chance(0.02) THEN c := 999999999; END IF;
        PERFORM stress.attempt('link', format('SELECT customer_identity.link_vendor_to_customer(%s, %s)', v, c));
    ELSIF k <= 7 THEN
        PERFORM stress.attempt('unlink', format('SELECT customer_identity.unlink_vendor_from_customer(%s)',
                                                CASE WHEN stress.chance(0.02) THEN 999999999 ELSE v END));
    ELSIF k <= 9 THEN
        c := stress.pick_customer(t, stress.chance(0.9));
        IF c IS NULL THEN RETURN; END IF;
        PERFORM stress.attempt('upgrade', format('SELECT customer_identity.upgrade_customer_to_vendor(%s, %L)', c, 'Upgraded ' || c));
    ELSE
        c := stress.pick_customer(t);
        IF c IS NULL OR c IS NOT DISTINCT FROM stress.linked_customer(v) THEN RETURN; END IF;
        call := format('UPDATE customer_identity.vendor SET customer_id = %s WHERE id = %s RETURNING id', c, v);
        res := stress.attempt('write_link', call);
        IF res NOT LIKE 'ERR:%' THEN
            PERFORM stress.fail('write_link', 'a direct write of vendor.customer_id succeeded', call);
        END IF;
    END IF;
END $$;

-- Invite tokens: create, redeem, revoke.
CREATE FUNCTION stress.invite_op() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE t text := stress.tenant(stress.rnd(4)); k int := stress.rnd(10); v bigint; c bigint; tok text; res text;
BEGIN
    IF k <= 3 THEN
        v := stress.pick_vendor(t);
        IF v IS NULL THEN RETURN; END IF;
        res := stress.attempt('invite_create', format('SELECT customer_identity.create_invite_token(%s, %L, %s)',
            CASE WHEN stress.chance(0.02) THEN 999999999 ELSE v END,
            CASE WHEN stress.chance(0.2) THEN '1 second' ELSE '7 days' END,
            CASE WHEN stress.chance(0.3) THEN 'NULL' ELSE stress.rnd(3)::text END));
        IF res NOT LIKE 'ERR:%' THEN PERFORM stress.keep_token(t, v, res); END IF;
    ELSIF k <= 9 THEN
        tok := CASE WHEN stress.chance(0.03) THEN 'cit_unknown' || md5(random()::text) ELSE stress.pick_token(t) END;
        c := stress.pick_customer(CASE WHEN stress.chance(0.05) THEN stress.tenant(stress.rnd(4)) ELSE t END, stress.chance(0.95));
        IF tok IS NULL OR c IS NULL THEN RETURN; END IF;
        PERFORM stress.attempt('invite_redeem', format('SELECT x.created FROM customer_identity.redeem_invite_token(%L, %s) x', tok, c));
    ELSE
        tok := CASE WHEN stress.chance(0.05) THEN 'cit_unknown' || md5(random()::text) ELSE stress.pick_token(t) END;
        IF tok IS NULL THEN RETURN; END IF;
        PERFORM stress.attempt('invite_revoke', format('SELECT customer_identity.revoke_invite_token(%L)', tok));
    END IF;
END $$;

-- Merges of random pairs of one tenant; unmerges of customers merged by the soak.
CREATE FUNCTION stress.merge_op() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE t text := stress.tenant(stress.rnd(4)); a bigint; b bigint; res text;
BEGIN
    -- now and then a person asks to be forgotten (any of their records, archived ones too)
    IF stress.chance(0.05) THEN
        a := stress.pick_customer(t, stress.chance(0.9));
        IF a IS NULL THEN RETURN; END IF;
        PERFORM stress.attempt('erase', format('SELECT cardinality(customer_identity.erase_customer(%s))', a));
        RETURN;
    END IF;
    IF stress.chance(0.7) THEN
        a := stress.pick_customer(t, stress.chance(0.95));
        b := CASE WHEN stress.chance(0.03) THEN a
                  WHEN stress.chance(0.03) THEN stress.pick_customer(stress.tenant(stress.rnd(4)))
                  ELSE stress.pick_customer(t, stress.chance(0.95)) END;
        IF a IS NULL OR b IS NULL THEN RETURN; END IF;
        res := stress.attempt('merge', format('SELECT customer_identity.merge_customers(%s, %s)', a, b));
        IF res NOT LIKE 'ERR:%' THEN PERFORM stress.keep_merged(t, b); END IF;
    ELSE
        b := stress.pick_merged(t);
        IF b IS NULL THEN RETURN; END IF;
        PERFORM stress.attempt('unmerge', format('SELECT customer_identity.unmerge_customer(%s)', b));
    END IF;
END $$;

-- The lock budget (README "Bounds"): one transaction resolves new customers across more
-- made-up tenants than the budget allows.  Its entries of the shared lock table must stay
-- within lock_budget() all the way (checked every 50 tenants; stress.fail otherwise), and
-- the tenant past the budget fails with 54000, the only error allowed.  Everything it
-- wrote is rolled back.  One such transaction at a time (an advisory lock of the harness,
-- tried, never waited for):
-- the bound is per transaction, and the soak's other clients must not all do it at once.
INSERT INTO stress.allowed (op, sqlstate) VALUES ('lock_budget', '54000');
-- (the backend's entries of the shared table: not its fast-path relation locks)
CREATE FUNCTION stress.lock_entries() RETURNS bigint LANGUAGE sql AS $$
    SELECT count(*) FROM pg_catalog.pg_locks WHERE pid = pg_catalog.pg_backend_pid() AND NOT fastpath
$$;
CREATE FUNCTION stress.lock_budget_op() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    budget int := (SELECT identity_locks + tenants FROM customer_identity.lock_budget());
    tenants int := (SELECT b.tenants FROM customer_identity.lock_budget() b);
    run text := 'lb' || pg_catalog.pg_backend_pid() || '_' || stress.rnd(1000000);
    res text;
BEGIN
    IF NOT pg_catalog.pg_try_advisory_xact_lock(1396855883) THEN
        RETURN;  -- (another client is doing it: no client waits for the harness)
    END IF;
    BEGIN
        FOR g IN 1 .. tenants + 10 LOOP
            res := stress.attempt('lock_budget', format(
                'SELECT customer_id FROM customer_identity.resolve_customer_identity(tenant_id => %L, user_id => %L, email => %L)',
                run || '_' || g, 'u' || g, 'u' || g || '@lock-budget.example'));
            -- (the budget, plus the relation locks the statements take: tables and indexes)
            IF g % 50 = 0 AND stress.lock_entries() > budget + 100 THEN
                PERFORM stress.fail('lock_budget', format('holds %s lock entries after %s tenants (budget %s)',
                                                          stress.lock_entries(), g, budget), run);
            END IF;
            EXIT WHEN res LIKE 'ERR:%';
        END LOOP;
        IF res NOT LIKE 'ERR:54000' THEN
            PERFORM stress.fail('lock_budget', format('%s tenants in one transaction were not refused', tenants + 10), run);
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'S0001';  -- (rolls back what it wrote)
    EXCEPTION WHEN SQLSTATE 'S0001' THEN NULL;
    END;
    PERFORM stress.done('lock_budget', 'ok');
END $$;
