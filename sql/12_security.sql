-- Least privilege, hostile search_path and tenant isolation, as an application role that is
-- neither superuser nor owner and holds only what grant_application_role gives.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(12000);

CREATE ROLE regress_ci_sec NOLOGIN NOSUPERUSER NOBYPASSRLS;
SELECT customer_identity.grant_application_role('regress_ci_sec');
GRANT USAGE ON SCHEMA regress TO regress_ci_sec;
GRANT SELECT, INSERT, DELETE ON ALL TABLES IN SCHEMA regress TO regress_ci_sec;
-- a schema of its own, to plant look-alike objects in
CREATE SCHEMA hostile AUTHORIZATION regress_ci_sec;

-- every function but the normalizers runs as the owner with a pinned search_path, but
-- resolve_customer_identity, the hit path, which runs with the caller's (0.8.0; the hostile
-- search_path below reaches nothing)
SELECT p.proname, p.prosecdef, p.proconfig
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = 'customer_identity' ORDER BY p.proname;
-- and only granted roles may execute them
SELECT p.proname, has_function_privilege('regress_ci_sec', p.oid, 'EXECUTE') AS app,
       has_function_privilege('public', p.oid, 'EXECUTE') AS public
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = 'customer_identity' ORDER BY p.proname;

-- two tenants' data, written by the owner
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES
    ('sec_a', 'Shop A', 'shop@a.example'), ('sec_b', 'Shop B', 'shop@b.example');
SELECT id AS vendor_a FROM vendor WHERE tenant_id = 'sec_a' \gset
SELECT id AS vendor_b FROM vendor WHERE tenant_id = 'sec_b' \gset
SELECT customer_id AS shop_a FROM resolve_customer_identity(tenant_id => 'sec_a', email => 'shop@a.example') \gset
SELECT customer_id AS shop_b FROM resolve_customer_identity(tenant_id => 'sec_b', email => 'shop@b.example') \gset
SELECT customer_id AS buyer_b FROM resolve_customer_identity(tenant_id => 'sec_b', user_id => 'buyer-b') \gset
SELECT create_invite_token(:vendor_b) AS token_b \gset

SET ROLE regress_ci_sec;

------------------------------------------------------------------------------
-- Least privilege: no direct write to the link or the audit trail, no admin functions
------------------------------------------------------------------------------
SELECT regress.save_state();
UPDATE vendor SET customer_id = NULL WHERE id = :vendor_a;
:sqlstate
INSERT INTO vendor (tenant_id, name, customer_id) VALUES ('sec_a', 'Forged', :shop_a);
:sqlstate
INSERT INTO identity_event (tenant_id, event_type) VALUES ('sec_a', 'merged');
:sqlstate
UPDATE identity_event SET event_type = 'forged' WHERE tenant_id = 'sec_a';
:sqlstate
DELETE FROM identity_event WHERE tenant_id = 'sec_a';
:sqlstate
TRUNCATE identity_event;
:sqlstate
SELECT count(*) FROM invite_token;
:sqlstate
UPDATE invite_token SET use_count = 0;
:sqlstate
SELECT * FROM reconcile('sec_a');
:sqlstate
CREATE TABLE hostile.staging (email text);
SELECT * FROM import_customers('hostile.staging', 'sec_a');
:sqlstate
SELECT set_tenant_isolation(false);
:sqlstate
SELECT grant_application_role('regress_ci_sec');
:sqlstate
SELECT regress.unchanged();

-- a caller granted import_customers still reads only the tables it may read itself (the
-- function runs as the owner); and the grant helper needs a role
RESET ROLE;
GRANT EXECUTE ON FUNCTION import_customers(regclass, text, boolean) TO regress_ci_sec;
CREATE TABLE public.sec_private_staging (email text);
INSERT INTO public.sec_private_staging VALUES ('private@a.example');
SELECT regress.save_state();
SELECT grant_application_role(NULL);
:sqlstate
SET ROLE regress_ci_sec;
SELECT * FROM import_customers('public.sec_private_staging', 'sec_a', false);
:sqlstate
SELECT regress.unchanged();
RESET ROLE;
REVOKE EXECUTE ON FUNCTION import_customers(regclass, text, boolean) FROM regress_ci_sec;
DROP TABLE public.sec_private_staging;
SET ROLE regress_ci_sec;

