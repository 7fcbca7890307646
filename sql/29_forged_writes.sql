-- The third hostile-application review (0.10.0): what the application role -- exactly the
-- grants of grant_application_role, and such a role bound to one tenant -- writes itself
-- cannot enroll, redeem, undo a later link or audit into another tenant.  Every attack
-- runs as that role; the state before and after shows what changed (nothing, unless said).
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(29000);

CREATE ROLE regress_ci_forger NOLOGIN NOSUPERUSER NOBYPASSRLS;
SELECT grant_application_role('regress_ci_forger');
GRANT USAGE ON SCHEMA regress TO regress_ci_forger;
GRANT SELECT, INSERT, DELETE ON ALL TABLES IN SCHEMA regress TO regress_ci_forger;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_forger;

-- The clientele of tenant 'forge' and the uses of its invites, as the owner sees them (the
-- application may not read invite_token).
CREATE FUNCTION regress.forge_clientele()
RETURNS TABLE (vendor text, customer text, source text, invite_uses text)
LANGUAGE sql SECURITY DEFINER AS $$
    SELECT v.name, coalesce(c.name, c.email), vc.source,
           CASE WHEN i.id IS NOT NULL THEN i.use_count || ' of ' || coalesce(i.max_uses::text, 'unlimited') END
      FROM customer_identity.vendor_customer vc
      JOIN customer_identity.vendor v ON v.id = vc.vendor_id
      JOIN customer_identity.customer c ON c.id = vc.customer_id
      LEFT JOIN customer_identity.invite_token i ON i.id = vc.invite_id
     WHERE vc.tenant_id = 'forge' ORDER BY v.name, c.id;
$$;
CREATE FUNCTION regress.forge_invite_uses()
RETURNS TABLE (invite bigint, use_count integer, max_uses integer)
LANGUAGE sql SECURITY DEFINER AS $$
    SELECT i.id, i.use_count, i.max_uses FROM customer_identity.invite_token i
     WHERE i.tenant_id = 'forge' ORDER BY i.id;
$$;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_forger;

-- two vendors of tenant 'forge', customers, and a customer of tenant 'forge_b'
INSERT INTO vendor (tenant_id, name) VALUES ('forge', 'Shop 1') RETURNING id AS v1 \gset
INSERT INTO vendor (tenant_id, name) VALUES ('forge', 'Shop 2') RETURNING id AS v2 \gset
INSERT INTO vendor (tenant_id, name) VALUES ('forge_b', 'Shop B') RETURNING id AS vb \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('forge', 'Xavier', 'x@forge.test') RETURNING id AS x \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('forge', 'Yvonne', 'y@forge.test') RETURNING id AS y \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('forge_b', 'Bea', 'bea@b.test') RETURNING id AS bea \gset
SELECT create_invite_token(:v1) AS t1 \gset

SET ROLE regress_ci_forger;

