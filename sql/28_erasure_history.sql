-- Hostile application III: erasure reaches every value a person ever had, nothing the
-- application stores can stop an erasure, metadata is a bounded JSON object, and no
-- legitimate value trips an invariant.  Every attack runs as the application role (exactly
-- what grant_application_role gives) and shows its SQLSTATE and that nothing changed.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(28000);

CREATE ROLE regress_ci_hist_app NOLOGIN;
SELECT grant_application_role('regress_ci_hist_app');
GRANT USAGE ON SCHEMA regress TO regress_ci_hist_app;
GRANT SELECT, INSERT, DELETE ON ALL TABLES IN SCHEMA regress TO regress_ci_hist_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_hist_app;
SELECT set_trust_policy('verified', 'hist');

-- The search of sql/23: every text, json and array column of every table, over this
-- file's tenant (and the rows of no tenant)
CREATE TABLE regress.hist_values (value text);
CREATE FUNCTION regress.hist_found() RETURNS TABLE (tbl text, col text, value text, hits bigint)
LANGUAGE sql AS $$ SELECT * FROM regress.values_found('hist', ARRAY(SELECT value FROM regress.hist_values)) $$;

------------------------------------------------------------------------------
-- 1. Values replaced before the erasure stay in the audit trail, a merge snapshot and a
--    claim: erasure finds them all
------------------------------------------------------------------------------
SET ROLE regress_ci_hist_app;
-- Fay registers; the application drops her phone and a resolution fills in another one
SELECT customer_id AS fay FROM resolve_customer_identity(tenant_id => 'hist',
    email => 'Fay.Former@Old.test', phone => '+1 202 555 0111', user_id => 'fay-login-1',
    name => 'Fay Former') \gset
UPDATE customer SET phone = NULL WHERE id = :fay;
SELECT method FROM resolve_customer_identity(tenant_id => 'hist', user_id => 'fay-login-1',
    phone => '+1 202 555 0142');
UPDATE customer SET metadata = '{"note": "fay-secret-note", "tags": ["fay-tag-old"]}' WHERE id = :fay;
-- her checkout record, with a work email
SELECT customer_id AS fay2 FROM resolve_customer_identity(tenant_id => 'hist',
    external_customer_id => 'cus_FayOld', email => 'fay.work@old.test', name => 'F. Former') \gset
-- a stranger types her email: a claim on it, under the verified policy
SELECT method FROM resolve_customer_identity(tenant_id => 'hist', email => 'fay.former@old.test',
    external_customer_id => 'cus_Claimer');
RESET ROLE;
-- the owner merges the two (the merge event keeps snapshots of both rows)
SELECT merge_customers(:fay, :fay2);
SET ROLE regress_ci_hist_app;
-- then every value of hers is replaced, directly
UPDATE customer SET email = 'fay.new@new.test', phone = '+1 202 555 0199', user_id = 'fay-login-2',
    external_customer_id = 'cus_FayNew', name = 'Fay New', metadata = '{"note": "fay-current-note"}'
 WHERE id = :fay;
-- and a later customer takes her former login: that value is his now
SELECT customer_id AS bob FROM resolve_customer_identity(tenant_id => 'hist', user_id => 'fay-login-1',
    name => 'Bob Holder') \gset
RESET ROLE;
INSERT INTO regress.hist_values VALUES ('Fay.Former@Old.test'), ('+12025550111'), ('+12025550142'),
    ('Fay Former'), ('fay-secret-note'), ('fay-tag-old'), ('cus_FayOld'), ('fay.work@old.test'),
    ('F. Former'), ('fay.new@new.test'), ('+12025550199'), ('fay-login-2'), ('cus_FayNew'),
    ('Fay New'), ('fay-current-note');
-- before: her former values are in the audit trail, the merge snapshots and the claim
SELECT tbl, col, count(*) AS values_found FROM regress.hist_found() GROUP BY tbl, col ORDER BY 1, 2;
SET ROLE regress_ci_hist_app;
SELECT erase_customer(:fay) = ARRAY[:fay, :fay2]::bigint[] AS erased;
RESET ROLE;
-- after: none of them, current or former, is left anywhere
SELECT * FROM regress.hist_found();
-- the former login another customer holds now stays his, in his row and his events
SELECT user_id, name FROM customer WHERE id = :bob;
SELECT detail->>'user_id' AS user_id FROM identity_event WHERE customer_id = :bob AND event_type = 'created';
-- the stranger's claim is closed; it keeps the stranger's own values
SELECT status, value, proposal->>'external_customer_id' AS claimant FROM identity_claim WHERE tenant_id = 'hist';
SELECT * FROM check_integrity('hist');