------------------------------------------------------------------------------
-- A schema earlier in search_path cannot hijack a function
------------------------------------------------------------------------------
-- Look-alike tables, functions and an = operator that would record any call to them.
CREATE TABLE hostile.calls (what text);
CREATE TABLE hostile.customer (LIKE customer_identity.customer);
CREATE TABLE hostile.vendor (LIKE customer_identity.vendor);
CREATE TABLE hostile.identity_event (LIKE customer_identity.identity_event);
CREATE FUNCTION hostile.text_eq(a text, b text) RETURNS boolean LANGUAGE sql AS $$
    INSERT INTO hostile.calls VALUES ('operator =');
    SELECT true;
$$;
CREATE OPERATOR hostile.= (LEFTARG = text, RIGHTARG = text, FUNCTION = hostile.text_eq);
CREATE FUNCTION hostile.normalize_email(text) RETURNS text LANGUAGE sql AS $$
    INSERT INTO hostile.calls VALUES ('normalize_email');
    SELECT 'hijacked@evil.example';
$$;
CREATE FUNCTION hostile.array_append(text[], text) RETURNS text[] LANGUAGE sql AS $$
    INSERT INTO hostile.calls VALUES ('array_append');
    SELECT ARRAY['customer'];
$$;
CREATE FUNCTION hostile.now() RETURNS timestamptz LANGUAGE sql AS $$
    INSERT INTO hostile.calls VALUES ('now');
    SELECT '2000-01-01'::timestamptz;
$$;
CREATE TEMP TABLE customer (LIKE customer_identity.customer);
SET search_path = pg_temp, hostile, customer_identity, public;
-- the stories work and find the real rows
SELECT customer_id = :shop_a AS real_customer, vendor_id = :vendor_a AS real_vendor, method
  FROM customer_identity.resolve_customer_identity(tenant_id => 'sec_a', email => 'Shop@A.example');
SELECT customer_id AS hijack_new, created
  FROM customer_identity.resolve_customer_identity(tenant_id => 'sec_a', email => 'new@a.example', user_id => 'u-new') \gset
SELECT :hijack_new > 12000 AS created_in_real_table, :'created' AS created;
-- (resolve_customer_identity runs with the caller's search_path since 0.8.0: its other
-- paths too -- an enrichment or a claim, a conflict returned as a row)
SELECT method FROM customer_identity.resolve_customer_identity(tenant_id => 'sec_a', email => 'new@a.example',
    external_customer_id => 'cus-hostile');
SELECT method FROM customer_identity.resolve_customer_identity(tenant_id => 'sec_a', email => 'Shop@A.example',
    user_id => 'u-new', on_conflict => 'return');
SELECT customer_identity.unlink_vendor_from_customer(:vendor_a);
SELECT customer_identity.link_vendor_to_customer(:vendor_a, :shop_a);
SELECT customer_identity.vendor_for_customer(:shop_a) = :vendor_a AS linked;
SELECT customer_identity.create_invite_token(:vendor_a) AS token_a \gset
SELECT created FROM customer_identity.redeem_invite_token(:'token_a', :hijack_new);
-- nothing was called or written in the planted objects
SELECT (SELECT count(*) FROM hostile.calls) AS calls, (SELECT count(*) FROM hostile.customer) AS customers,
       (SELECT count(*) FROM pg_temp.customer) AS temp_customers;
SELECT email_normalized, roles FROM customer_identity.customer WHERE id = :hijack_new;
SET search_path = customer_identity;
DROP TABLE pg_temp.customer;  -- temp tables come first in any search_path

------------------------------------------------------------------------------
-- resolve_customer_identity runs with the caller's rights (0.9.0): a hit reads as the
-- caller, what a call writes is written as the owner, and the caller is the caller again
-- after the call, however it ended
------------------------------------------------------------------------------
SELECT current_user AS caller;
SELECT method, current_user AS during_a_hit
  FROM resolve_customer_identity(tenant_id => 'sec_a', user_id => 'u-new');
SELECT customer_id AS invoker_new, created, current_user AS after_a_creation
  FROM resolve_customer_identity(tenant_id => 'sec_a', user_id => 'u-invoker',
                                 external_customer_id => 'cus-invoker') \gset
SELECT :'created' AS created, :'after_a_creation' AS after_a_creation;
-- its audit record was written with the owner's rights (the caller has no INSERT on
-- identity_event, see above) and names the caller, as under SECURITY DEFINER
SELECT actor, has_table_privilege('identity_event', 'INSERT') AS caller_may_insert
  FROM identity_event WHERE customer_id = :invoker_new AND event_type = 'created';
-- a conflict returned as a row writes its audit record, then hands back the caller
SELECT method, current_user AS after_a_conflict
  FROM resolve_customer_identity(tenant_id => 'sec_a', external_customer_id => 'cus-invoker',
                                 user_id => 'u-new', on_conflict => 'return');