------------------------------------------------------------------------------
-- 4. An upsert that inserts nothing redeems nothing, whatever else the statement writes
------------------------------------------------------------------------------
SELECT * FROM regress.forge_clientele();
-- the review's attack: an UPDATE of the colliding customer beside the upsert
WITH t AS (UPDATE customer SET name = 'Xavier (touched)' WHERE id = :x RETURNING id)
INSERT INTO customer (tenant_id, email, metadata)
VALUES ('forge', 'x@forge.test', jsonb_build_object('invite_token', :'t1'))
ON CONFLICT DO NOTHING RETURNING id;
-- ... and of an unrelated customer, the INSERT reading the UPDATE's row (the UPDATE runs first)
WITH t AS (UPDATE customer SET name = 'Yvonne (touched)' WHERE id = :y RETURNING id)
INSERT INTO customer (tenant_id, email, metadata)
SELECT 'forge', 'x@forge.test', jsonb_build_object('invite_token', :'t1') FROM t
ON CONFLICT DO NOTHING RETURNING id;
-- ... and the same with the UPDATE after the INSERT (the INSERT does not read it)
WITH t AS (UPDATE customer SET name = 'Yvonne' WHERE id = :y RETURNING id)
INSERT INTO customer (tenant_id, email, metadata)
VALUES ('forge', 'x@forge.test', jsonb_build_object('invite_token', :'t1'))
ON CONFLICT DO NOTHING RETURNING id;
-- ... beside an INSERT of another customer in a CTE: that customer is not enrolled either
WITH t AS (INSERT INTO customer (tenant_id, name, email) VALUES ('forge', 'Zoe', 'z@forge.test') RETURNING id)
INSERT INTO customer (tenant_id, email, metadata)
VALUES ('forge', 'x@forge.test', jsonb_build_object('invite_token', :'t1'))
ON CONFLICT DO NOTHING RETURNING id;
-- the UPDATEs and the CTE's INSERT happened; nobody was enrolled, no use was spent
SELECT name, email FROM customer WHERE tenant_id = 'forge' ORDER BY id;
SELECT * FROM regress.forge_clientele();
SELECT * FROM regress.forge_invite_uses();
-- ON CONFLICT DO UPDATE that updates instead of inserting: no row inserted, nobody enrolled
INSERT INTO customer (tenant_id, email, metadata)
VALUES ('forge', 'x@forge.test', jsonb_build_object('invite_token', :'t1'))
ON CONFLICT (tenant_id, email_normalized) WHERE archived_at IS NULL AND email_normalized IS NOT NULL
DO UPDATE SET name = 'Xavier (upserted)' RETURNING name, metadata;
SELECT * FROM regress.forge_clientele();
-- a multi-row upsert where some rows collide: only the inserted rows with a token enroll
INSERT INTO customer (tenant_id, name, email, metadata)
VALUES ('forge', 'Collides X', 'x@forge.test', jsonb_build_object('invite_token', :'t1')),
       ('forge', 'New 1', 'new1@forge.test', jsonb_build_object('invite_token', :'t1')),
       ('forge', 'New 2', 'new2@forge.test', '{}'),
       ('forge', 'Collides Y', 'y@forge.test', jsonb_build_object('invite_token', :'t1'))
ON CONFLICT DO NOTHING RETURNING name;
SELECT * FROM regress.forge_clientele();
SELECT * FROM regress.forge_invite_uses();
-- one explicit id given to two rows, one with a token: which row registered cannot be told
-- (22023), nothing changes
SELECT regress.save_state();
INSERT INTO customer (id, tenant_id, name, email, metadata) OVERRIDING SYSTEM VALUE
VALUES (29990, 'forge', 'Collides X', 'x@forge.test', jsonb_build_object('invite_token', :'t1')),
       (29990, 'forge', 'Fresh', 'fresh@forge.test', '{}')
ON CONFLICT DO NOTHING;
:sqlstate
SELECT regress.unchanged();
-- (a plain UPDATE that writes a token into a row still redeems it for that row, as before)
UPDATE customer SET metadata = jsonb_build_object('invite_token', :'t1') WHERE id = :y RETURNING metadata;
SELECT * FROM regress.forge_clientele();

------------------------------------------------------------------------------
-- 6. Clientele rows written directly follow the rules of a redemption
------------------------------------------------------------------------------
RESET ROLE;
SELECT create_invite_token(:v1, max_uses => 1) AS once \gset
SELECT create_invite_token(:v2) AS of_v2 \gset
SELECT create_invite_token(:v1) AS revoked \gset
SELECT revoke_invite_token(:'revoked');
SELECT create_invite_token(:v1) AS expired \gset
SELECT create_invite_token(:vb) AS of_b \gset
CREATE FUNCTION pg_temp.invite_of(token text) RETURNS bigint LANGUAGE sql AS
$$ SELECT id FROM customer_identity.invite_token WHERE token_hash = sha256(convert_to(token, 'UTF8')) $$;
SELECT pg_temp.invite_of(:'once') AS once_id, pg_temp.invite_of(:'of_v2') AS of_v2_id,
       pg_temp.invite_of(:'revoked') AS revoked_id, pg_temp.invite_of(:'expired') AS expired_id,
       pg_temp.invite_of(:'of_b') AS of_b_id \gset
