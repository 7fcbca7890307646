-- Ids and tokens are unique across the shards, and every documented error of the SQL API
-- reaches the caller through the proxy with its SQLSTATE.
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
\set VERBOSITY sqlstate
\c - ci_app
SET search_path = customer_identity;

-- 200 tenants, spread over both shards: every id and token different, every one routed home
CREATE TEMP TABLE made AS
SELECT t.tenant, r.customer_id, create_invite_token(upgrade_customer_to_vendor(r.customer_id, 'Shop ' || t.tenant)) AS token
  FROM (SELECT 'tenant-' || i AS tenant FROM generate_series(1, 200) AS i) t,
       LATERAL resolve_customer_identity(tenant_id => t.tenant, email => 'owner@' || t.tenant || '.test') r;
SELECT count(DISTINCT shard_of_tenant(tenant)) AS shards_used, count(*) AS customers,
       count(DISTINCT customer_id) AS distinct_ids, count(DISTINCT token) AS distinct_tokens,
       bool_and(id_bucket(customer_id) = tenant_bucket(tenant)) AS ids_carry_bucket,
       bool_and(token_bucket(token) = tenant_bucket(tenant)) AS tokens_carry_bucket
  FROM made;
SELECT count(*) AS found_again FROM made m, LATERAL resolve_customer_identity(tenant_id => m.tenant,
    email => 'owner@' || m.tenant || '.test') r WHERE r.customer_id = m.customer_id AND NOT r.created;

-- the errors, each through the proxy, as the shard raised them: its SQLSTATE, message,
-- DETAIL and HINT (the shard returns the error as data and the proxy raises it again:
-- 10_proxied_errors.sql), and the connection to the shard stays open.
SELECT customer_id AS x1 FROM resolve_customer_identity(tenant_id => 'errs', email => 'x1@errs.test',
    email_verified => true) \gset
SELECT customer_id AS x2 FROM resolve_customer_identity(tenant_id => 'errs', external_customer_id => 'cus_x2') \gset
-- CI001 identity conflict (once with the whole message)
\set VERBOSITY default
SELECT * FROM resolve_customer_identity(tenant_id => 'errs', email => 'x1@errs.test', external_customer_id => 'cus_x2',
    email_verified => true);
:sqlstate
\set VERBOSITY sqlstate
-- ... which on_conflict => 'return' answers without an error (and without a reconnect)
SELECT method FROM resolve_customer_identity(tenant_id => 'errs', email => 'x1@errs.test',
    external_customer_id => 'cus_x2', on_conflict => 'return', email_verified => true);
-- CI002 unknown token (also text that is no token at all)
SELECT * FROM redeem_invite_token('cit_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', :x1);
:sqlstate
SELECT * FROM redeem_invite_token('no token', :x1);
:sqlstate
SELECT upgrade_customer_to_vendor(:x2, 'Errs Shop') AS shop \gset
SELECT create_invite_token(:shop, max_uses => 1) AS once \gset
SELECT create_invite_token(:shop) AS revoked \gset
SELECT create_invite_token(:shop, expires_in => interval '1 millisecond') AS expiring \gset
SELECT pg_sleep(0.01);
-- CI003 expired
SELECT * FROM redeem_invite_token(:'expiring', :x1);
:sqlstate
-- CI004 revoked
SELECT revoke_invite_token(:'revoked');
SELECT * FROM redeem_invite_token(:'revoked', :x1);
:sqlstate
-- CI005 no uses left
SELECT created FROM redeem_invite_token(:'once', :x1);
SELECT customer_id AS x3 FROM resolve_customer_identity(tenant_id => 'errs', email => 'x3@errs.test') \gset
SELECT * FROM redeem_invite_token(:'once', :x3);
:sqlstate
-- CI007 vendor role rule: a link that would leave vendor and customer with different emails
SELECT customer_id AS y1 FROM resolve_customer_identity(tenant_id => 'errs', email => 'y1@errs.test',
    email_verified => true) \gset
SELECT upgrade_customer_to_vendor(:y1, 'Y Shop') AS yshop \gset
SELECT customer_id AS x4 FROM resolve_customer_identity(tenant_id => 'errs', email => 'x4@errs.test') \gset
SELECT unlink_vendor_from_customer(:yshop);
SELECT link_vendor_to_customer(:yshop, :x4);
:sqlstate
-- CI009 already linked (x2 is Errs Shop's)
SELECT link_vendor_to_customer(:yshop, :x2);
:sqlstate
-- CI010 archived
SELECT merge_customers(:x1, :x3);
SELECT * FROM redeem_invite_token(create_invite_token(:shop), :x3);
:sqlstate
-- CI011 unknown id
SELECT unmerge_customer(:x1 + 999999);
:sqlstate
-- CI008 another tenant's customer (on the same shard as errs; on another shard the id is
-- unknown there: CI011)
SELECT customer_id AS other FROM resolve_customer_identity(tenant_id => 'errs-twin', email => 'o@errs.test') \gset
SELECT shard_of_tenant('errs') = shard_of_tenant('errs-twin') AS same_shard;
SELECT link_vendor_to_customer(:yshop, :other);
:sqlstate
-- 22023 malformed input, 22004 NULL
SELECT * FROM resolve_customer_identity(tenant_id => 'errs', email => 'not an email');
:sqlstate
SELECT * FROM redeem_invite_token(:'once', NULL);
:sqlstate
-- 42501 administration is the owner's
SELECT set_tenant_isolation(true);
:sqlstate
SELECT * FROM check_integrity('errs');
:sqlstate
-- 54000 an erasure past its bound (a merge tree of 251 customers)
SELECT customer_id AS big FROM resolve_customer_identity(tenant_id => 'errs', user_id => 'big-root') \gset
SELECT count(merge_customers(:big, r.customer_id)) AS merged
  FROM generate_series(1, 250) AS i, LATERAL resolve_customer_identity(tenant_id => 'errs', user_id => 'big-' || i) r;
SELECT erase_customer(:big);
:sqlstate
-- 55000 a claim decided twice (the owner's review queue)
\c - postgres
SET search_path = customer_identity;
SET client_min_messages = warning;
SELECT set_trust_policy('verified', 'errs');
SELECT claim_id AS claim FROM resolve_customer_identity(tenant_id => 'errs', email => 'x4@errs.test',
    user_id => 'claimer') \gset
SELECT reject_claim(:claim);
SELECT reject_claim(:claim);
:sqlstate
-- What cannot arise through the proxy: 23505, 23503 and CI006 come from direct writes (on
-- the tenant's shard, as on one server); 42P01 and 42809 from import_customers' regclass
-- (not proxied: import_customer_rows instead); 40001 needs REPEATABLE READ, and a proxied
-- call runs in its own READ COMMITTED transaction; 55P03 and 40P01 need a session's
-- lock_timeout or a bulk transaction, which a proxied call does not carry.  A shard raises
-- them as on one server.
