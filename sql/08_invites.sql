-- Invite tokens (report 001): create_invite_token, redeem_invite_token, revoke_invite_token,
-- rotate_invite_token, pending_invites, redemption on registration (a customer written
-- with metadata->>'invite_token'), and what identity_event records of all of it.
-- Tenants: inv_story (report 001), inv_t1 (main), inv_t2 (another tenant).
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(8000);

-- Every token this file is given is kept here (a temporary table, not an extension
-- table), so that the end of the file can show that none of them is stored anywhere.
CREATE TEMP TABLE issued (name text PRIMARY KEY, token text NOT NULL);
-- The invite_token row of a token, found the way the extension finds it: by its hash.
CREATE FUNCTION pg_temp.invite_of(token text) RETURNS bigint LANGUAGE sql AS $$
    SELECT id FROM customer_identity.invite_token
     WHERE token_hash = sha256(convert_to(token, 'UTF8'));
$$;
-- An invite_token row without timestamps.
CREATE FUNCTION pg_temp.invite(invite bigint)
RETURNS TABLE (id bigint, tenant_id text, vendor_id bigint, expires boolean, max_uses integer,
               use_count integer, revoked boolean, rotated_to bigint)
LANGUAGE sql AS $$
    SELECT i.id, i.tenant_id, i.vendor_id, i.expires_at IS NOT NULL, i.max_uses, i.use_count,
           i.revoked_at IS NOT NULL, i.rotated_to
      FROM customer_identity.invite_token i WHERE i.id = invite;
$$;

------------------------------------------------------------------------------
-- Report 001: Vendor A shares one invite link; customers A, B and C register
-- through it and all three end up in Vendor A's clientele
------------------------------------------------------------------------------
INSERT INTO vendor (tenant_id, name, primary_contact_email)
VALUES ('inv_story', 'Vendor A', 'owner@vendor-a.example') RETURNING id AS vendor_a \gset
-- Vendor A generates its invite link
INSERT INTO issued SELECT 'link_a', create_invite_token(:vendor_a) RETURNING token AS link_a \gset
SELECT pg_temp.invite_of(:'link_a') AS link_a_id \gset
SELECT * FROM pg_temp.invite(:link_a_id);
-- Customers A and B register with the token in the registration metadata (the store
-- passes it through as metadata, as the report asks)
INSERT INTO customer (tenant_id, name, email, metadata)
VALUES ('inv_story', 'Customer A', 'a@customer.example',
        jsonb_build_object('invite_token', :'link_a', 'signup', 'storefront'))
RETURNING id AS cust_a \gset
INSERT INTO customer (tenant_id, name, email, metadata)
VALUES ('inv_story', 'Customer B', 'b@customer.example', jsonb_build_object('invite_token', :'link_a'))
RETURNING id AS cust_b \gset
-- Customer C's app creates the customer first and redeems the link in a second call
INSERT INTO customer (tenant_id, name, email) VALUES ('inv_story', 'Customer C', 'c@customer.example')
RETURNING id AS cust_c \gset
SELECT vendor_id = :vendor_a AS vendor_a, customer_id = :cust_c AS customer_c, created
  FROM redeem_invite_token(:'link_a', :cust_c);
-- vendor_customer: three rows, all pointing to Vendor A, source 'invite', with the invite
SELECT vendor_id = :vendor_a AS vendor_a, customer_id, source, invite_id = :link_a_id AS via_link_a
  FROM vendor_customer WHERE tenant_id = 'inv_story' ORDER BY customer_id;
-- Vendor A's clientele (its dashboard's query)
SELECT c.name, c.email, vc.source
  FROM vendor_customer vc JOIN customer c ON c.id = vc.customer_id
 WHERE vc.vendor_id = :vendor_a ORDER BY c.name;
-- the token was used three times; it is not in the stored metadata (other keys are)
SELECT use_count, max_uses FROM invite_token WHERE id = :link_a_id;
SELECT name, metadata FROM customer WHERE tenant_id = 'inv_story' ORDER BY id;

------------------------------------------------------------------------------
-- The token: "cit_" + 43 URL-safe characters (256 random bits); only its SHA-256 is kept
------------------------------------------------------------------------------
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('inv_t1', 'Shop 1', 'shop1@inv.example') RETURNING id AS v1 \gset
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('inv_t1', 'Shop 2', 'shop2@inv.example') RETURNING id AS v2 \gset
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('inv_t1', 'Shop pending', 'pending@inv.example') RETURNING id AS v_pending \gset
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('inv_t2', 'Shop other tenant', 'other@inv.example') RETURNING id AS v_other \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('inv_t1', 'Cus 1', 'c1@inv.example') RETURNING id AS c1 \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('inv_t1', 'Cus 2', 'c2@inv.example') RETURNING id AS c2 \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('inv_t1', 'Cus 3', 'c3@inv.example') RETURNING id AS c3 \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('inv_t1', 'Cus 4', 'c4@inv.example') RETURNING id AS c4 \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('inv_t1', 'Cus 5', 'c5@inv.example') RETURNING id AS c5 \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('inv_t1', 'Cus upsert', 'upsert@inv.example') RETURNING id AS c_upsert \gset
INSERT INTO customer (tenant_id, name, email, archived_at) VALUES ('inv_t1', 'Cus archived', 'gone@inv.example', now()) RETURNING id AS c_archived \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('inv_t2', 'Cus other tenant', 'c1@inv.example') RETURNING id AS c_other \gset
SELECT * FROM regress.vendors('inv_t1');
SELECT * FROM regress.customers('inv_t1');

