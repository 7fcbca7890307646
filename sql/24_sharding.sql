-- Sharded mode (enable_sharding): the ids a shard hands out and the invite tokens it issues
-- carry their tenant's bucket, so a proxy routes a call by tenant, id or token, and a
-- bucket can move to another shard with its ids.  A single-server install is unchanged.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT current_database() AS regress_db \gset

-- the keys: stable, and the same on every shard and proxy
SELECT tenant_bucket('acme') AS acme, tenant_bucket('globex') AS globex, tenant_bucket('') AS empty,
       id_bucket(12345) AS unsharded_id, token_bucket('not a token') AS not_a_token;

-- this database holds tenants already: it cannot become a shard (55000); a node out of
-- range is 22023; nothing changed
SELECT regress.save_state();
\set VERBOSITY sqlstate
SELECT enable_sharding(3);
:sqlstate
\set VERBOSITY default
SELECT enable_sharding(256);
:sqlstate
SELECT enable_sharding(NULL);
:sqlstate
SELECT regress.unchanged();
SELECT count(*) AS shard_rows FROM shard_node;

-- a new database becomes shard 3
CREATE DATABASE regress_ci_shard;
\c regress_ci_shard
SET client_min_messages = warning;
CREATE EXTENSION customer_identity;
RESET client_min_messages;
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT enable_sharding(3);
SELECT enable_sharding(3) AS same_node_again;
SELECT enable_sharding(4);
:sqlstate
SELECT node FROM shard_node;
-- a shard serves the buckets its proxy gives it (served_bucket): none yet, so a tenant's
-- write and call are refused (55000); then it serves acme's and globex's buckets, as
-- assign_buckets would give them
INSERT INTO customer (id, tenant_id, email) OVERRIDING SYSTEM VALUE VALUES (1, 'acme', 'early@acme.test');
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'acme', email => 'early@acme.test');
:sqlstate
INSERT INTO served_bucket (bucket) VALUES (tenant_bucket('acme')), (tenant_bucket('globex'));

-- every id carries the tenant's bucket and the node; resolve, direct writes, functions
SELECT customer_id AS c1 FROM resolve_customer_identity(tenant_id => 'acme', email => 'ann@acme.test') \gset
INSERT INTO customer (tenant_id, email) VALUES ('acme', 'bob@acme.test') RETURNING id AS c2 \gset
INSERT INTO vendor (tenant_id, name) VALUES ('acme', 'Acme Shop') RETURNING id AS v1 \gset
SELECT customer_id AS g1 FROM resolve_customer_identity(tenant_id => 'globex', email => 'gus@globex.test') \gset
SELECT create_invite_token(:v1) AS token \gset
SELECT id_bucket(:c1) = tenant_bucket('acme') AS c1_bucket, id_bucket(:c2) = tenant_bucket('acme') AS c2_bucket,
       id_bucket(:v1) = tenant_bucket('acme') AS v1_bucket, id_bucket(:g1) = tenant_bucket('globex') AS g1_bucket,
       (:c1 >> 40) & 255 AS c1_node, :c1 & ((1::bigint << 35) - 1) AS c1_sequence,
       token_bucket(:'token') = tenant_bucket('acme') AS token_bucket, length(:'token') AS token_length;
SELECT table_name, bool_and(id_bucket(id) = tenant_bucket(tenant_id)) AS every_id_carries_its_bucket,
       bool_and((id >> 40) & 255 = 3) AS every_id_of_node_3,
       bool_and(id < (1::bigint << 53)) AS every_id_below_2_53
  FROM (SELECT 'customer' AS table_name, id, tenant_id FROM customer
        UNION ALL SELECT 'vendor', id, tenant_id FROM vendor
        UNION ALL SELECT 'invite_token', id, tenant_id FROM invite_token
        UNION ALL SELECT 'identity_event', id, tenant_id FROM identity_event) t
 GROUP BY table_name ORDER BY table_name;
-- The layout (src/identifiers/shard_key.hpp): below 2^53, the bucket's low 5 bits at 48,
-- the node at 40, the bucket's high 5 bits at 35, the sequence value below.  acme's bucket
-- 396 = 12 << 5 | 12; its first customer on node 3 is sequence value 1:
SELECT :c1 AS c1, :c1 = (12::bigint << 48) | (3::bigint << 40) | (12::bigint << 35) | 1 AS c1_as_drawn,
       ((:c1 >> 48) & 31) | (((:c1 >> 35) & 31) << 5) AS c1_bucket_by_operators;