UPDATE invite_token SET expires_at = '2020-01-01 00:00:00+00' WHERE id = :expired_id;
-- a merged-away customer and one archived by hand
INSERT INTO customer (tenant_id, name) VALUES ('forge', 'Merged away') RETURNING id AS gone \gset
SELECT merge_customers(:x, :gone);
INSERT INTO customer (tenant_id, name) VALUES ('forge', 'Archived') RETURNING id AS shelved \gset
UPDATE customer SET archived_at = now() WHERE id = :shelved;
INSERT INTO customer (tenant_id, name) VALUES ('forge', 'Walk-in') RETURNING id AS walkin \gset
INSERT INTO customer (tenant_id, name) VALUES ('forge', 'Second') RETURNING id AS second \gset
SET ROLE regress_ci_forger;
SELECT regress.save_state();
-- another vendor's invite (CI002); source 'invite' without an invite (CI002)
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source, invite_id)
VALUES (:v1, :walkin, 'forge', 'invite', :of_v2_id);
:sqlstate
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source) VALUES (:v1, :walkin, 'forge', 'invite');
:sqlstate
-- a revoked invite (CI004), an expired one (CI003)
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source, invite_id)
VALUES (:v1, :walkin, 'forge', 'invite', :revoked_id);
:sqlstate
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source, invite_id)
VALUES (:v1, :walkin, 'forge', 'invite', :expired_id);
:sqlstate
-- another tenant's invite: the tenant key refuses it (23503), as for any other reference
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source, invite_id)
VALUES (:v1, :walkin, 'forge', 'invite', :of_b_id);
:sqlstate
-- an invite named by a row of source 'api' (22023)
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source, invite_id)
VALUES (:v1, :walkin, 'forge', 'api', :once_id);
:sqlstate
-- a merged-away customer and a customer archived by hand (CI010), whatever the source
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source) VALUES (:v1, :gone, 'forge', 'api');
:sqlstate
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source) VALUES (:v2, :shelved, 'forge', 'api');
:sqlstate
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source, invite_id)
VALUES (:v1, :gone, 'forge', 'invite', :once_id);
:sqlstate
-- the application has no UPDATE on the clientele (42501)
UPDATE vendor_customer SET invite_id = :of_v2_id WHERE customer_id = :y;
:sqlstate
SELECT regress.unchanged();
-- a direct row from a usable invite of the same vendor is a redemption: it uses the invite
-- up (recorded as invite_redeemed, method direct) ...
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source, invite_id)
VALUES (:v1, :walkin, 'forge', 'invite', :once_id) RETURNING source;
SELECT * FROM regress.forge_invite_uses() WHERE invite = :once_id;
SELECT event_type, customer_id = :walkin AS walkin, vendor_id = :v1 AS v1, method, detail
  FROM identity_event WHERE event_type = 'invite_redeemed' AND method = 'direct' AND tenant_id = 'forge';
-- ... so the used-up invite enrolls nobody else (CI005) ...
SELECT regress.save_state();
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source, invite_id)
VALUES (:v1, :second, 'forge', 'invite', :once_id);
:sqlstate
-- ... and a pair that exists already spends no use (the insert collides, or is skipped)
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id, source, invite_id)
VALUES (:v1, :walkin, 'forge', 'invite', :once_id) ON CONFLICT DO NOTHING;
SELECT regress.unchanged();
-- rows of source 'api' for active customers are the application's own, as before
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id) VALUES (:v1, :second, 'forge') RETURNING source;
RESET ROLE;
-- the owner's UPDATEs of the clientele follow the same rules: another vendor's invite
-- (CI002), an archived customer (CI010), an exhausted invite (CI005)
SELECT regress.save_state();
UPDATE vendor_customer SET invite_id = :of_v2_id WHERE vendor_id = :v1 AND customer_id = :walkin;
:sqlstate
UPDATE vendor_customer SET customer_id = :shelved WHERE vendor_id = :v1 AND customer_id = :second;
:sqlstate
UPDATE vendor_customer SET source = 'invite', invite_id = :once_id WHERE vendor_id = :v1 AND customer_id = :second;
:sqlstate
SELECT regress.unchanged();
-- the functions' own writes go on working: redemption, a merge that moves and folds rows
-- from invites (one of them used up now), and its unmerge that puts them back
SET ROLE regress_ci_forger;
SELECT vendor_id = :v2 AS v2, created FROM redeem_invite_token(:'of_v2', :walkin);
SELECT merge_customers(:second, :walkin);
SELECT * FROM regress.forge_clientele();
SELECT unmerge_customer(:walkin);
SELECT * FROM regress.forge_clientele();
RESET ROLE;
SELECT * FROM check_integrity('forge');

