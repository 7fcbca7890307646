-- Issue 29, the hop: the proxy's API functions routed to one shard send their call on the
-- proxy backend's own connection to the shard (one per shard and role, its statement
-- prepared once), made as PL/Proxy makes its own (the role's user mapping).  Here, as the
-- application role: the connection is kept and reused; a shard backend that ends while idle
-- is replaced unnoticed; one killed in the middle of a call gives a clean 08006 and the
-- next call works; statement_timeout on the proxy cancels a shard call that waits, and the
-- next call works; a change of the role's user mapping applies to the next call of a
-- session that already holds a connection.
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
\set SHOW_CONTEXT never
\set VERBOSITY sqlstate
SET search_path = customer_identity, public;
SET client_min_messages = warning;

-- the error a statement raises, as (SQLSTATE, message)
CREATE FUNCTION pg_temp.error_of(statement text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    state text; message text;
BEGIN
    EXECUTE statement;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
    RETURN format('%s | %s', state, message);
END $$;
SELECT shard_of_tenant('conn') AS conn_shard \gset
-- the application through the proxy in a session of its own (its backend keeps its
-- connections), the owner on conn's shard
SELECT dblink_connect('caller', :'proxy' || ' user=ci_app');
SELECT dblink_connect('on_shard', (SELECT conninfo FROM shard WHERE shard = :conn_shard) || ' user=postgres');
-- (and a session there that watches, outside on_shard's transactions)
SELECT dblink_connect('watch', (SELECT conninfo FROM shard WHERE shard = :conn_shard) || ' user=postgres');
-- (the caller's call of conn, its shard backend, and the shard backends of ci_app's calls
-- waiting on a lock there)
CREATE FUNCTION pg_temp.call() RETURNS boolean LANGUAGE sql AS $$
    SELECT x.id IS NOT NULL FROM dblink('caller', $q$SELECT customer_id FROM customer_identity.resolve_customer_identity(
        tenant_id => 'conn', email => 'c1@conn.test', email_verified => true)$q$) AS x(id bigint)
$$;
CREATE FUNCTION pg_temp.backend() RETURNS integer LANGUAGE sql AS $$
    SELECT x.pid FROM dblink('caller', $q$SELECT backend_pid FROM customer_identity.shard_connections()
        WHERE role = current_user AND shard = customer_identity.shard_of_tenant('conn')$q$) AS x(pid integer)
$$;
CREATE FUNCTION pg_temp.waiting() RETURNS bigint LANGUAGE sql AS $$
    SELECT x.n FROM dblink('watch', $q$SELECT count(*) FROM pg_catalog.pg_stat_activity
        WHERE usename = 'ci_app' AND wait_event_type = 'Lock'$q$) AS x(n bigint)
$$;
\set call 'SELECT pg_temp.call() AS served;'
\set backend 'SELECT pg_temp.backend() AS backend'
\set waiting 'SELECT pg_temp.waiting() AS waiting;'

-- Calls reuse one connection: the same shard backend, one statement prepared per API
-- function called
:call
:backend \gset first_
:call
SELECT count(*) AS connections, sum(x.statements) AS statements
  FROM dblink('caller', 'SELECT shard, statements FROM customer_identity.shard_connections() WHERE role = current_user')
       AS x(shard integer, statements integer);
:backend \gset second_
SELECT :first_backend = :second_backend AS same_backend;
-- it is the application role's on the shard
SELECT * FROM dblink('watch', format('SELECT usename FROM pg_catalog.pg_stat_activity WHERE pid = %s',
                                         :first_backend)) AS x(usename name);

-- The shard backend ends while the connection is idle (terminated; a restart alike): the
-- next call sees it on the socket before sending, connects again, and is served
SELECT * FROM dblink('watch', format('SELECT pg_catalog.pg_terminate_backend(%s, 5000)', :first_backend)) AS x(ended boolean);
:call
:backend \gset third_
SELECT :third_backend <> :first_backend AS new_backend;

-- The shard backend is killed in the middle of a call (it waits on a lock the owner holds
-- on the shard): the call fails with 08006, and the next call connects again and is served
SELECT dblink_exec('on_shard', 'BEGIN');
SELECT dblink_exec('on_shard', 'LOCK TABLE customer_identity.customer IN ACCESS EXCLUSIVE MODE');
SELECT dblink_send_query('caller', 'SELECT customer_id FROM customer_identity.resolve_customer_identity(tenant_id => ''conn'', email => ''c1@conn.test'', email_verified => true)');
DO $$
BEGIN
    FOR i IN 1..200 LOOP
        EXIT WHEN pg_temp.waiting() > 0;
        PERFORM pg_sleep(0.05);
    END LOOP;
END $$;
:waiting
SELECT * FROM dblink('watch', $q$SELECT pg_catalog.pg_terminate_backend(pid, 5000) FROM pg_catalog.pg_stat_activity
                                   WHERE usename = 'ci_app' AND wait_event_type = 'Lock'$q$) AS x(ended boolean);
SELECT regexp_replace(pg_temp.error_of('SELECT * FROM dblink_get_result(''caller'') AS x(id bigint)'), 'shard [0-9]+', 'shard n') AS killed_call;
SELECT * FROM dblink_get_result('caller') AS x(id bigint);  -- (the end of its answer)
SELECT dblink_exec('on_shard', 'ROLLBACK');
:call
:backend \gset fourth_
SELECT :fourth_backend <> :third_backend AS new_backend;

-- statement_timeout on the proxy cancels a call whose shard statement waits: 57014, the
-- shard's statement cancelled and its connection dropped (no shard backend left waiting),
-- and the next call connects again and is served
SELECT dblink_exec('on_shard', 'BEGIN');
SELECT dblink_exec('on_shard', 'LOCK TABLE customer_identity.customer IN ACCESS EXCLUSIVE MODE');
SELECT dblink_exec('caller', 'SET statement_timeout = ''300ms''');
SELECT * FROM dblink('caller', 'SELECT customer_id FROM customer_identity.resolve_customer_identity(tenant_id => ''conn'', email => ''c1@conn.test'')') AS x(id bigint);
:sqlstate
SELECT pg_sleep(0.2);
:waiting
SELECT dblink_exec('on_shard', 'ROLLBACK');
SELECT dblink_exec('caller', 'RESET statement_timeout');
SELECT count(*) AS connections FROM dblink('caller', 'SELECT shard FROM customer_identity.shard_connections() WHERE role = current_user AND shard = customer_identity.shard_of_tenant(''conn'')') AS x(shard integer);
:call
:backend \gset fifth_
SELECT :fifth_backend <> :fourth_backend AS new_backend;

-- The owner changes the application role's user mapping: the session's next call connects
-- again with it (a wrong password: 08001, the shard's refusal in DETAIL); put back, the
-- next call is served.  (The session held a connection made with the old password.)
ALTER USER MAPPING FOR ci_app SERVER customer_identity_shards OPTIONS (SET password 'wrong');
SELECT regexp_replace(pg_temp.error_of($$SELECT * FROM dblink('caller', 'SELECT customer_id FROM customer_identity.resolve_customer_identity(tenant_id => ''conn'', email => ''c1@conn.test'')') AS x(id bigint)$$),
                      'shard [0-9]+', 'shard n') AS with_wrong_password;
ALTER USER MAPPING FOR ci_app SERVER customer_identity_shards OPTIONS (SET password :'app_password');
:call

-- A role that is not a superuser and has no password in its mapping is not connected
-- (postgres_fdw's rule: never the proxy server's own credentials for it): 2F003
CREATE ROLE ci_nopass LOGIN;
SELECT grant_proxy_access('ci_nopass');
SET ROLE ci_nopass;
SELECT * FROM resolve_customer_identity(tenant_id => 'conn', email => 'c1@conn.test');
:sqlstate
RESET ROLE;
DROP OWNED BY ci_nopass;
DROP ROLE ci_nopass;

SELECT dblink_disconnect('caller');
SELECT dblink_disconnect('on_shard');
SELECT dblink_disconnect('watch');