------------------------------------------------------------------------------
-- 2. Metadata is bounded: at most 32 levels and 64 kB (22023 on every write path)
------------------------------------------------------------------------------
SET ROLE regress_ci_hist_app;
SELECT regress.save_state();
-- ~1000 levels (the attack), 33 levels, 70 kB: refused on INSERT and on UPDATE
INSERT INTO customer (tenant_id, name, metadata)
VALUES ('hist', 'Deep', (repeat('{"a":', 999) || '"x"' || repeat('}', 999))::jsonb);
:sqlstate
INSERT INTO customer (tenant_id, name, metadata)
VALUES ('hist', 'Deep', (repeat('{"a":', 32) || '[]' || repeat('}', 32))::jsonb);
:sqlstate
INSERT INTO customer (tenant_id, name, metadata) VALUES ('hist', 'Big', jsonb_build_object('blob', repeat('x', 70000)));
:sqlstate
UPDATE customer SET metadata = (repeat('[', 300) || repeat(']', 300))::jsonb WHERE id = :bob;
:sqlstate
UPDATE customer SET metadata = jsonb_build_object('blob', repeat('x', 70000)) WHERE id = :bob;
:sqlstate
SELECT regress.unchanged();
-- 32 levels and just under 64 kB are fine
INSERT INTO customer (tenant_id, name, metadata)
VALUES ('hist', 'Deep enough', (repeat('{"a":', 31) || '[]' || repeat('}', 31))::jsonb) RETURNING id AS deep_ok \gset
UPDATE customer SET metadata = jsonb_build_object('blob', repeat('x', 60000)) WHERE id = :deep_ok;
RESET ROLE;
-- vendor metadata is bounded the same way (the owner writes vendors)
SELECT regress.save_state();
INSERT INTO vendor (tenant_id, name, metadata) VALUES ('hist', 'Deep Shop', (repeat('[', 40) || repeat(']', 40))::jsonb);
:sqlstate
INSERT INTO vendor (tenant_id, name, metadata) VALUES ('hist', 'List Shop', '["a"]');
:sqlstate
SELECT regress.unchanged();
-- a merge whose metadata would pass the bound is refused, nothing changed
SET ROLE regress_ci_hist_app;
INSERT INTO customer (tenant_id, user_id, metadata) VALUES ('hist', 'big-one', jsonb_build_object('one', repeat('x', 40000))) RETURNING id AS big1 \gset
INSERT INTO customer (tenant_id, user_id, metadata) VALUES ('hist', 'big-two', jsonb_build_object('two', repeat('y', 40000))) RETURNING id AS big2 \gset
RESET ROLE;
SELECT regress.save_state();
\set VERBOSITY terse
SELECT merge_customers(:big1, :big2);
:sqlstate
\set VERBOSITY default
SELECT regress.unchanged();

-- A row stored before the bound (here: by the owner with the triggers off) stays writable:
-- other columns, and its own metadata written back; a new deep value is refused
SELECT customer_id AS legacy FROM resolve_customer_identity(tenant_id => 'hist', email => 'legacy@deep.test',
    name => 'Lee Legacy') \gset
SET session_replication_role = replica;
UPDATE customer SET metadata = (repeat('{"a":', 999) || '"legacy-deep-secret"' || repeat('}', 999))::jsonb
 WHERE id = :legacy;
-- and the audit trail already holds deep payloads: one about her, one of another event that
-- names her email a thousand levels down
INSERT INTO identity_event (tenant_id, event_type, customer_id, method, detail) VALUES
    ('hist', 'legacy_note', :legacy, 'import',
     (repeat('{"a":', 999) || '"legacy-deep-secret"' || repeat('}', 999))::jsonb),
    ('hist', 'legacy_note', NULL, 'import',
     (repeat('[', 999) || '"row 9: legacy@deep.test is taken"' || repeat(']', 999))::jsonb);
