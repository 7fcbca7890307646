-- Issue 29: online moves.  A move copies the bucket with logical replication while it stays
-- writable and switches under the bucket's write lock on the source: a direct write of the
-- tenant still in flight when the move switches is waited for and moves with the bucket;
-- the application cannot take that lock; what an abandoned earlier move of the bucket left
-- on the shards (a publication, a replication slot) is dropped; the tenant tables' replica
-- identities hold tenant_id (the publication's row filter needs it); a table left to the
-- switch (few rows of the bucket) that grows during the move is published before the
-- switch.  (Under load and killed at each step: move_under_load.sh.)
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SET search_path = customer_identity, public;
SET client_min_messages = warning;
SELECT tenant_bucket('online') AS bucket, shard_of_tenant('online') AS home,
       (shard_of_tenant('online') + 1) % (SELECT count(*) FROM shard) AS away \gset
SELECT conninfo AS home_conninfo FROM shard WHERE shard = :home \gset
SELECT conninfo AS away_conninfo FROM shard WHERE shard = :away \gset

-- the replica identities of the tables a move publishes (the same extension on every shard)
SELECT x.tbl, x.identity FROM dblink(:'home_conninfo', $q$
    SELECT c.relname::text, CASE c.relreplident WHEN 'f' THEN 'whole row' WHEN 'd' THEN 'primary key ' || pg_get_indexdef(i.indexrelid, 0, false)
                                                WHEN 'i' THEN 'index ' || pg_get_indexdef(i.indexrelid, 0, false) END
      FROM pg_class c LEFT JOIN pg_index i ON i.indrelid = c.oid AND ((c.relreplident = 'i' AND i.indisreplident) OR (c.relreplident = 'd' AND i.indisprimary))
     WHERE c.relnamespace = 'customer_identity'::regnamespace
       AND c.relname IN ('customer', 'vendor', 'invite_token', 'vendor_customer', 'identity_claim', 'identity_event')
     ORDER BY 1 $q$) AS x(tbl text, identity text);

-- the application cannot take a bucket's write lock on a shard, shared or exclusive
\set VERBOSITY sqlstate
SELECT * FROM dblink(:'home_conninfo' || ' user=ci_app password=' || :'app_password', format('SELECT customer_identity.bucket_write_lock(%s, true, false)', :bucket)) AS x(b boolean);
:sqlstate
SELECT * FROM dblink(:'home_conninfo' || ' user=ci_app password=' || :'app_password', format('SELECT customer_identity.bucket_write_lock(%s, false, false)', :bucket)) AS x(b boolean);
:sqlstate
\set VERBOSITY default

SELECT count(*) AS customers FROM generate_series(1, 20) AS i,
       resolve_customer_identity(tenant_id => 'online', email => 'c' || i || '@online.test', email_verified => true) r;

-- what an abandoned earlier move of the bucket left on its shard: a publication and a slot
SELECT dblink_exec(:'home_conninfo', format('CREATE PUBLICATION ci_move_%s_0000000000000000 FOR TABLE customer_identity.customer', :bucket));
SELECT count(*) AS slots_made FROM dblink(:'home_conninfo', format(
    'SELECT slot_name::text FROM pg_create_logical_replication_slot(''ci_move_%s_0000000000000000'', ''pgoutput'')', :bucket)) AS x(slot text);

-- the application writes the tenant directly on its shard, in a transaction that is still
-- open when the move wants to switch: the move waits 3 s once copied (the test's pause);
-- 2 s after the move starts the application writes, 2 s later it commits (it holds the
-- bucket's write lock meanwhile)
SELECT dblink_connect('writer', :'home_conninfo' || ' user=ci_app password=' || :'app_password');
SELECT dblink_exec('writer', 'SET customer_identity.tenant = ''online''');
SELECT dblink_send_query('writer', 'DO $w$ BEGIN PERFORM pg_sleep(2);'
                                   ' INSERT INTO customer_identity.customer (tenant_id, email) VALUES (''online'', ''inflight@online.test'');'
                                   ' PERFORM pg_sleep(2); END $w$');
-- the move waits for it (calls of the bucket go on meanwhile), then switches, its row included
SET customer_identity_proxy.move_pause_at = 'copied';
SET customer_identity_proxy.move_pause_seconds = 3;
CALL move_tenant('online', :away);
RESET customer_identity_proxy.move_pause_at;
RESET customer_identity_proxy.move_pause_seconds;
SELECT * FROM dblink_get_result('writer') AS x(done text);
SELECT * FROM dblink_get_result('writer') AS x(done text);
SELECT dblink_disconnect('writer');
SELECT shard_of_tenant('online') = :away AS moved, (SELECT count(*) FROM bucket_move) AS moves_left;
SELECT method, created FROM resolve_customer_identity(tenant_id => 'online', email => 'inflight@online.test', create_missing => false);
SELECT x.n AS customers_on_the_target FROM dblink(:'away_conninfo',
    'SELECT count(*) FROM customer_identity.customer WHERE tenant_id = ''online''') AS x(n bigint);
-- nothing of the move is left on either shard, nor the abandoned move's publication and slot
SELECT s.shard, x.publications, x.subscriptions, x.slots FROM shard s, LATERAL dblink(s.conninfo,
    'SELECT (SELECT count(*) FROM pg_publication WHERE pubname LIKE ''ci_move%''), (SELECT count(*) FROM pg_subscription WHERE subname LIKE ''ci_move%''),
            (SELECT count(*) FROM pg_replication_slots)') AS x(publications bigint, subscriptions bigint, slots bigint)
 WHERE s.shard IN (:home, :away) ORDER BY s.shard = :away;
SELECT count(*) AS violations FROM check_integrity();

-- A table the move leaves to its switch (it held at most 100 rows of the bucket when the move
-- started: customer_identity_proxy's move_switch_copy_rows) and that grows past 200 rows
-- before the switch is published then and copied by replication, not by the switch (which
-- holds the bucket's calls while it copies): 1,500 vendors written while the move waits
-- once copied.
SELECT tenant_bucket('grower') AS gbucket, shard_of_tenant('grower') AS ghome,
       (shard_of_tenant('grower') + 1) % (SELECT count(*) FROM shard) AS gaway \gset
SELECT conninfo AS ghome_conninfo FROM shard WHERE shard = :ghome \gset
SELECT conninfo AS gaway_conninfo FROM shard WHERE shard = :gaway \gset
SELECT count(*) AS customers FROM generate_series(1, 5) AS i,
       resolve_customer_identity(tenant_id => 'grower', email => 'c' || i || '@grower.test', email_verified => true) r;
SELECT dblink_connect('writer', :'ghome_conninfo' || ' user=ci_app password=' || :'app_password');
SELECT dblink_exec('writer', 'SET customer_identity.tenant = ''grower''');
SELECT dblink_send_query('writer', 'DO $w$ BEGIN PERFORM pg_sleep(1);'
                                   ' INSERT INTO customer_identity.vendor (tenant_id, name) SELECT ''grower'', ''v'' || i FROM generate_series(1, 1500) AS i;'
                                   ' END $w$');
SET customer_identity_proxy.move_pause_at = 'copied';
SET customer_identity_proxy.move_pause_seconds = 3;
SET client_min_messages = notice;
CALL move_tenant('grower', :gaway);
SET client_min_messages = warning;
RESET customer_identity_proxy.move_pause_at;
RESET customer_identity_proxy.move_pause_seconds;
SELECT * FROM dblink_get_result('writer') AS x(done text);
SELECT * FROM dblink_get_result('writer') AS x(done text);
SELECT dblink_disconnect('writer');
SELECT shard_of_tenant('grower') = :gaway AS moved, (SELECT count(*) FROM bucket_move) AS moves_left;
SELECT x.n AS vendors_on_the_target FROM dblink(:'gaway_conninfo',
    'SELECT count(*) FROM customer_identity.vendor WHERE tenant_id = ''grower''') AS x(n bigint);
SELECT x.n AS vendors_left_on_the_source FROM dblink(:'ghome_conninfo',
    'SELECT count(*) FROM customer_identity.vendor WHERE tenant_id = ''grower''') AS x(n bigint);
SELECT s.shard, x.publications, x.subscriptions, x.slots FROM shard s, LATERAL dblink(s.conninfo,
    'SELECT (SELECT count(*) FROM pg_publication WHERE pubname LIKE ''ci_move%''), (SELECT count(*) FROM pg_subscription WHERE subname LIKE ''ci_move%''),
            (SELECT count(*) FROM pg_replication_slots)') AS x(publications bigint, subscriptions bigint, slots bigint)
 WHERE s.shard IN (:ghome, :gaway) ORDER BY s.shard = :gaway;
SELECT count(*) AS violations FROM check_integrity();

-- A move's first copy (move_copy_rows: the slot made with an exported snapshot, the rows
-- streamed from COPY to COPY, the subscription created in the target's transaction of the
-- rows): refused to the application (42501); a slot name it would not make (22023), selects
-- and inserts not in pairs (22023), NULL (22004); a copy that fails on the source (22012) or
-- on the target (42703, a column the target lacks), or a subscription the target refuses
-- (42601), raises that side's error, and leaves neither rows nor a subscription on the
-- target nor the slot on the source.
\set VERBOSITY sqlstate
\c - ci_app
SELECT customer_identity.move_copy_rows('', '', 'ci_move_test', '{}', '{}', '');
:sqlstate
\c - postgres
SET search_path = customer_identity, public;
SET client_min_messages = warning;
SELECT conninfo AS home_conninfo FROM shard WHERE shard = shard_of_tenant('online') \gset
SELECT conninfo AS away_conninfo FROM shard WHERE shard = (shard_of_tenant('online') + 1) % (SELECT count(*) FROM shard) \gset
SELECT move_copy_rows(:'home_conninfo', :'away_conninfo', 'ci move test', '{}', '{}', 'SELECT 1');
:sqlstate
SELECT move_copy_rows(:'home_conninfo', :'away_conninfo', 'ci_move_test', '{a}', '{}', 'SELECT 1');
:sqlstate
SELECT move_copy_rows(:'home_conninfo', :'away_conninfo', NULL, '{}', '{}', 'SELECT 1');
:sqlstate
SELECT x.n AS online_customers_on_the_source FROM dblink(:'home_conninfo',
    'SELECT count(*) FROM customer_identity.customer WHERE tenant_id = ''online''') AS x(n bigint);
SELECT x.n AS online_customers_on_the_target_before FROM dblink(:'away_conninfo',
    'SELECT count(*) FROM customer_identity.customer WHERE tenant_id = ''online''') AS x(n bigint);
SELECT move_copy_rows(:'home_conninfo', :'away_conninfo', 'ci_move_test',
    ARRAY['COPY (SELECT * FROM customer_identity.customer WHERE tenant_id = ''online'') TO STDOUT',
          'COPY (SELECT 1 / 0) TO STDOUT'],
    ARRAY['COPY customer_identity.customer FROM STDIN', 'COPY customer_identity.customer (id) FROM STDIN'],
    'SELECT 1');
:sqlstate
SELECT move_copy_rows(:'home_conninfo', :'away_conninfo', 'ci_move_test',
    ARRAY['COPY (SELECT * FROM customer_identity.customer WHERE tenant_id = ''online'') TO STDOUT'],
    ARRAY['COPY customer_identity.customer (id, no_such_column) FROM STDIN'], 'SELECT 1');
:sqlstate
SELECT move_copy_rows(:'home_conninfo', :'away_conninfo', 'ci_move_test',
    ARRAY['COPY (SELECT * FROM customer_identity.customer WHERE tenant_id = ''online'') TO STDOUT'],
    ARRAY['COPY customer_identity.customer FROM STDIN'], 'CREATE SUBSCRIPTION');
:sqlstate
\set VERBOSITY default
SELECT x.n AS online_customers_on_the_target_after FROM dblink(:'away_conninfo',
    'SELECT count(*) FROM customer_identity.customer WHERE tenant_id = ''online''') AS x(n bigint);
SELECT x.n AS subscriptions_on_the_target FROM dblink(:'away_conninfo', 'SELECT count(*) FROM pg_subscription') AS x(n bigint);
SELECT x.n AS test_slots_on_the_source FROM dblink(:'home_conninfo',
    'SELECT count(*) FROM pg_replication_slots WHERE slot_name = ''ci_move_test''') AS x(n bigint);