INSERT INTO issued SELECT 'fmt_1', create_invite_token(:v1) RETURNING token AS fmt_1 \gset
INSERT INTO issued SELECT 'fmt_2', create_invite_token(:v1) RETURNING token AS fmt_2 \gset
SELECT left(token, 4) AS prefix, length(token), token ~ '^cit_[A-Za-z0-9_-]{43}$' AS url_safe
  FROM issued WHERE name IN ('fmt_1', 'fmt_2') ORDER BY name;
SELECT :'fmt_1' <> :'fmt_2' AS tokens_differ;
-- the row holds sha256(token) and nothing else derived from the token
SELECT i.id = pg_temp.invite_of(:'fmt_1') AS found_by_hash,
       i.token_hash = sha256(convert_to(:'fmt_1', 'UTF8')) AS hash_is_sha256,
       length(i.token_hash) AS hash_bytes
  FROM invite_token i WHERE i.id = pg_temp.invite_of(:'fmt_1');
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute
 WHERE attrelid = 'invite_token'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum;

------------------------------------------------------------------------------
-- create_invite_token: expiry (default 7 days, NULL = never) and max_uses
------------------------------------------------------------------------------
-- defaults: expires in 7 days, unlimited uses, nothing used, not revoked, vendor's tenant
SELECT tenant_id, vendor_id = :v1 AS vendor_ok, max_uses, use_count, revoked_at IS NULL AS active,
       expires_at BETWEEN now() + interval '7 days' - interval '1 minute'
                      AND now() + interval '7 days' + interval '1 minute' AS expires_in_7_days
  FROM invite_token WHERE id = pg_temp.invite_of(:'fmt_1');
-- expires_in and max_uses given
INSERT INTO issued SELECT 'hour_3', create_invite_token(:v1, expires_in => '1 hour', max_uses => 3) RETURNING token AS hour_3 \gset
SELECT max_uses, use_count,
       expires_at BETWEEN now() + interval '59 minutes' AND now() + interval '61 minutes' AS expires_in_1_hour
  FROM invite_token WHERE id = pg_temp.invite_of(:'hour_3');
-- expires_in NULL: never expires
INSERT INTO issued SELECT 'forever', create_invite_token(:v1, expires_in => NULL) RETURNING token AS forever \gset
SELECT expires_at IS NULL AS never_expires, max_uses FROM invite_token WHERE id = pg_temp.invite_of(:'forever');
-- errors, each with nothing changed
-- unknown vendor: CI011
SELECT regress.save_state();
SELECT create_invite_token(999999);
:sqlstate
SELECT regress.unchanged();
-- expires_in zero or negative: 22023
SELECT regress.save_state();
SELECT create_invite_token(:v1, expires_in => '0 seconds');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT create_invite_token(:v1, expires_in => '-1 day');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT create_invite_token(:v1, expires_in => '1 day -25 hours');
:sqlstate
SELECT regress.unchanged();
-- max_uses zero or negative: 22023
SELECT regress.save_state();
SELECT create_invite_token(:v1, max_uses => 0);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT create_invite_token(:v1, max_uses => -2);
:sqlstate
SELECT regress.unchanged();
-- NULL vendor: 22004
SELECT regress.save_state();
SELECT create_invite_token(NULL);
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- redeem_invite_token
------------------------------------------------------------------------------
SELECT pg_temp.invite_of(:'forever') AS forever_id \gset
SELECT vendor_id = :v1 AS vendor_ok, customer_id = :c1 AS customer_ok, created
  FROM redeem_invite_token(:'forever', :c1);
SELECT vendor_id = :v1 AS vendor_ok, customer_id, source, invite_id = :forever_id AS invite_ok
  FROM vendor_customer WHERE customer_id = :c1;
SELECT use_count FROM invite_token WHERE id = :forever_id;
-- the same pair again: created = false, nothing written but the event, no use spent
SELECT regress.save_state();
SELECT vendor_id = :v1 AS vendor_ok, customer_id = :c1 AS customer_ok, created
  FROM redeem_invite_token(:'forever', :c1);
