-- Issue 29: ids a JavaScript client can hold.  Every id the API hands out through the proxy
-- is below 2^53 (a float8, like a JavaScript number, holds it exactly) and still says its
-- bucket and node; ids handed out by 0.8-0.9 shards (bucket << 48 | node << 40 | sequence,
-- made here on the tenants' shards as 0.9.0 wrote them) still route, before and after a
-- move of their bucket.
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SET search_path = customer_identity, public;
SET client_min_messages = warning;

-- as the application role: 300 tenants over every shard (290 of them in buckets 32-1023,
-- whose ids 0.9.0 put at or above 2^53), each with a customer, its vendor, an invite token,
-- a redemption and a claim
\c - ci_app
SET search_path = customer_identity;
CREATE TEMP TABLE js AS
SELECT t.tenant, r.customer_id, upgrade_customer_to_vendor(r.customer_id, 'Shop ' || t.tenant) AS vendor_id
  FROM (SELECT 'js-' || i AS tenant FROM generate_series(1, 300) AS i) t,
       LATERAL resolve_customer_identity(tenant_id => t.tenant, email => 'owner@' || t.tenant || '.test',
                                         email_verified => true) r;
ALTER TABLE js ADD COLUMN member_id bigint, ADD COLUMN claim_id bigint;
UPDATE js SET member_id = (SELECT r.customer_id FROM resolve_customer_identity(tenant_id => js.tenant,
                               email => 'member@' || js.tenant || '.test', email_verified => true) r);
SELECT count(*) FILTER (WHERE r.created) AS redeemed
  FROM js, LATERAL redeem_invite_token(create_invite_token(js.vendor_id), js.member_id) r;
-- (the verified policy: an unverified email pointing at the owner becomes a claim)
UPDATE js SET claim_id = (SELECT r.claim_id FROM resolve_customer_identity(tenant_id => js.tenant,
                              user_id => 'login-' || js.tenant, email => 'owner@' || js.tenant || '.test') r);
CREATE TEMP TABLE js_ids AS
SELECT tenant, kind, id FROM js,
       LATERAL (VALUES ('customer', customer_id), ('member', member_id), ('vendor', vendor_id), ('claim', claim_id)) AS v(kind, id);
SELECT kind, count(*) AS ids, count(DISTINCT id) AS distinct_ids,
       count(*) FILTER (WHERE tenant_bucket(tenant) >= 32) AS of_buckets_32_up,
       bool_and(id < (1::bigint << 53)) AS below_2_53,
       bool_and(id::float8::bigint = id) AS exact_as_float8,
       bool_and(id_bucket(id) = tenant_bucket(tenant)) AS carry_their_bucket,
       bool_and((id >> 40) & 255 = shard_of_tenant(tenant)) AS carry_their_node
  FROM js_ids GROUP BY kind ORDER BY kind;
SELECT count(DISTINCT shard_of_tenant(tenant)) AS shards_used FROM js;
-- each routes by itself: the vendor of each customer, and each vendor's invites
SELECT count(*) FILTER (WHERE vendor_for_customer(customer_id) = vendor_id) AS routed_by_customer_id,
       count(*) FILTER (WHERE (SELECT count(*) FROM pending_invites(vendor_id)) = 1) AS routed_by_vendor_id
  FROM js;

-- ids 0.9.0 handed out, as it wrote them on the tenant's shard (the sequence value taken
-- from the shard's sequence, as 0.9.0 took it): legacy-hi in bucket 793, at or above 2^53;
-- legacy-40 in bucket 2, below it (the same number in both layouts)
\c - postgres
SET search_path = customer_identity, public;
SET client_min_messages = warning;
CREATE TEMP TABLE legacy AS
SELECT t.tenant, shard_of_tenant(t.tenant) AS home,
       (tenant_bucket(t.tenant)::bigint << 48) | (shard_of_tenant(t.tenant)::bigint << 40) |
       x.sequence AS old_id
  FROM (VALUES ('legacy-hi'), ('legacy-40')) AS t(tenant),
       LATERAL dblink((SELECT conninfo FROM shard WHERE shard = shard_of_tenant(t.tenant)),
                      'SELECT nextval(pg_get_serial_sequence(''customer_identity.customer'', ''id''))') AS x(sequence bigint);
SELECT count(*) AS inserted FROM legacy l,
       LATERAL dblink_exec((SELECT conninfo FROM shard WHERE shard = l.home),
           format('INSERT INTO customer_identity.customer (id, tenant_id, email) OVERRIDING SYSTEM VALUE VALUES (%s, %L, %L)',
                  l.old_id, l.tenant, 'old@' || l.tenant || '.test'));
SELECT tenant, tenant_bucket(tenant) AS bucket, old_id >= (1::bigint << 53) AS above_2_53,
       id_bucket(old_id) = tenant_bucket(tenant) AS routes_to_its_bucket
  FROM legacy ORDER BY tenant;
SELECT tenant AS legacy_tenant, old_id AS legacy_id FROM legacy WHERE tenant = 'legacy-hi' \gset
SELECT old_id AS legacy_low_id FROM legacy WHERE tenant = 'legacy-40' \gset
-- the application finds them, and every call routed by them reaches their shard
\c - ci_app
SET search_path = customer_identity;
SELECT tenant, customer_id = l.old_id AS found, method
  FROM (VALUES ('legacy-hi', :legacy_id), ('legacy-40', :legacy_low_id)) AS l(tenant, old_id),
       LATERAL resolve_customer_identity(tenant_id => l.tenant, email => 'old@' || l.tenant || '.test') r
 ORDER BY tenant;
SELECT upgrade_customer_to_vendor(:legacy_id, 'Legacy Shop') AS legacy_shop \gset
SELECT upgrade_customer_to_vendor(:legacy_low_id, 'Low Shop') AS low_shop \gset
SELECT vendor_for_customer(:legacy_id) = :legacy_shop AS hi_linked, :legacy_shop < (1::bigint << 53) AS new_vendor_id_below_2_53,
       vendor_for_customer(:legacy_low_id) = :low_shop AS low_linked;
-- an id in the old layout that does not exist: routed to its bucket's shard, which knows no
-- such customer (NULL; CI011 where a customer is required)
SELECT vendor_for_customer(:legacy_id + 1);
\set VERBOSITY sqlstate
SELECT upgrade_customer_to_vendor(:legacy_id + 1, 'Nobody');
:sqlstate
\set VERBOSITY default

-- the bucket moves: the old id routes to the new shard
\c - postgres
SET search_path = customer_identity, public;
SET client_min_messages = warning;
SELECT (shard_of_tenant(:'legacy_tenant') + 1) % (SELECT count(*) FROM shard) AS to_shard \gset
CALL move_tenant(:'legacy_tenant', :to_shard);
SELECT shard_of_tenant(:'legacy_tenant') = :to_shard AS moved;
\c - ci_app
SET search_path = customer_identity;
SELECT vendor_for_customer(:legacy_id) = :legacy_shop AS still_linked;
SELECT customer_id = :legacy_id AS found_on_new_shard, vendor_id = :legacy_shop AS with_its_vendor
  FROM resolve_customer_identity(tenant_id => :'legacy_tenant', email => 'old@legacy-hi.test');
-- a new customer there: below 2^53, the bucket, the target's node
SELECT customer_id AS after_move FROM resolve_customer_identity(tenant_id => :'legacy_tenant', email => 'new@legacy-hi.test') \gset
SELECT :after_move < (1::bigint << 53) AS below_2_53, id_bucket(:after_move) = tenant_bucket(:'legacy_tenant') AS its_bucket,
       (:after_move >> 40) & 255 = :to_shard AS target_node;
\c - postgres
SET search_path = customer_identity;
SELECT count(*) AS violations FROM check_integrity();
