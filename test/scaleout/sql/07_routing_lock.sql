-- Issue 29: the routing lock is out of the application's reach.  The application role, in
-- a session of its own, takes every lock it can name on the bucket of another tenant
-- (globex): the advisory key 0.1.0 routed under, in each mode, and the directory's rows and
-- tables (refused).  globex's calls still route, within a 1 s lock_timeout (under 0.1.0
-- they waited for the application: 55P03), and a move of globex's bucket finishes.
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
\set VERBOSITY sqlstate
SET search_path = customer_identity, public;
SET client_min_messages = warning;
SELECT tenant_bucket('globex') AS globex_bucket, (shard_of_tenant('globex') + 1) % (SELECT count(*) FROM shard) AS to_shard \gset
-- the application's session (opened by dblink as the superuser: no password needed)
SELECT dblink_connect('app', :'proxy' || ' user=ci_app');
SELECT * FROM dblink('app', 'SELECT current_user::text') AS x(app text);
-- what it cannot lock: the routing lock itself, the directory's rows and tables (42501;
-- LOCK TABLE in the implicit transaction of a two-statement query, the weakest mode)
SELECT * FROM dblink('app', format('SELECT customer_identity.routing_lock(%s, true, true)', :globex_bucket)) AS x(b boolean);
:sqlstate
SELECT * FROM dblink('app', format('SELECT shard FROM customer_identity.bucket_directory WHERE bucket = %s FOR SHARE', :globex_bucket)) AS x(s integer);
:sqlstate
SELECT * FROM dblink('app', format('SELECT shard FROM customer_identity.bucket_directory WHERE bucket = %s FOR KEY SHARE', :globex_bucket)) AS x(s integer);
:sqlstate
SELECT dblink_exec('app', 'LOCK TABLE customer_identity.bucket_directory IN ACCESS SHARE MODE; SELECT 1');
:sqlstate
SELECT dblink_exec('app', 'LOCK TABLE customer_identity.shard IN ACCESS SHARE MODE; SELECT 1');
:sqlstate
SELECT dblink_exec('app', 'LOCK TABLE customer_identity.bucket_move IN ACCESS SHARE MODE; SELECT 1');
:sqlstate
-- what it can: the old key, exclusively and shared, as two int4 keys and as one int8 key,
-- for the session (held until the end of this file)
SELECT * FROM dblink('app', format('SELECT pg_advisory_lock(1129530448, %1$s)::text, pg_advisory_lock_shared(1129530448, %1$s)::text,'
                                   ' pg_advisory_lock((1129530448::bigint << 32) | %1$s)::text', :globex_bucket)) AS x(a text, b text, c text);
SELECT count(*) AS app_advisory_locks FROM pg_locks l JOIN pg_stat_activity a USING (pid)
 WHERE a.usename = 'ci_app' AND l.locktype = 'advisory' AND l.granted;
-- globex's calls route and return
SET ROLE ci_app;
SET lock_timeout = '1s';
SELECT created FROM resolve_customer_identity(tenant_id => 'globex', email => 'routed@globex.test', email_verified => true);
SELECT customer_id IS NOT NULL AS found FROM resolve_customer_identity(tenant_id => 'globex', email => 'routed@globex.test');
RESET lock_timeout;
RESET ROLE;

-- The most the application can hold: the routing lock of globex's bucket, shared, by a
-- call of globex (here route_bucket, which the API's calls run) in a transaction it keeps
-- open.  A move of the bucket waits for it, retrying, and while it waits globex's calls
-- still route (a move waits its turn at most 0.1 s at a time).
SELECT dblink_exec('app', 'BEGIN');
SELECT * FROM dblink('app', format('SELECT customer_identity.route_bucket(%s) IS NOT NULL', :globex_bucket)) AS x(routed boolean);
SELECT dblink_connect('mover', :'proxy' || ' user=postgres');
SELECT dblink_send_query('mover', format('CALL customer_identity.move_bucket(%s, %s)', :globex_bucket, :to_shard));
SELECT pg_sleep(0.5);
SELECT dblink_is_busy('mover') AS move_waiting, (SELECT phase FROM bucket_move WHERE bucket = :globex_bucket) AS phase;
SET ROLE ci_app;
SET lock_timeout = '1s';
SELECT customer_id IS NOT NULL AS found FROM resolve_customer_identity(tenant_id => 'globex', email => 'routed@globex.test');
SELECT created FROM resolve_customer_identity(tenant_id => 'globex', email => 'during-move@globex.test', email_verified => true);
RESET lock_timeout;
RESET ROLE;
-- the application's transaction ends: the move goes on (the old key is still held) and finishes
SELECT dblink_exec('app', 'ROLLBACK');
SELECT * FROM dblink_get_result('mover') AS x(status text);
SELECT shard_of_tenant('globex') = :to_shard AS moved, (SELECT count(*) FROM bucket_move) AS moves_left;
SET ROLE ci_app;
SELECT count(*) FILTER (WHERE NOT created) AS found_after_move
  FROM unnest(ARRAY['routed@globex.test', 'during-move@globex.test']) AS e,
       LATERAL resolve_customer_identity(tenant_id => 'globex', email => e);
RESET ROLE;
SELECT count(*) AS violations FROM check_integrity();
SELECT dblink_disconnect('mover');
SELECT dblink_disconnect('app');
