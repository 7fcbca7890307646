-- Issue 29: a shard's error reaches the application through the proxy as the shard raised
-- it -- the same SQLSTATE, message, DETAIL and HINT -- with no PL/Proxy NOTICE, and the
-- connection to the shard stays open (0.1.0: PL/Proxy dropped it after every error and the
-- next call opened a new shard backend).  And the routing contract a move relies on: a call
-- that waited on a bucket's routing lock routes to the shard the directory names after it.
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
\set SHOW_CONTEXT never
SET search_path = customer_identity, public;

-- the shard backend that serves the caller's calls of a tenant (the proxy's backend keeps
-- one connection per shard and role: shard_connections), and the error a statement raises
-- as (SQLSTATE, message, DETAIL, HINT): here, through the proxy, or on a dblink connection
-- straight to the shard
CREATE FUNCTION pg_temp.shard_backend(tenant_id text) RETURNS integer LANGUAGE sql AS $$
    SELECT c.backend_pid FROM customer_identity.shard_connections() c
     WHERE c.shard = customer_identity.shard_of_tenant(tenant_id) AND c.role = current_user
$$;
CREATE FUNCTION pg_temp.error_of(statement text, conn text DEFAULT NULL) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    state text; message text; detail text; hint text;
BEGIN
    IF conn IS NULL THEN
        EXECUTE statement;
    ELSE
        PERFORM dblink_exec(conn, statement);
    END IF;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT,
                            detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
    RETURN format('%s | %s | %s | %s', state, message, NULLIF(detail, ''), NULLIF(hint, ''));
END $$;

-- tenant perr: two customers and a vendor linked to the first
SET ROLE ci_app;
SELECT customer_id AS p1 FROM resolve_customer_identity(tenant_id => 'perr', email => 'p1@perr.test', email_verified => true) \gset
SELECT customer_id AS p2 FROM resolve_customer_identity(tenant_id => 'perr', external_customer_id => 'cus_p2') \gset
SELECT upgrade_customer_to_vendor(:p1, 'Perr Shop') AS shop \gset
RESET ROLE;
-- the application on perr's shard directly, and on shard 0
SELECT dblink_connect('perr_shard', (SELECT conninfo FROM shard WHERE shard = shard_of_tenant('perr')) || ' user=ci_app password=' || :'app_password');
SELECT dblink_connect('shard_zero', (SELECT conninfo FROM shard WHERE shard = 0) || ' user=ci_app password=' || :'app_password');