------------------------------------------------------------------------------
-- 5. Unmerge never undoes a link made after the merge
------------------------------------------------------------------------------
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('forge_u', 'Linked Shop', 'old@forge-u.test')
RETURNING id AS lv \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('forge_u', 'Duplicate', 'old@forge-u.test') RETURNING id AS dup \gset
INSERT INTO customer (tenant_id, name) VALUES ('forge_u', 'Canonical') RETURNING id AS canon \gset
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('forge_u', 'Second Shop', 'old2@forge-u.test')
RETURNING id AS lv2 \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('forge_u', 'Duplicate 2', 'old2@forge-u.test') RETURNING id AS dup2 \gset
INSERT INTO customer (tenant_id, name) VALUES ('forge_u', 'Canonical 2') RETURNING id AS canon2 \gset
SET ROLE regress_ci_forger;
-- the review's sequence: merge, unlink, both emails changed, the vendor linked to the
-- canonical customer, unmerge
SELECT link_vendor_to_customer(:lv, :dup);
SELECT merge_customers(:canon, :dup);
SELECT unlink_vendor_from_customer(:lv);
UPDATE customer SET email = 'new@forge-u.test' WHERE id = :canon;
UPDATE vendor SET primary_contact_email = 'new@forge-u.test' WHERE id = :lv;
SELECT link_vendor_to_customer(:lv, :canon);
SELECT unmerge_customer(:dup);
-- the later link stays; the duplicate comes back without it (and without role vendor)
SELECT v.name, c.name AS linked_customer, c.email, c.roles
  FROM vendor v JOIN customer c ON c.id = v.customer_id WHERE v.id = :lv;
SELECT name, email, roles, archived_at IS NOT NULL AS archived FROM customer WHERE id = :dup;
SELECT vendor_id = :lv AS link_back, detail->'vendor_link_kept' = to_jsonb(:lv) AS link_kept
  FROM identity_event WHERE event_type = 'unmerged' AND other_customer_id = :dup;
-- the same when the pair's email changed while linked (no unlink): the link stays on the
-- canonical customer, whose email now matches the vendor's
SELECT link_vendor_to_customer(:lv2, :dup2);
SELECT merge_customers(:canon2, :dup2);
UPDATE customer SET email = NULL WHERE id = :canon2;
UPDATE vendor SET primary_contact_email = 'new2@forge-u.test' WHERE id = :lv2;
UPDATE customer SET email = 'new2@forge-u.test' WHERE id = :canon2;
SELECT unmerge_customer(:dup2);
SELECT v.name, c.name AS linked_customer, c.email FROM vendor v JOIN customer c ON c.id = v.customer_id
 WHERE v.id = :lv2;
SELECT name, email, roles FROM customer WHERE id = :dup2;
-- a link that is still the merge's goes back, as before
INSERT INTO customer (tenant_id, name, email) VALUES ('forge_u', 'Duplicate 3', 'third@forge-u.test') RETURNING id AS dup3 \gset
INSERT INTO customer (tenant_id, name) VALUES ('forge_u', 'Canonical 3') RETURNING id AS canon3 \gset
RESET ROLE;
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('forge_u', 'Third Shop', 'third@forge-u.test')
RETURNING id AS lv3 \gset
SET ROLE regress_ci_forger;
SELECT link_vendor_to_customer(:lv3, :dup3);
SELECT merge_customers(:canon3, :dup3);
SELECT unmerge_customer(:dup3);
SELECT v.name, c.name AS linked_customer FROM vendor v JOIN customer c ON c.id = v.customer_id WHERE v.id = :lv3;
RESET ROLE;
SELECT * FROM check_integrity('forge_u');