SELECT regress.unchanged_except_events();
SELECT use_count FROM invite_token WHERE id = :forever_id;
-- max_uses: each new pair spends one use; an existing pair needs none, even when none is left
INSERT INTO issued SELECT 'one_use', create_invite_token(:v2, max_uses => 1) RETURNING token AS one_use \gset
SELECT pg_temp.invite_of(:'one_use') AS one_use_id \gset
SELECT created FROM redeem_invite_token(:'one_use', :c1);
SELECT * FROM pg_temp.invite(:one_use_id);
-- no uses left for a new pair: CI005
SELECT regress.save_state();
SELECT * FROM redeem_invite_token(:'one_use', :c2);
:sqlstate
SELECT regress.unchanged();
-- the pair it was used for redeems again (created = false), use_count stays 1
SELECT regress.save_state();
SELECT vendor_id = :v2 AS vendor_ok, created FROM redeem_invite_token(:'one_use', :c1);
SELECT regress.unchanged_except_events();
SELECT * FROM pg_temp.invite(:one_use_id);
-- a pair that exists already (here added through the api) is not a use either, and keeps its source
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source) VALUES (:v1, :c3, 'inv_t1', 'api');
SELECT regress.save_state();
SELECT created FROM redeem_invite_token(:'hour_3', :c3);
SELECT regress.unchanged_except_events();
SELECT source, invite_id FROM vendor_customer WHERE vendor_id = :v1 AND customer_id = :c3;
SELECT use_count FROM invite_token WHERE id = pg_temp.invite_of(:'hour_3');

-- errors, each with nothing changed
-- unknown token: CI002 (never issued, malformed, empty, altered)
SELECT regress.save_state();
SELECT * FROM redeem_invite_token('cit_' || repeat('A', 43), :c2);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM redeem_invite_token('not a token', :c2);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM redeem_invite_token('', :c2);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM redeem_invite_token(:'forever' || 'x', :c2);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM redeem_invite_token(' ' || :'forever', :c2);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM redeem_invite_token(substr(:'forever', 5), :c2);
:sqlstate
SELECT regress.unchanged();
-- the stored hash is not a token either
SELECT regress.save_state();
SELECT * FROM redeem_invite_token(encode(sha256(convert_to(:'forever', 'UTF8')), 'hex'), :c2);
:sqlstate
SELECT regress.unchanged();
-- expired: CI003 (DETAIL, which names the expiry time, not shown)
INSERT INTO issued SELECT 'expired', create_invite_token(:v1) RETURNING token AS expired \gset
UPDATE invite_token SET expires_at = now() - interval '1 minute' WHERE id = pg_temp.invite_of(:'expired');
\set VERBOSITY terse
SELECT regress.save_state();
SELECT * FROM redeem_invite_token(:'expired', :c2);
:sqlstate
SELECT regress.unchanged();
\set VERBOSITY default
-- revoked: CI004
INSERT INTO issued SELECT 'revoked', create_invite_token(:v1) RETURNING token AS revoked \gset
SELECT revoke_invite_token(:'revoked');
SELECT regress.save_state();
SELECT * FROM redeem_invite_token(:'revoked', :c2);
:sqlstate
SELECT regress.unchanged();
-- token and customer of different tenants: CI008
SELECT regress.save_state();
SELECT * FROM redeem_invite_token(:'forever', :c_other);
:sqlstate
SELECT regress.unchanged();
-- unknown customer: CI011
SELECT regress.save_state();
SELECT * FROM redeem_invite_token(:'forever', 999999);
:sqlstate
SELECT regress.unchanged();
-- archived customer: CI010
SELECT regress.save_state();
SELECT * FROM redeem_invite_token(:'forever', :c_archived);
:sqlstate
SELECT regress.unchanged();
-- NULL arguments: 22004
SELECT regress.save_state();
SELECT * FROM redeem_invite_token(NULL, :c2);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM redeem_invite_token(:'forever', NULL);
:sqlstate
SELECT regress.unchanged();
-- none of these spent a use or added a row
SELECT count(*) AS clientele_rows FROM vendor_customer WHERE tenant_id IN ('inv_t1', 'inv_t2');
SELECT use_count FROM invite_token WHERE id = :forever_id;