-- ... and every id a JavaScript number holds exactly: 2^53 - 1 is the largest id there can be
-- (bucket 1023, node 255, the last sequence value)
SELECT (31::bigint << 48) | (255::bigint << 40) | (31::bigint << 35) | ((1::bigint << 35) - 1) = (1::bigint << 53) - 1 AS largest,
       id_bucket(((31::bigint << 48) | (255::bigint << 40) | (31::bigint << 35) | ((1::bigint << 35) - 1))) AS its_bucket;
-- Ids handed out by 0.8.0-0.9.0 shards (bucket << 48 | node << 40 | sequence) keep their
-- bucket: at or above 2^53 (buckets 32-1023) read as before, below it (buckets 0-31)
-- they are the same number as the new id of the same bucket, node and sequence value.
SELECT b AS bucket, id_bucket((b::bigint << 48) | (7::bigint << 40) | 123456) AS old_id_bucket,
       ((b::bigint << 48) | (7::bigint << 40) | 123456) >= (1::bigint << 53) AS old_id_above_2_53
  FROM unnest(ARRAY[0, 1, 31, 32, 396, 889, 1023]) AS b ORDER BY b;
-- The five id sequences stop at 2^35 - 1 on a shard: NO CYCLE, never wrapping
SELECT sequencename, max_value, cycle FROM pg_sequences
 WHERE schemaname = 'customer_identity' AND sequencename LIKE '%id_seq' ORDER BY 1;
-- the reports' flows work as on one server
SELECT created FROM redeem_invite_token(:'token', :c2);
SELECT upgrade_customer_to_vendor(:c1, 'Ann''s') AS ann_shop \gset
SELECT vendor_for_customer(:c1) = :ann_shop AS linked, id_bucket(:ann_shop) = tenant_bucket('acme') AS shop_bucket;
SELECT count(*) AS violations FROM check_integrity();
-- rows of a bucket the shard does not serve (written before it refused them, or left
-- behind) are reported, tenant by tenant and table by table
BEGIN;
DELETE FROM served_bucket WHERE bucket = tenant_bucket('acme');
SELECT invariant, tenant_id, subject, detail = 'bucket ' || tenant_bucket('acme') ||
       ' is not in served_bucket: move the rows to the shard that serves it, or delete them' AS names_bucket
  FROM check_integrity() ORDER BY subject;
ROLLBACK;
SELECT count(*) AS violations FROM check_integrity();

-- a row keeps its bucket: another tenant of another bucket is 22023, nothing changed
-- (acme and globex are in different buckets: see the first query)
CREATE TABLE pg_temp.before AS SELECT id, tenant_id FROM customer UNION ALL SELECT id, tenant_id FROM vendor;
UPDATE customer SET tenant_id = 'globex' WHERE id = :c2;
:sqlstate
UPDATE vendor SET tenant_id = 'globex' WHERE id = :v1;
:sqlstate
-- an explicit id of another tenant's bucket is 22023; an id without a bucket gets one
INSERT INTO customer (id, tenant_id, email) OVERRIDING SYSTEM VALUE VALUES (:g1 + 1000, 'acme', 'x@acme.test');
:sqlstate
SELECT count(*) AS changed FROM (SELECT id, tenant_id FROM customer UNION ALL SELECT id, tenant_id FROM vendor
                                 EXCEPT SELECT * FROM pg_temp.before) d;
INSERT INTO customer (id, tenant_id, email) OVERRIDING SYSTEM VALUE VALUES (77, 'acme', 'seventy@acme.test')
RETURNING id_bucket(id) = tenant_bucket('acme') AS bucket_ok, id & ((1::bigint << 35) - 1) AS sequence_part;

-- a bucket this shard moved away (move_bucket marks it): its tenants' customer and vendor
-- writes are refused here (55000), nothing changed; other tenants' go on; marked back, it
-- serves them again
INSERT INTO moved_bucket (bucket) VALUES (tenant_bucket('acme'));
CREATE TABLE pg_temp.before_fence AS SELECT id, name FROM customer UNION ALL SELECT id, name FROM vendor;
INSERT INTO customer (tenant_id, email) VALUES ('acme', 'late@acme.test');
:sqlstate
UPDATE vendor SET name = 'Renamed' WHERE id = :v1;
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'acme', email => 'later@acme.test');
:sqlstate
SELECT count(*) AS changed FROM (SELECT id, name FROM customer UNION ALL SELECT id, name FROM vendor
                                 EXCEPT SELECT * FROM pg_temp.before_fence) d;
SELECT created FROM resolve_customer_identity(tenant_id => 'globex', email => 'still@globex.test');
DELETE FROM moved_bucket;
SELECT created FROM resolve_customer_identity(tenant_id => 'acme', email => 'back@acme.test', email_verified => true);