------------------------------------------------------------------------------
-- 8. A bound role's rejected redemptions are recorded in its tenant, naming only its rows
------------------------------------------------------------------------------
CREATE ROLE regress_ci_forger_bound NOLOGIN NOSUPERUSER NOBYPASSRLS;
SELECT grant_application_role('regress_ci_forger_bound');
SELECT bind_role_to_tenant('regress_ci_forger_bound', 'forge');
-- (events of this file are those after the id sequence's position: earlier files may have
-- used higher ids)
CREATE TEMP TABLE rejections_before AS
SELECT pg_sequence_last_value(pg_get_serial_sequence('customer_identity.identity_event', 'id')::regclass) AS id;
GRANT SELECT ON rejections_before TO regress_ci_forger_bound;
SET ROLE regress_ci_forger_bound;
-- an unknown token with another tenant's customer (CI002), a token of its own tenant with
-- another tenant's customer (CI011, as for a customer that does not exist), an unknown
-- token with a customer that exists nowhere, and with its own customer; each caught in a
-- savepoint of a transaction that commits, so each rejection is recorded
BEGIN;
SAVEPOINT s;
SELECT * FROM redeem_invite_token('cit_' || repeat('Z', 43), :bea);
:sqlstate
ROLLBACK TO s;
SELECT * FROM redeem_invite_token(:'t1', :bea);
:sqlstate
ROLLBACK TO s;
SELECT * FROM redeem_invite_token('cit_' || repeat('Z', 43), 999999999);
:sqlstate
ROLLBACK TO s;
SELECT * FROM redeem_invite_token('cit_' || repeat('Z', 43), :x);
:sqlstate
ROLLBACK TO s;
COMMIT;
RESET ROLE;
-- all four in tenant forge; none names customer Bea (nor the id that exists nowhere)
SELECT tenant_id, event_type, customer_id = :x AS names_x, customer_id IS NULL AS names_nobody,
       vendor_id = :v1 AS v1, method, detail->>'sqlstate' AS sqlstate, detail->>'reason' AS reason
  FROM identity_event WHERE id > (SELECT id FROM rejections_before) AND event_type = 'invite_rejected'
 ORDER BY id;
SELECT count(*) AS rejections_naming_bea FROM identity_event
 WHERE id > (SELECT id FROM rejections_before) AND event_type = 'invite_rejected'
   AND (customer_id = :bea OR detail->>'reason' LIKE '%customer ' || :bea || '%');
-- an unbound caller: the customer's tenant when the customer exists, else 'default' (no customer named)
SELECT unbind_role_from_tenant('regress_ci_forger_bound');
SELECT set_tenant_isolation(false);
DELETE FROM rejections_before;
INSERT INTO rejections_before
SELECT pg_sequence_last_value(pg_get_serial_sequence('customer_identity.identity_event', 'id')::regclass);
SET ROLE regress_ci_forger;
BEGIN;
SAVEPOINT s;
SELECT * FROM redeem_invite_token('cit_' || repeat('Z', 43), :bea);
:sqlstate
ROLLBACK TO s;
SELECT * FROM redeem_invite_token('cit_' || repeat('Z', 43), 999999999);
:sqlstate
ROLLBACK TO s;
COMMIT;
RESET ROLE;
SELECT tenant_id, customer_id = :bea AS names_bea, customer_id IS NULL AS names_nobody,
       detail->>'sqlstate' AS sqlstate, detail->>'reason' AS reason
  FROM identity_event WHERE id > (SELECT id FROM rejections_before) AND event_type = 'invite_rejected'
 ORDER BY id;

DROP OWNED BY regress_ci_forger;
DROP ROLE regress_ci_forger;
DROP OWNED BY regress_ci_forger_bound;
DROP ROLE regress_ci_forger_bound;
