-- The four reports' stories through the proxy, as the application role, in two tenants
-- that live on different shards: the same calls as on one server.
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
\c - ci_app
SET search_path = customer_identity;
SELECT t AS tenant, shard_of_tenant(t) AS shard FROM (VALUES ('acme'), ('globex')) AS v(t);

-- 002: a signed-in user and their checkouts are one customer
-- (the signed-in app verified her email: under the `verified` policy an unverified one
-- proves nothing)
SELECT customer_id AS ann, created FROM resolve_customer_identity(tenant_id => 'acme', user_id => 'ann-login',
    email => 'ann@acme.test', name => 'Ann', email_verified => true) \gset
SELECT customer_id = :ann AS same_customer, method, created FROM resolve_customer_identity(tenant_id => 'acme',
    email => 'ANN@acme.test', external_customer_id => 'cus_ann', email_verified => true);
SELECT customer_id = :ann AS same_customer, method FROM resolve_customer_identity(tenant_id => 'acme',
    external_customer_id => 'cus_ann');
-- the same identifiers in the other tenant are another customer, on the other shard
SELECT customer_id AS gus, created FROM resolve_customer_identity(tenant_id => 'globex', user_id => 'ann-login',
    email => 'ann@acme.test') \gset
SELECT :gus <> :ann AS other_customer, id_bucket(:ann) = tenant_bucket('acme') AS ann_bucket,
       id_bucket(:gus) = tenant_bucket('globex') AS gus_bucket;

-- 000: a seller who also buys is one customer, linked to their vendor
SELECT upgrade_customer_to_vendor(:ann, 'Ann''s Antiques') AS ann_shop \gset
SELECT vendor_for_customer(:ann) = :ann_shop AS linked;
SELECT customer_id = :ann AS same_customer, vendor_id = :ann_shop AS her_shop, method
  FROM resolve_customer_identity(tenant_id => 'acme', email => 'ann@acme.test');

-- 001: customers who register through a vendor's invite link join its clientele
SELECT create_invite_token(:ann_shop, max_uses => 2) AS token \gset
SELECT token_bucket(:'token') = tenant_bucket('acme') AS token_says_acme;
SELECT customer_id AS bob FROM resolve_customer_identity(tenant_id => 'acme', email => 'bob@acme.test') \gset
SELECT customer_id AS cat FROM resolve_customer_identity(tenant_id => 'acme', email => 'cat@acme.test') \gset
SELECT created FROM redeem_invite_token(:'token', :bob);
SELECT created FROM redeem_invite_token(:'token', :cat);
SELECT count(*) AS pending FROM pending_invites(:ann_shop);
-- ... and registration itself, as a function (an INSERT cannot go through a proxy)
SELECT create_invite_token(:ann_shop) AS token2 \gset
SELECT register_customer('acme', email => 'dan@acme.test', name => 'Dan', invite_token => :'token2') AS dan \gset
SELECT customer_id = :dan AS registered, method FROM resolve_customer_identity(tenant_id => 'acme', email => 'dan@acme.test');

-- 003: duplicates merge into one customer, and unmerge exactly
SELECT customer_id AS dup FROM resolve_customer_identity(tenant_id => 'acme', phone => '+44 20 7946 0999',
    name => 'Bob (phone order)') \gset
SELECT merge_customers(:bob, :dup);
SELECT customer_id = :bob AS canonical, method FROM resolve_customer_identity(tenant_id => 'acme',
    phone => '+44 20 7946 0999');
SELECT unmerge_customer(:dup);
SELECT customer_id = :dup AS back, method FROM resolve_customer_identity(tenant_id => 'acme',
    phone => '+44 20 7946 0999');

-- tenant-wide calls go to the tenant's shard; a NULL tenant where the API means every
-- tenant goes to every shard
SELECT trust_policy('acme') AS acme_policy, trust_policy('globex') AS globex_policy;
\c - postgres
SET search_path = customer_identity;
SELECT count(*) AS violations FROM check_integrity('acme');
SELECT count(*) AS violations FROM check_integrity();
SELECT action, count(*) FROM reconcile('acme') GROUP BY action ORDER BY action;
-- an import, as rows (a regclass names a table of the proxy's database, not the shard's)
SELECT source_row, action FROM import_customer_rows('[{"email": "ann@acme.test", "phone": "+44 20 7946 0111"},
    {"email": "eve@acme.test"}]', 'acme', dry_run => false) ORDER BY source_row;

-- where the rows are: each tenant's on the shard the directory names, nowhere else
\c :shard0
SELECT tenant_id, count(*) AS customers FROM customer_identity.customer GROUP BY tenant_id ORDER BY 1;
\c :shard1
SELECT tenant_id, count(*) AS customers FROM customer_identity.customer GROUP BY tenant_id ORDER BY 1;