-- Each kind of error, through the proxy and on the shard, as the application
SET ROLE ci_app;
SELECT pg_temp.shard_backend('perr') AS backend_before \gset
CREATE TEMP TABLE kinds (kind text, statement text, shard text);
INSERT INTO kinds VALUES
    ('CI001 identity conflict (DETAIL)', format('SELECT * FROM customer_identity.resolve_customer_identity(tenant_id => %L, email => %L, external_customer_id => %L, email_verified => true)',
                                                'perr', 'p1@perr.test', 'cus_p2'), 'perr_shard'),
    ('CI009 already linked (HINT)', format('SELECT customer_identity.link_vendor_to_customer(%s, %s)', :shop, :p2), 'perr_shard'),
    ('22023 metadata not an object (HINT)', format('SELECT customer_identity.register_customer(tenant_id => %L, email => %L, metadata => %L)',
                                                   'perr', 'p3@perr.test', '[1]'), 'perr_shard'),
    ('22023 malformed email', format('SELECT * FROM customer_identity.resolve_customer_identity(tenant_id => %L, email => %L)',
                                     'perr', 'not an email'), 'perr_shard'),
    ('22004 NULL customer', format('SELECT * FROM customer_identity.redeem_invite_token(%L, NULL)', 'cit_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), 'shard_zero'),
    ('CI002 unknown token', format('SELECT * FROM customer_identity.redeem_invite_token(%L, %s)', 'cit_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', :p2), 'shard_zero'),
    ('CI011 unknown id', format('SELECT customer_identity.unmerge_customer(%s)', :p2 + 999999), 'perr_shard'),
    ('42501 administration (every shard)', 'SELECT customer_identity.set_tenant_isolation(true)', 'shard_zero');
SELECT kind, split_part(pg_temp.error_of(statement), ' | ', 1) AS sqlstate,
       pg_temp.error_of(statement) = pg_temp.error_of(statement, shard) AS same_as_on_the_shard,
       pg_temp.error_of(statement) LIKE '%PL/Proxy%' OR pg_temp.error_of(statement) LIKE '%REMOTE%' AS rewritten
  FROM kinds ORDER BY kind;
-- one of them in full, as psql shows it
\set VERBOSITY default
SELECT customer_identity.link_vendor_to_customer(:shop, :p2);
:sqlstate
\set VERBOSITY sqlstate
-- no call reconnected: the same shard backend serves perr's calls, and they go on
SELECT pg_temp.shard_backend('perr') = :backend_before AS same_shard_backend;
SELECT customer_id = :p2 AS found FROM resolve_customer_identity(tenant_id => 'perr', external_customer_id => 'cus_p2');
SELECT pg_temp.shard_backend('perr') = :backend_before AS same_shard_backend;
-- an error inside the caller's own transaction and savepoint: rolled back to it, the
-- transaction goes on
BEGIN;
SAVEPOINT before_error;
SELECT customer_identity.link_vendor_to_customer(:shop, :p2);
:sqlstate
ROLLBACK TO SAVEPOINT before_error;
SELECT customer_id = :p1 AS found FROM resolve_customer_identity(tenant_id => 'perr', email => 'p1@perr.test');
COMMIT;
SELECT pg_temp.shard_backend('perr') = :backend_before AS same_shard_backend;
-- the errors changed nothing on the shard: no third customer, the vendor still p1's
SELECT count(*) AS customers, count(*) FILTER (WHERE 'vendor' = ANY (roles)) AS vendors
  FROM dblink('perr_shard', 'SELECT roles FROM customer_identity.customer WHERE tenant_id = ''perr''') AS x(roles text[]);
SELECT vendor_for_customer(:p1) = :shop AS still_linked, vendor_for_customer(:p2) AS p2_vendor;
-- what the extension records of a rejection the caller handles (a rejected redemption) is
-- on record on the shard, as on one server when the application catches it and commits
SELECT create_invite_token(:shop) AS revoked_token \gset
SELECT revoke_invite_token(:'revoked_token');
SELECT * FROM redeem_invite_token(:'revoked_token', :p2);
:sqlstate
RESET ROLE;
SELECT * FROM dblink((SELECT conninfo FROM shard WHERE shard = shard_of_tenant('perr')),
    'SELECT event_type FROM customer_identity.identity_event WHERE tenant_id = ''perr'' ORDER BY id DESC LIMIT 2')
    AS x(last_events text);

-- The routing contract (src/store/routing.cpp): a move switches a bucket by taking its
-- routing lock exclusively, changing bucket_directory and committing.  Here a session does
-- just that for perr's bucket, pointing it at a shard that does not serve it; a call of perr
-- made meanwhile waits, then goes to that shard, which refuses it (55000, with its HINT):
-- the call routed by the directory as it was after the switch, not by a copy from before.
SELECT tenant_bucket('perr') AS perr_bucket, shard_of_tenant('perr') AS perr_home,
       (shard_of_tenant('perr') + 1) % (SELECT count(*) FROM shard) AS elsewhere \gset
SELECT dblink_connect('switch', :'proxy' || ' user=postgres');
SELECT dblink_connect('caller', :'proxy' || ' user=ci_app');
-- the caller has routed perr's calls before (its backend keeps the directory)
SELECT * FROM dblink('caller', 'SELECT count(*) FROM customer_identity.resolve_customer_identity(tenant_id => ''perr'', email => ''p1@perr.test'')') AS x(found bigint);
SELECT dblink_exec('switch', 'BEGIN');
SELECT * FROM dblink('switch', format('SELECT customer_identity.routing_lock(%s, true, true)', :perr_bucket)) AS x(locked boolean);
SELECT dblink_exec('switch', format('UPDATE customer_identity.bucket_directory SET shard = %s WHERE bucket = %s', :elsewhere, :perr_bucket));
SELECT dblink_send_query('caller', format('SELECT customer_identity.register_customer(tenant_id => %L, email => %L)', 'perr', 'waited@perr.test'));
SELECT pg_sleep(0.3);
SELECT dblink_is_busy('caller') AS call_waits;
SELECT dblink_exec('switch', 'COMMIT');
SELECT pg_temp.error_of('SELECT * FROM dblink_get_result(''caller'') AS x(id bigint)');
SELECT * FROM dblink_get_result('caller') AS x(id bigint);  -- (the end of its answer)
-- the directory back, the same way: the next call of perr routes home and is served
SELECT dblink_exec('switch', format('BEGIN; SELECT customer_identity.routing_lock(%s, true, true);'
                                    ' UPDATE customer_identity.bucket_directory SET shard = %s WHERE bucket = %s; COMMIT',
                                    :perr_bucket, :perr_home, :perr_bucket));
SELECT * FROM dblink('caller', 'SELECT count(*) FROM customer_identity.resolve_customer_identity(tenant_id => ''perr'', email => ''p1@perr.test'')') AS x(found bigint);
SELECT shard_of_tenant('perr') = :perr_home AS home_again;
SELECT dblink_disconnect('caller');
SELECT dblink_disconnect('switch');
SELECT dblink_disconnect('perr_shard');
SELECT dblink_disconnect('shard_zero');