------------------------------------------------------------------------------
-- revoke_invite_token
------------------------------------------------------------------------------
SELECT * FROM pg_temp.invite(pg_temp.invite_of(:'revoked'));
-- revoking twice is a no-op: nothing written, no second event
SELECT regress.save_state();
SELECT revoke_invite_token(:'revoked');
SELECT regress.unchanged();
-- a revoked token no longer redeems even for a pair that exists
INSERT INTO issued SELECT 'revoke_used', create_invite_token(:v2) RETURNING token AS revoke_used \gset
SELECT created FROM redeem_invite_token(:'revoke_used', :c2);
SELECT revoke_invite_token(:'revoke_used');
SELECT regress.save_state();
SELECT * FROM redeem_invite_token(:'revoke_used', :c2);
:sqlstate
SELECT regress.unchanged();
-- the clientele row it made stays
SELECT source FROM vendor_customer WHERE vendor_id = :v2 AND customer_id = :c2;
-- unknown token: CI002; NULL: 22004
SELECT regress.save_state();
SELECT revoke_invite_token('cit_' || repeat('A', 43));
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT revoke_invite_token('nope');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT revoke_invite_token(NULL);
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- rotate_invite_token: the old token stops working; the new one has the same vendor,
-- the same absolute expiry and the uses that were left
------------------------------------------------------------------------------
INSERT INTO issued SELECT 'rot_old', create_invite_token(:v2, expires_in => '2 days', max_uses => 5) RETURNING token AS rot_old \gset
SELECT pg_temp.invite_of(:'rot_old') AS rot_old_id \gset
SELECT created FROM redeem_invite_token(:'rot_old', :c3);
SELECT created FROM redeem_invite_token(:'rot_old', :c4);
INSERT INTO issued SELECT 'rot_new', rotate_invite_token(:'rot_old') RETURNING token AS rot_new \gset
SELECT pg_temp.invite_of(:'rot_new') AS rot_new_id \gset
SELECT :'rot_new' ~ '^cit_[A-Za-z0-9_-]{43}$' AS url_safe, :'rot_new' <> :'rot_old' AS new_token;
-- old: revoked, pointing at the new one; new: same vendor and tenant, 5 - 2 = 3 uses, unused
SELECT * FROM pg_temp.invite(:rot_old_id);
SELECT * FROM pg_temp.invite(:rot_new_id);
SELECT o.rotated_to = n.id AS rotated_to_new, n.vendor_id = o.vendor_id AS same_vendor,
       n.tenant_id = o.tenant_id AS same_tenant, n.expires_at = o.expires_at AS same_expiry,
       n.max_uses = o.max_uses - o.use_count AS uses_carried_over
  FROM invite_token o, invite_token n WHERE o.id = :rot_old_id AND n.id = :rot_new_id;
-- the old token: CI004
SELECT regress.save_state();
SELECT * FROM redeem_invite_token(:'rot_old', :c5);
:sqlstate
SELECT regress.unchanged();
-- the new token works, for the same vendor
SELECT vendor_id = :v2 AS vendor_ok, created FROM redeem_invite_token(:'rot_new', :c5);
SELECT source, invite_id = :rot_new_id AS via_new_token FROM vendor_customer WHERE vendor_id = :v2 AND customer_id = :c5;
SELECT use_count, max_uses FROM invite_token WHERE id = :rot_new_id;
-- rotating an unlimited token that never expires: the new one is unlimited and never expires
INSERT INTO issued SELECT 'rot_forever', rotate_invite_token(:'forever') RETURNING token AS rot_forever \gset
SELECT * FROM pg_temp.invite(pg_temp.invite_of(:'rot_forever'));
SELECT rotated_to = pg_temp.invite_of(:'rot_forever') AS rotated FROM invite_token WHERE id = :forever_id;
-- rotating a token that cannot be used: revoked CI004, expired CI003, exhausted CI005,
-- unknown CI002, NULL 22004; nothing changed
SELECT regress.save_state();
SELECT rotate_invite_token(:'rot_old');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT rotate_invite_token(:'revoked');
:sqlstate
SELECT regress.unchanged();
\set VERBOSITY terse
SELECT regress.save_state();
SELECT rotate_invite_token(:'expired');
:sqlstate
SELECT regress.unchanged();
\set VERBOSITY default
SELECT regress.save_state();
SELECT rotate_invite_token(:'one_use');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT rotate_invite_token('cit_' || repeat('A', 43));
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT rotate_invite_token(NULL);
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- pending_invites: the vendor's usable tokens (not revoked, not expired, uses left),
-- newest first, with expiry and uses left (NULL: unlimited)
------------------------------------------------------------------------------
-- a vendor with no token: no row
SELECT count(*) AS pending FROM pending_invites(:v_pending);
INSERT INTO issued SELECT 'p_unlimited', create_invite_token(:v_pending, expires_in => NULL) RETURNING token AS p_unlimited \gset
INSERT INTO issued SELECT 'p_two', create_invite_token(:v_pending, max_uses => 2) RETURNING token AS p_two \gset
INSERT INTO issued SELECT 'p_exhausted', create_invite_token(:v_pending, max_uses => 1) RETURNING token AS p_exhausted \gset
INSERT INTO issued SELECT 'p_revoked', create_invite_token(:v_pending) RETURNING token AS p_revoked \gset
INSERT INTO issued SELECT 'p_expired', create_invite_token(:v_pending) RETURNING token AS p_expired \gset
INSERT INTO issued SELECT 'p_rotated', create_invite_token(:v_pending, max_uses => 4) RETURNING token AS p_rotated \gset
SELECT created FROM redeem_invite_token(:'p_two', :c1);
SELECT created FROM redeem_invite_token(:'p_exhausted', :c2);
SELECT revoke_invite_token(:'p_revoked');
UPDATE invite_token SET expires_at = now() - interval '1 minute' WHERE id = pg_temp.invite_of(:'p_expired');
INSERT INTO issued SELECT 'p_rotated_new', rotate_invite_token(:'p_rotated') RETURNING token AS p_rotated_new \gset
SELECT i.name, p.expires_at IS NULL AS never_expires, p.expires_at > now() AS not_expired,
       p.created_at <= now() AS created_ok, p.max_uses, p.use_count, p.uses_left
  FROM pending_invites(:v_pending) p JOIN issued i ON pg_temp.invite_of(i.token) = p.invite_id;
