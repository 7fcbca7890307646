-- Moving a tenant's bucket to another shard: nothing lost, calls find the same customers,
-- check_integrity holds on both shards; a move killed half-way is finished by running it
-- again, from each state it can leave.
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SET search_path = customer_identity, public;  -- (dblink, which the proxy extension needs, is in public)
SET client_min_messages = warning;
-- a tenant with customers, a vendor, clientele, an invite, a claim, a merge, its policy
SELECT shard_of_tenant('movable') AS from_shard, 1 - shard_of_tenant('movable') AS to_shard \gset
SELECT conninfo AS source_conninfo FROM shard WHERE shard = :from_shard \gset
SELECT conninfo AS target_conninfo FROM shard WHERE shard = :to_shard \gset
SELECT set_trust_policy('verified', 'movable');
CREATE TEMP TABLE people AS
SELECT i, (resolve_customer_identity(tenant_id => 'movable', email => 'p' || i || '@movable.test',
           email_verified => true, user_id => 'login-' || i)).customer_id
  FROM generate_series(1, 50) AS i;
SELECT upgrade_customer_to_vendor(customer_id, 'Movable Shop') AS shop FROM people WHERE i = 1 \gset
SELECT create_invite_token(:shop) AS token \gset
SELECT count(*) AS redeemed FROM people p, LATERAL redeem_invite_token(:'token', p.customer_id) r WHERE p.i BETWEEN 2 AND 10;
SELECT merge_customers((SELECT customer_id FROM people WHERE i = 11), (SELECT customer_id FROM people WHERE i = 12));
SELECT method FROM resolve_customer_identity(tenant_id => 'movable', email => 'p13@movable.test', external_customer_id => 'cus_claim');
-- its duplicate rules and decisions (issue 30's tables): a survivorship rule, a threshold,
-- a pair its reviewers said are two people, blocking keys and the high-water mark of a run
-- (written on the source as the owner, as suggest_duplicates and reject_claim write them)
SELECT set_survivorship('name', 'longest', 'movable');
SELECT set_duplicate_threshold(0.8, 'movable');
SELECT dblink_exec(:'source_conninfo', format(
    'INSERT INTO customer_identity.distinct_person (tenant_id, customer_id, other_id) VALUES (''movable'', %s, %s);'
    ' INSERT INTO customer_identity.duplicate_key (tenant_id, key, customer_id) SELECT ''movable'', 7, unnest(%L::bigint[]);'
    ' INSERT INTO customer_identity.duplicate_run (tenant_id, high_water, full_run, written, suggested) VALUES (''movable'', now(), true, 50, 0)',
    (SELECT min(customer_id) FROM people WHERE i IN (14, 15)), (SELECT max(customer_id) FROM people WHERE i IN (14, 15)),
    (SELECT array_agg(customer_id) FROM people WHERE i BETWEEN 14 AND 20)));

-- rows per table of the bucket, on each shard
CREATE FUNCTION pg_temp.bucket_rows(shard_conninfo text, bucket integer) RETURNS TABLE (tbl text, n bigint)
LANGUAGE sql AS $$
    SELECT t.name, x.n FROM customer_identity.tenant_tables() t,
           LATERAL dblink(shard_conninfo, format('SELECT count(*) FROM customer_identity.%I WHERE customer_identity.tenant_bucket(tenant_id) = %s', t.name, bucket)) AS x(n bigint)
$$;
CREATE TEMP TABLE before AS SELECT * FROM pg_temp.bucket_rows(:'source_conninfo', tenant_bucket('movable'));
SELECT tbl, n FROM before ORDER BY tbl;
-- what a finished move shows: the directory, no move left, every table's rows on the
-- target and none on the source, check_integrity on both shards
\set after_move 'SELECT shard_of_tenant(''movable'') = :to_shard AS moved, (SELECT count(*) FROM bucket_move) AS moves_left; SELECT b.tbl, b.n = a.n AS all_on_target, s.n AS left_on_source FROM before b JOIN pg_temp.bucket_rows(:''target_conninfo'', tenant_bucket(''movable'')) a USING (tbl) JOIN pg_temp.bucket_rows(:''source_conninfo'', tenant_bucket(''movable'')) s USING (tbl) ORDER BY 1; SELECT count(*) AS violations FROM check_integrity();'

CALL move_tenant('movable', :to_shard);
-- every row on the target, none left on the source
:after_move
-- the same customers through the proxy (found, not created), the invite still counts, the policy came along
SELECT count(*) FILTER (WHERE r.customer_id = p.customer_id AND NOT r.created) AS found_again
  FROM people p, LATERAL resolve_customer_identity(tenant_id => 'movable', user_id => 'login-' || p.i) r
 WHERE p.i <> 12;
SELECT count(*) AS pending_invites FROM pending_invites(:shop);
SELECT trust_policy('movable') AS policy;
SELECT survivorship('movable') AS survivorship, duplicate_threshold('movable') AS threshold;
-- the source refuses the moved tenant's writes (a direct writer still connected there
-- learns it instead of writing where nobody reads)
\set VERBOSITY sqlstate
SELECT dblink_exec(:'source_conninfo', 'INSERT INTO customer_identity.customer (tenant_id, email) VALUES (''movable'', ''late@movable.test'')');
:sqlstate
\set VERBOSITY default
SELECT bucket = tenant_bucket('movable') AS fenced FROM dblink(:'source_conninfo', 'SELECT bucket FROM customer_identity.moved_bucket') AS x(bucket integer);
-- moving it where it is changes nothing
CALL move_tenant('movable', :to_shard);

-- Killed after the target committed its copy, before the directory changed: the rerun
-- copies again (the target's copy replaced) and finishes
CALL move_tenant('movable', :from_shard);  -- back, whole
INSERT INTO bucket_move (bucket, from_shard, to_shard, phase) VALUES (tenant_bucket('movable'), :from_shard, :to_shard, 'copying')
RETURNING move_id \gset
-- (what that run committed on the target: its rows, under its mark)
SELECT dblink_exec(:'target_conninfo', format(
    'SET session_replication_role = replica; INSERT INTO customer_identity.served_bucket (bucket, move_id) VALUES (%s, %L);'
    ' INSERT INTO customer_identity.customer (tenant_id, email) VALUES (%L, %L)',
    tenant_bucket('movable'), :'move_id', 'movable', 'half-copied@movable.test'));
CALL move_tenant('movable', :to_shard);
:after_move
-- back and forth: the shard it came back to serves it again
SELECT created FROM resolve_customer_identity(tenant_id => 'movable', email => 'after@movable.test', email_verified => true);
-- (A move killed at any moment, under load, is in run.sh: killed, run again, compared.)