SELECT count(*) AS conflict_events FROM identity_event
 WHERE event_type = 'conflict' AND customer_id = :invoker_new AND actor = current_user;
-- one statement: a creation, then an identity conflict (CI001) in the next row; nothing
-- of the statement stays
SELECT r.created FROM (VALUES (1, 'u-invoker-2', NULL), (2, 'u-new', 'cus-invoker')) v(n, uid, ext),
       LATERAL resolve_customer_identity(tenant_id => 'sec_a', user_id => v.uid, external_customer_id => v.ext) r
 ORDER BY v.n;
:sqlstate
SELECT current_user AS after_a_failed_statement,
       (SELECT count(*) FROM customer WHERE tenant_id = 'sec_a' AND user_id = 'u-invoker-2') AS kept;
-- a creation rolled back with its subtransaction
DO $$
BEGIN
    PERFORM * FROM customer_identity.resolve_customer_identity(tenant_id => 'sec_a', user_id => 'u-invoker-3');
    RAISE EXCEPTION 'roll it back';
EXCEPTION WHEN raise_exception THEN
    RAISE NOTICE 'after a rolled-back creation: %', current_user;
END $$;
SELECT count(*) AS rolled_back FROM customer WHERE tenant_id = 'sec_a' AND user_id = 'u-invoker-3';

------------------------------------------------------------------------------
-- Tenant isolation: off by default, one switch
------------------------------------------------------------------------------
-- off: the role sees every tenant (single-tenant use needs no setting)
SELECT count(DISTINCT tenant_id) > 1 AS sees_both FROM customer WHERE tenant_id IN ('sec_a', 'sec_b');
RESET ROLE;
SELECT set_tenant_isolation(true);
SELECT relname, relrowsecurity FROM pg_class
 WHERE relnamespace = 'customer_identity'::regnamespace AND relkind = 'r' ORDER BY relname;
SET ROLE regress_ci_sec;

-- a connection that names no tenant sees nothing and may do nothing
SELECT count(*) FROM customer;
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'sec_a', user_id => 'u-none');
:sqlstate
SELECT regress.unchanged();

SET customer_identity.tenant = 'sec_a';
-- the tables show only tenant sec_a
SELECT DISTINCT tenant_id FROM customer WHERE tenant_id LIKE 'sec_%';
SELECT DISTINCT tenant_id FROM vendor WHERE tenant_id LIKE 'sec_%';
SELECT DISTINCT tenant_id FROM identity_event WHERE tenant_id LIKE 'sec_%';
SELECT DISTINCT tenant_id FROM vendor_customer WHERE tenant_id LIKE 'sec_%';
SELECT count(*) AS b_rows_seen FROM customer WHERE id IN (:shop_b, :buyer_b);
-- the stories work inside the tenant
SELECT method, created FROM resolve_customer_identity(tenant_id => 'sec_a', user_id => 'u-iso');
SELECT method, created FROM resolve_customer_identity(tenant_id => 'sec_a', user_id => 'u-iso');
SELECT create_invite_token(:vendor_a, max_uses => 2) AS token_a2 \gset
INSERT INTO customer (tenant_id, name, email, metadata)
VALUES ('sec_a', 'Registered', 'reg@a.example', jsonb_build_object('invite_token', :'token_a2'));
SELECT c.name, vc.source FROM vendor_customer vc JOIN customer c ON c.id = vc.customer_id
 WHERE vc.vendor_id = :vendor_a ORDER BY c.name;

-- every way into tenant sec_b fails, and nothing changes
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'sec_b', user_id => 'buyer-b');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'sec_b', user_id => 'new-in-b');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'sec_a', customer_ref => :buyer_b);
:sqlstate
SELECT vendor_for_customer(:shop_b) IS NULL AS not_found;
SELECT link_vendor_to_customer(:vendor_b, :buyer_b);
:sqlstate
SELECT unlink_vendor_from_customer(:vendor_b);
:sqlstate
SELECT upgrade_customer_to_vendor(:buyer_b, 'Stolen');
:sqlstate
SELECT merge_customers(:shop_a, :buyer_b);
:sqlstate
SELECT unmerge_customer(:buyer_b);
:sqlstate
SELECT create_invite_token(:vendor_b);
:sqlstate
SELECT * FROM redeem_invite_token(:'token_b', :hijack_new);
:sqlstate
SELECT revoke_invite_token(:'token_b');
:sqlstate
SELECT * FROM pending_invites(:vendor_b);
:sqlstate
UPDATE customer SET name = 'Renamed' WHERE id = :buyer_b;
DELETE FROM vendor_customer WHERE tenant_id = 'sec_b';
INSERT INTO customer (tenant_id, name, user_id) VALUES ('sec_b', 'Planted', 'planted');
:sqlstate
INSERT INTO vendor (tenant_id, name) VALUES ('sec_b', 'Planted vendor');
:sqlstate
UPDATE customer SET tenant_id = 'sec_b' WHERE id = :hijack_new;
:sqlstate
SELECT regress.unchanged();