-- the function forms a proxy can route: registration (invite included) and import by rows
SELECT create_invite_token(:v1) AS token2 \gset
SELECT register_customer('acme', email => 'reg@acme.test', name => 'Reg', invite_token => :'token2') AS reg \gset
SELECT id_bucket(:reg) = tenant_bucket('acme') AS reg_bucket, metadata, email_verified_at IS NULL AS unverified
  FROM customer WHERE id = :reg;
SELECT count(*) AS enrolled FROM vendor_customer WHERE vendor_id = :v1 AND customer_id = :reg;
CREATE TABLE pg_temp.before_forms AS SELECT id, email FROM customer UNION ALL SELECT customer_id, 'link' FROM vendor_customer;
SELECT register_customer('acme', email => 'not an email');
:sqlstate
SELECT source_row, action, reason FROM import_customer_rows(
    '[{"email": "reg@acme.test", "name": "Reg Again"}, {"email": "imp@acme.test"}, {"name": "no identifier"}]', 'acme')
 ORDER BY source_row;
SELECT import_customer_rows('{"email": "x"}', 'acme');
:sqlstate
SELECT import_customer_rows(NULL, 'acme');
:sqlstate
-- (the failed registration and imports changed nothing; the dry run above writes nothing)
SELECT count(*) AS changed FROM ((SELECT id, email FROM customer UNION ALL SELECT customer_id, 'link' FROM vendor_customer
                                  EXCEPT SELECT * FROM pg_temp.before_forms)
                                 UNION ALL (SELECT * FROM pg_temp.before_forms
                                  EXCEPT (SELECT id, email FROM customer UNION ALL SELECT customer_id, 'link' FROM vendor_customer))) d;

-- At the limit: 34,359,738,367 ids per table and node.  The last sequence value makes the
-- last id; the next insert is 2200H (PostgreSQL's "reached maximum value of sequence"),
-- whichever path inserts, and nothing changes -- never an id of another layout, bucket or
-- node, never a wrap-around.  Other tables go on.
SELECT setval(pg_get_serial_sequence('customer_identity.customer', 'id'), (1::bigint << 35) - 2);
INSERT INTO customer (tenant_id, email) VALUES ('globex', 'last@globex.test') RETURNING id AS last_id \gset
SELECT :last_id < (1::bigint << 53) AS below_2_53, id_bucket(:last_id) = tenant_bucket('globex') AS last_bucket,
       (:last_id >> 40) & 255 AS last_node, :last_id & ((1::bigint << 35) - 1) AS last_sequence;
CREATE TABLE pg_temp.before_limit AS SELECT id, email FROM customer;
\set VERBOSITY default
INSERT INTO customer (tenant_id, email) VALUES ('globex', 'one.more@globex.test');
:sqlstate
\set VERBOSITY sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'acme', email => 'one.more@acme.test', email_verified => true);
:sqlstate
SELECT register_customer('acme', email => 'reg.more@acme.test');
:sqlstate
\set VERBOSITY default
SELECT count(*) AS changed FROM ((SELECT id, email FROM customer EXCEPT SELECT * FROM pg_temp.before_limit)
                                 UNION ALL (SELECT * FROM pg_temp.before_limit EXCEPT SELECT id, email FROM customer)) d;
SELECT nextval(pg_get_serial_sequence('customer_identity.customer', 'id'));
:sqlstate
SELECT setval(pg_get_serial_sequence('customer_identity.customer', 'id'), 1::bigint << 35);
:sqlstate
INSERT INTO vendor (tenant_id, name) VALUES ('globex', 'Still Open') RETURNING id_bucket(id) = tenant_bucket('globex') AS vendor_bucket;
-- enable_sharding again with the same node (what a restore needs) limits the sequences
-- again and creates a missing id trigger; it changes nothing else
ALTER TABLE customer ALTER COLUMN id SET MAXVALUE 9223372036854775807;
DROP TRIGGER shard_row_id ON identity_event;
SELECT enable_sharding(3);
SELECT max_value FROM pg_sequences WHERE schemaname = 'customer_identity' AND sequencename = 'customer_id_seq';
SELECT tgrelid::regclass::text AS id_trigger_on FROM pg_trigger WHERE tgname = 'shard_row_id' ORDER BY 1;
SELECT count(*) AS changed FROM ((SELECT id, email FROM customer EXCEPT SELECT * FROM pg_temp.before_limit)
                                 UNION ALL (SELECT * FROM pg_temp.before_limit EXCEPT SELECT id, email FROM customer)) d;

\c :regress_db
DROP DATABASE regress_ci_shard;