SELECT array_agg(invite_id) = array_agg(invite_id ORDER BY invite_id DESC) AS newest_first
  FROM pending_invites(:v_pending);
-- only that vendor's tokens
SELECT count(*) AS not_this_vendors FROM pending_invites(:v_pending) p
  JOIN invite_token i ON i.id = p.invite_id WHERE i.vendor_id <> :v_pending;
-- unknown vendor: CI011; NULL: 22004
SELECT * FROM pending_invites(999999);
:sqlstate
SELECT * FROM pending_invites(NULL);
:sqlstate

------------------------------------------------------------------------------
-- Registration: a customer written with metadata->>'invite_token' is redeemed for it
-- in the same statement; the token is never stored in the metadata
------------------------------------------------------------------------------
INSERT INTO issued SELECT 'reg', create_invite_token(:v1, max_uses => 10) RETURNING token AS reg \gset
SELECT pg_temp.invite_of(:'reg') AS reg_id \gset
INSERT INTO customer (tenant_id, name, email, metadata)
VALUES ('inv_t1', 'Reg 1', 'reg1@inv.example',
        jsonb_build_object('invite_token', :'reg', 'locale', 'de', 'consent', jsonb_build_object('news', true)))
RETURNING metadata;
SELECT id AS reg1 FROM customer WHERE email = 'reg1@inv.example' AND tenant_id = 'inv_t1' \gset
SELECT vendor_id = :v1 AS vendor_ok, source, invite_id = :reg_id AS invite_ok FROM vendor_customer WHERE customer_id = :reg1;
SELECT use_count FROM invite_token WHERE id = :reg_id;
-- metadata with only the token: stored as {}
INSERT INTO customer (tenant_id, name, metadata)
VALUES ('inv_t1', 'Reg 2', jsonb_build_object('invite_token', :'reg')) RETURNING metadata;
SELECT c.name, vc.source FROM vendor_customer vc JOIN customer c ON c.id = vc.customer_id
 WHERE vc.invite_id = :reg_id ORDER BY c.id;
-- invite_token JSON null: dropped, nothing redeemed (clientele and tokens as they were)
SELECT regress.save_state();
INSERT INTO customer (tenant_id, name, metadata)
VALUES ('inv_t1', 'Reg null', '{"invite_token": null, "locale": "fr"}') RETURNING metadata;
SELECT (s.vendor_customer, s.invite_token) = (d.vendor_customer, d.invite_token) AS nothing_redeemed
  FROM regress.saved_state s, regress.db_state d;