-- the owner is not bound: it still sees both tenants
RESET ROLE;
SELECT count(DISTINCT tenant_id) AS owner_sees FROM customer WHERE tenant_id IN ('sec_a', 'sec_b');
SELECT set_tenant_isolation(false);
SELECT set_tenant_isolation(NULL);
:sqlstate
RESET customer_identity.tenant;

-- the audit trail names the role that called, not the owner the functions ran as
SELECT event_type, method, actor FROM identity_event WHERE tenant_id IN ('sec_a', 'sec_b') ORDER BY id;
-- proxied_call (a proxy's way into a shard, executable by every role) grants nothing: as
-- the application role, a function it may not run answers 42501 as data, a name outside
-- the extension's schema (the application's own look-alike, a catalog function) is not
-- found, and nothing changes
SET ROLE regress_ci_sec;
CREATE FUNCTION hostile.set_tenant_isolation(boolean) RETURNS void LANGUAGE sql AS 'SELECT NULL';
SELECT regress.save_state();
SELECT split_part(a, ',', 1) AS answer FROM proxied_call('set_tenant_isolation', false) a;
SELECT split_part(a, ',', 1) AS answer FROM proxied_call('enable_sharding', 7) a;
SELECT split_part(a, ',', 1) AS answer FROM proxied_call('hostile.set_tenant_isolation', false) a;
SELECT split_part(a, ',', 1) AS answer FROM proxied_call('pg_read_file', '/etc/passwd'::text) a;
SELECT regress.unchanged();
RESET ROLE;
-- duplicate_name (C, executable by PUBLIC like the other normalizers) reads the nickname
-- table as its caller: the application role gets 42501, and nothing changes
SET ROLE regress_ci_sec;
SELECT regress.save_state();
DO $$
BEGIN
    PERFORM customer_identity.duplicate_name('Bill Smith');
    RAISE NOTICE 'duplicate_name ran';
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'duplicate_name: %', SQLSTATE;
END $$;
SELECT regress.unchanged();
RESET ROLE;
-- duplicate_fold's Japanese, Korean and Chinese readings (PUBLIC, pure) as the application role: a text longer
-- than any stored name is not handed to MeCab, whose memory PostgreSQL does not account (it
-- comes back read as pinyin), an unknown reading is 22023, and nothing changes
SET ROLE regress_ci_sec;
SELECT regress.save_state();
SELECT customer_identity.duplicate_fold('山田 太郎', 'japanese') AS read,
       customer_identity.duplicate_fold(repeat('山田', 700), 'japanese')
           = customer_identity.duplicate_fold(repeat('山田', 700)) AS long_text_not_read;
-- (and the Korean, Chinese and Thai readings: a text longer than any name is left to ICU, not
-- read syllable by syllable into memory PostgreSQL does not account)
SELECT customer_identity.duplicate_fold('김영재 대표님', 'korean') AS read,
       customer_identity.duplicate_fold(repeat('김영재', 700), 'korean')
           = customer_identity.duplicate_fold(repeat('김영재', 700)) AS long_text_not_read;
SELECT customer_identity.duplicate_fold('陈海涛先生', 'chinese') AS read,
       customer_identity.duplicate_fold(repeat('王小明', 700), 'chinese')
           = customer_identity.duplicate_fold(repeat('王小明', 700)) AS long_text_not_read;
SELECT customer_identity.duplicate_fold('นายสมชาย ใจดี', 'thai') AS read,
       customer_identity.duplicate_fold(repeat('สมชาย', 150), 'thai')
           = customer_identity.duplicate_fold(repeat('สมชาย', 150)) AS long_text_not_read;
DO $$
BEGIN
    PERFORM customer_identity.duplicate_fold('山田 太郎', 'hostile');
    RAISE NOTICE 'duplicate_fold ran';
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'duplicate_fold: %', SQLSTATE;
END $$;
SELECT regress.unchanged();
RESET ROLE;

DROP SCHEMA hostile CASCADE;
DROP OWNED BY regress_ci_sec;
DROP ROLE regress_ci_sec;