RESET session_replication_role;
SET ROLE regress_ci_hist_app;
UPDATE customer SET name = 'Lee L.' WHERE id = :legacy;
UPDATE customer SET metadata = metadata WHERE id = :legacy;
UPDATE customer SET metadata = metadata, phone = '+44 20 7946 0999' WHERE id = :legacy;
SELECT regress.save_state();
UPDATE customer SET metadata = jsonb_build_object('b', metadata) WHERE id = :legacy;
:sqlstate
SELECT regress.unchanged();
-- erasures in the tenant still work: someone else's, then hers (her deep values go, from
-- her row and from both payloads)
SELECT customer_id AS other FROM resolve_customer_identity(tenant_id => 'hist', user_id => 'someone-else') \gset
SELECT cardinality(erase_customer(:other)) AS erased;
SELECT cardinality(erase_customer(:legacy)) AS erased;
RESET ROLE;
SELECT metadata, name, email FROM customer WHERE id = :legacy;
SELECT event_type, customer_id = :legacy AS hers, detail::text LIKE '%legacy-deep-secret%' AS secret,
       detail::text LIKE '%legacy@deep.test%' AS email, length(detail::text) > 2000 AS still_deep
  FROM identity_event WHERE tenant_id = 'hist' AND event_type = 'legacy_note' ORDER BY id;
SELECT jsonb_array_length(detail->'other_events_scrubbed') AS other_events
  FROM identity_event WHERE event_type = 'erased' AND customer_id = :legacy;

------------------------------------------------------------------------------
-- 3. Metadata is a JSON object (22023, never XX000); NULL is {}
------------------------------------------------------------------------------
SET ROLE regress_ci_hist_app;
SELECT regress.save_state();
INSERT INTO customer (tenant_id, name, metadata) VALUES ('hist', 'Arr', '["invite_token"]');
:sqlstate
INSERT INTO customer (tenant_id, name, metadata) VALUES ('hist', 'Str', '"invite_token"');
:sqlstate
INSERT INTO customer (tenant_id, name, metadata) VALUES ('hist', 'Num', '42');
:sqlstate
UPDATE customer SET metadata = '["invite_token"]' WHERE id = :bob;
:sqlstate
UPDATE customer SET metadata = '[1, 2]' WHERE id = :bob;
:sqlstate
SELECT regress.unchanged();
INSERT INTO customer (tenant_id, name, metadata) VALUES ('hist', 'Null', NULL), ('hist', 'Json null', 'null')
RETURNING name, metadata;
RESET ROLE;
-- a row of an older version with array metadata: still writable, holds no token, and a
-- merge that would turn the canonical customer's metadata into an array is refused
SELECT customer_id AS arr FROM resolve_customer_identity(tenant_id => 'hist', user_id => 'array-meta') \gset
SET session_replication_role = replica;
UPDATE customer SET metadata = '["invite_token"]' WHERE id = :arr;
RESET session_replication_role;
SET ROLE regress_ci_hist_app;
UPDATE customer SET name = 'Array Meta' WHERE id = :arr RETURNING name, metadata;
RESET ROLE;
SELECT regress.save_state();
\set VERBOSITY terse
SELECT merge_customers(:bob, :arr);
:sqlstate
\set VERBOSITY default
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- 4. A user id shaped like an invite token is data, not a leaked token
------------------------------------------------------------------------------
SET ROLE regress_ci_hist_app;
SELECT method, created FROM resolve_customer_identity(tenant_id => 'hist_token', user_id => 'cit_' || repeat('A', 43));
RESET ROLE;
SELECT * FROM check_integrity('hist_token');
-- a real token in a payload is still reported
INSERT INTO vendor (tenant_id, name) VALUES ('hist_token', 'Token Shop') RETURNING id AS token_shop \gset
SELECT create_invite_token(:token_shop) AS leaked \gset
INSERT INTO identity_event (tenant_id, event_type, method, detail)
VALUES ('hist_token', 'import_left_alone', 'import', jsonb_build_object('reason', 'token ' || :'leaked' || ' in row 3'));
SELECT invariant, subject LIKE 'event %' AS event, detail LIKE 'invite %' AS invite FROM check_integrity('hist_token');

DROP TABLE regress.hist_values;
DROP FUNCTION regress.hist_found();
DROP OWNED BY regress_ci_hist_app;
DROP ROLE regress_ci_hist_app;