-- a multi-row INSERT redeems each row (two vendors' tokens, one row without a token)
INSERT INTO issued SELECT 'reg_v2', create_invite_token(:v2) RETURNING token AS reg_v2 \gset
INSERT INTO customer (tenant_id, name, metadata)
VALUES ('inv_t1', 'Multi 1', jsonb_build_object('invite_token', :'reg')),
       ('inv_t1', 'Multi 2', jsonb_build_object('invite_token', :'reg_v2', 'x', 1)),
       ('inv_t1', 'Multi 3', '{"x": 2}'),
       ('inv_t1', 'Multi 4', jsonb_build_object('invite_token', :'reg'))
RETURNING name, metadata;
SELECT c.name, vc.vendor_id = :v1 AS to_v1, vc.vendor_id = :v2 AS to_v2, vc.source
  FROM customer c LEFT JOIN vendor_customer vc ON vc.customer_id = c.id
 WHERE c.name LIKE 'Multi %' ORDER BY c.name;
SELECT use_count FROM invite_token WHERE id = :reg_id;
-- INSERT ... ON CONFLICT DO NOTHING: a row that collides with an existing customer inserts
-- nothing and enrolls nobody (whoever typed that email proved nothing); an inserted row
-- maps itself
INSERT INTO customer (tenant_id, name, email, metadata)
VALUES ('inv_t1', 'Reg 1 again', 'REG1@inv.example', jsonb_build_object('invite_token', :'reg_v2'))
ON CONFLICT DO NOTHING RETURNING id;
SELECT count(*) AS reg1_mapped_to_v2 FROM vendor_customer
 WHERE customer_id = :reg1 AND invite_id = pg_temp.invite_of(:'reg_v2');
INSERT INTO customer (tenant_id, name, email, metadata)
VALUES ('inv_t1', 'Reg 1 again', 'REG1@inv.example', jsonb_build_object('invite_token', :'reg_v2')),
       ('inv_t1', 'Skip new', 'skipnew@inv.example', jsonb_build_object('invite_token', :'reg_v2'))
ON CONFLICT DO NOTHING RETURNING name;
SELECT c.name, vc.vendor_id = :v2 AS to_v2 FROM vendor_customer vc JOIN customer c ON c.id = vc.customer_id
 WHERE vc.invite_id = pg_temp.invite_of(:'reg_v2') ORDER BY c.id;
SELECT use_count FROM invite_token WHERE id = pg_temp.invite_of(:'reg_v2');
-- an UPDATE that sets metadata invite_token redeems too, and strips it
UPDATE customer SET metadata = metadata || jsonb_build_object('invite_token', :'reg_v2', 'upd', true)
 WHERE id = :reg1 RETURNING name, metadata;
SELECT vc.vendor_id = :v2 AS to_v2, vc.source, vc.invite_id = pg_temp.invite_of(:'reg_v2') AS invite_ok
  FROM vendor_customer vc WHERE vc.customer_id = :reg1 AND vc.vendor_id = :v2;
-- ... for a pair that exists already: created = false, no use spent, token still stripped
SELECT use_count AS reg_v2_uses FROM invite_token WHERE id = pg_temp.invite_of(:'reg_v2');
UPDATE customer SET metadata = metadata || jsonb_build_object('invite_token', :'reg_v2')
 WHERE id = :reg1 RETURNING metadata;
SELECT use_count AS reg_v2_uses FROM invite_token WHERE id = pg_temp.invite_of(:'reg_v2');

-- an invalid token fails the write with the redemption's code; no customer row is written
-- unknown: CI002
SELECT regress.save_state();
INSERT INTO customer (tenant_id, name, metadata) VALUES ('inv_t1', 'Bad', jsonb_build_object('invite_token', 'cit_' || repeat('A', 43)));
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
INSERT INTO customer (tenant_id, name, metadata) VALUES ('inv_t1', 'Bad', '{"invite_token": "garbage"}');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
INSERT INTO customer (tenant_id, name, metadata) VALUES ('inv_t1', 'Bad', '{"invite_token": ""}');
:sqlstate
SELECT regress.unchanged();
-- expired: CI003
\set VERBOSITY terse
SELECT regress.save_state();
INSERT INTO customer (tenant_id, name, metadata) VALUES ('inv_t1', 'Bad', jsonb_build_object('invite_token', :'expired'));
:sqlstate
SELECT regress.unchanged();
\set VERBOSITY default
-- revoked: CI004
SELECT regress.save_state();
INSERT INTO customer (tenant_id, name, metadata) VALUES ('inv_t1', 'Bad', jsonb_build_object('invite_token', :'revoked'));
:sqlstate
SELECT regress.unchanged();
-- no uses left: CI005
SELECT regress.save_state();
INSERT INTO customer (tenant_id, name, metadata) VALUES ('inv_t1', 'Bad', jsonb_build_object('invite_token', :'one_use'));
:sqlstate
SELECT regress.unchanged();
-- the last use taken by the first row: the second row gets CI005 and neither is written
INSERT INTO issued SELECT 'last_use', create_invite_token(:v1, max_uses => 1) RETURNING token AS last_use \gset
SELECT regress.save_state();
INSERT INTO customer (tenant_id, name, metadata)
VALUES ('inv_t1', 'Bad 1', jsonb_build_object('invite_token', :'last_use')),
       ('inv_t1', 'Bad 2', jsonb_build_object('invite_token', :'last_use'));
:sqlstate
SELECT regress.unchanged();
-- token of another tenant's vendor: CI008
SELECT regress.save_state();
INSERT INTO customer (tenant_id, name, metadata) VALUES ('inv_t2', 'Bad', jsonb_build_object('invite_token', :'reg'));
:sqlstate
SELECT regress.unchanged();
-- an archived customer: CI010
SELECT regress.save_state();
INSERT INTO customer (tenant_id, name, archived_at, metadata) VALUES ('inv_t1', 'Bad', now(), jsonb_build_object('invite_token', :'reg'));
:sqlstate
SELECT regress.unchanged();
-- not a string: 22023
SELECT regress.save_state();
INSERT INTO customer (tenant_id, name, metadata) VALUES ('inv_t1', 'Bad', '{"invite_token": 12345}');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
INSERT INTO customer (tenant_id, name, metadata) VALUES ('inv_t1', 'Bad', jsonb_build_object('invite_token', jsonb_build_array(:'reg')));
:sqlstate
SELECT regress.unchanged();
-- an UPDATE with an invalid token fails and changes nothing
SELECT regress.save_state();
UPDATE customer SET metadata = jsonb_build_object('invite_token', :'revoked') WHERE id = :c1;
:sqlstate
SELECT regress.unchanged();
SELECT count(*) AS bad_rows FROM customer WHERE name LIKE 'Bad%';

------------------------------------------------------------------------------
-- identity_event: created, redeemed (created true / false), revoked, rotated; rejections
-- are recorded where the transaction commits
------------------------------------------------------------------------------
SELECT count(*) AS rejections_so_far FROM identity_event
 WHERE tenant_id IN ('inv_story', 'inv_t1', 'inv_t2') AND event_type = 'invite_rejected';
-- a rejected redemption inside a savepoint of a transaction that commits: one event,
-- written at commit
BEGIN;
SAVEPOINT s;
SELECT * FROM redeem_invite_token(:'revoked', :c3);
ROLLBACK TO s;
SELECT count(*) AS rejections_before_commit FROM identity_event
 WHERE tenant_id = 'inv_t1' AND event_type = 'invite_rejected';
COMMIT;
SELECT customer_id = :c3 AS customer_ok, vendor_id = :v1 AS vendor_ok, method,
       detail->>'sqlstate' AS sqlstate, detail->>'reason' AS reason,
       detail->>'invite_id' = pg_temp.invite_of(:'revoked')::text AS invite_ok
  FROM identity_event WHERE tenant_id = 'inv_t1' AND event_type = 'invite_rejected';
-- the transaction is aborted (ROLLBACK, or COMMIT of a failed transaction): no event
BEGIN;
SAVEPOINT s;
SELECT * FROM redeem_invite_token(:'revoked', :c3);
ROLLBACK TO s;
ROLLBACK;
BEGIN;
SELECT * FROM redeem_invite_token(:'revoked', :c3);
COMMIT;
SELECT count(*) AS rejections FROM identity_event WHERE tenant_id = 'inv_t1' AND event_type = 'invite_rejected';
-- the application catches the error (PL/pgSQL EXCEPTION) and commits: recorded
DO $$
BEGIN
    PERFORM * FROM customer_identity.redeem_invite_token('cit_' || repeat('B', 43),
        (SELECT id FROM customer_identity.customer WHERE tenant_id = 'inv_t2' LIMIT 1));
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'caught %', SQLSTATE;
END $$;
-- a rejected registration inside a savepoint: recorded with method registration
-- (the customer id is the one the rolled-back row would have had)
BEGIN;
SAVEPOINT s;
\set VERBOSITY terse
INSERT INTO customer (tenant_id, name, metadata) VALUES ('inv_t1', 'Late', jsonb_build_object('invite_token', :'expired'))
RETURNING id;
\set VERBOSITY default
ROLLBACK TO s;
COMMIT;
SELECT count(*) AS late_rows FROM customer WHERE name = 'Late';
SELECT tenant_id, event_type, customer_id IS NOT NULL AS has_customer, vendor_id, method,
       detail->>'sqlstate' AS sqlstate, detail->>'reason' AS reason, detail->>'invite_id' AS invite_id
  FROM identity_event WHERE tenant_id IN ('inv_t1', 'inv_t2') AND event_type = 'invite_rejected' ORDER BY id;

-- every event of the file (expires_at, a timestamp, shown only as present or not)
SELECT id, event_type, customer_id, vendor_id, method, detail - 'expires_at' AS detail,
       detail->>'expires_at' IS NOT NULL AS expires
  FROM regress.events('inv_story');
SELECT id, event_type, customer_id, vendor_id, method, detail - 'expires_at' AS detail,
       detail->>'expires_at' IS NOT NULL AS expires
  FROM regress.events('inv_t1');
SELECT id, event_type, customer_id, vendor_id, method, detail - 'expires_at' AS detail,
       detail->>'expires_at' IS NOT NULL AS expires
  FROM regress.events('inv_t2');

------------------------------------------------------------------------------
-- No token is stored anywhere: no row of any extension table contains any token
-- given out in this file (nor its random part, nor its bytes in hex); each token's
-- SHA-256 is in invite_token
------------------------------------------------------------------------------
SELECT count(*) AS tokens_issued, count(DISTINCT token) AS distinct_tokens,
       bool_and(token ~ '^cit_[A-Za-z0-9_-]{43}$') AS all_url_safe FROM issued;
CREATE TEMP TABLE needles AS
SELECT name, token AS needle FROM issued
UNION ALL SELECT name, substr(token, 5) FROM issued
UNION ALL SELECT name, encode(convert_to(token, 'UTF8'), 'hex') FROM issued;
SELECT 'customer' AS tbl, count(*) FROM needles n JOIN customer_identity.customer t ON t::text LIKE '%' || n.needle || '%'
UNION ALL
SELECT 'vendor', count(*) FROM needles n JOIN customer_identity.vendor t ON t::text LIKE '%' || n.needle || '%'
UNION ALL
SELECT 'vendor_customer', count(*) FROM needles n JOIN customer_identity.vendor_customer t ON t::text LIKE '%' || n.needle || '%'
UNION ALL
SELECT 'invite_token', count(*) FROM needles n JOIN customer_identity.invite_token t ON t::text LIKE '%' || n.needle || '%'
UNION ALL
SELECT 'identity_event', count(*) FROM needles n JOIN customer_identity.identity_event t ON t::text LIKE '%' || n.needle || '%'
UNION ALL
SELECT 'identity_event.detail', count(*) FROM needles n JOIN customer_identity.identity_event t ON t.detail::text LIKE '%' || n.needle || '%';
-- (the search does find what is there: the hash of every token, in hex)
SELECT count(*) AS tokens_found_by_hash FROM issued i
  JOIN customer_identity.invite_token t
    ON t::text LIKE '%' || encode(sha256(convert_to(i.token, 'UTF8')), 'hex') || '%';

-- final state
SELECT * FROM regress.vendors('inv_story');
SELECT * FROM regress.customers('inv_story');
SELECT * FROM regress.vendors('inv_t1');
SELECT * FROM regress.customers('inv_t1');
SELECT id, name, metadata FROM customer WHERE tenant_id IN ('inv_t1', 'inv_t2') ORDER BY id;
SELECT vendor_id, customer_id, tenant_id, source, invite_id FROM vendor_customer
 WHERE tenant_id IN ('inv_story', 'inv_t1', 'inv_t2') ORDER BY vendor_id, customer_id;
SELECT id, tenant_id, vendor_id, expires_at IS NOT NULL AS expires, expires_at > now() AS not_expired,
       max_uses, use_count, revoked_at IS NOT NULL AS revoked, rotated_to
  FROM invite_token WHERE tenant_id IN ('inv_story', 'inv_t1', 'inv_t2') ORDER BY id;

------------------------------------------------------------------------------
-- Registration through an upsert (INSERT ... ON CONFLICT DO UPDATE): the row carrying the
-- token was not inserted, so nobody registered (0.10.0; before, the token was redeemed for
-- the existing customer the upsert updated).  An upsert that inserts nothing redeems
-- nothing, whatever else it writes; the token is still never stored.  (DO NOTHING, above,
-- writes nobody and redeems nothing.)  (Last in the file: its ids and events come after everything above.)
------------------------------------------------------------------------------
INSERT INTO issued SELECT 'upsert', create_invite_token(:v2) RETURNING token AS upsert \gset
INSERT INTO customer (tenant_id, name, email, metadata)
VALUES ('inv_t1', 'Cus upsert again', 'Upsert@inv.example', jsonb_build_object('invite_token', :'upsert', 'via', 'upsert'))
ON CONFLICT (tenant_id, email_normalized) WHERE archived_at IS NULL AND email_normalized IS NOT NULL
DO UPDATE SET metadata = EXCLUDED.metadata
RETURNING id = :c_upsert AS existing_customer, metadata;
SELECT count(*) AS redeemed_for_existing FROM vendor_customer
 WHERE vendor_id = :v2 AND customer_id = :c_upsert AND source = 'invite'
   AND invite_id = pg_temp.invite_of(:'upsert');
SELECT use_count FROM invite_token WHERE id = pg_temp.invite_of(:'upsert');
SELECT event_type, method, detail->>'created' AS created FROM identity_event
 WHERE tenant_id = 'inv_t1' AND customer_id = :c_upsert ORDER BY id;
SELECT count(*) AS rows_with_token FROM customer t WHERE t::text LIKE '%' || :'upsert' || '%';
-- ... a DO UPDATE whose WHERE skips the row updates nothing, so it redeems nothing
INSERT INTO issued SELECT 'upsert_where', create_invite_token(:v2) RETURNING token AS upsert_where \gset
INSERT INTO customer (tenant_id, name, email, metadata)
VALUES ('inv_t1', 'Cus upsert skipped', 'Upsert@inv.example', jsonb_build_object('invite_token', :'upsert_where'))
ON CONFLICT (tenant_id, email_normalized) WHERE archived_at IS NULL AND email_normalized IS NOT NULL
DO UPDATE SET metadata = EXCLUDED.metadata WHERE false;
SELECT use_count FROM invite_token WHERE id = pg_temp.invite_of(:'upsert_where');
