-- Issue 29: shards own their buckets.  Each shard serves the buckets the directory gives
-- it; a write (direct included) or a call of another bucket's tenant is refused there
-- (55000).  A move onto a shard holding rows of the bucket it did not copy (what 0.1.0
-- accepted: here made as the superuser with the triggers off) stops, naming them, and
-- deletes nothing; once they are gone the move finishes.
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SET search_path = customer_identity, public;
SET client_min_messages = warning;
SELECT tenant_bucket('stray') AS bucket, shard_of_tenant('stray') AS home,
       (shard_of_tenant('stray') + 1) % (SELECT count(*) FROM shard) AS wrong \gset
SELECT conninfo AS home_conninfo FROM shard WHERE shard = :home \gset
SELECT conninfo AS wrong_conninfo FROM shard WHERE shard = :wrong \gset
-- every shard serves exactly its buckets in the directory
SELECT s.shard,
       (SELECT array_agg(d.bucket ORDER BY d.bucket) FROM bucket_directory d WHERE d.shard = s.shard)
       IS NOT DISTINCT FROM
       (SELECT array_agg(x.b ORDER BY x.b) FROM dblink(s.conninfo, 'SELECT bucket FROM customer_identity.served_bucket') AS x(b integer))
       AS serves_its_buckets
  FROM shard s ORDER BY 1;
SELECT created FROM resolve_customer_identity(tenant_id => 'stray', email => 'one@stray.test', email_verified => true);

-- a direct write of the tenant on a shard that does not serve it: refused, as the
-- application role and as the owner
\set VERBOSITY sqlstate
SELECT dblink_exec(:'wrong_conninfo' || ' user=ci_app password=' || :'app_password',
    'SET customer_identity.tenant = ''stray''; INSERT INTO customer_identity.customer (tenant_id, email) VALUES (''stray'', ''one@stray.test'')');
:sqlstate
SELECT dblink_exec(:'wrong_conninfo',
    'INSERT INTO customer_identity.customer (tenant_id, email) VALUES (''stray'', ''one@stray.test'')');
:sqlstate
-- a call of the tenant there: refused (it answers nothing for it)
SELECT * FROM dblink(:'wrong_conninfo',
    'SELECT customer_id FROM customer_identity.resolve_customer_identity(tenant_id => ''stray'', email => ''one@stray.test'')') AS x(id bigint);
:sqlstate
-- its own shard takes the same direct write
SELECT dblink_exec(:'home_conninfo',
    'INSERT INTO customer_identity.customer (tenant_id, email) VALUES (''stray'', ''direct@stray.test'')');
\set VERBOSITY default

-- rows of the bucket on the wrong shard, as 0.1.0 let them be written
SELECT dblink_exec(:'wrong_conninfo',
    'SET session_replication_role = replica; INSERT INTO customer_identity.customer (id, tenant_id, email) OVERRIDING SYSTEM VALUE'
    ' VALUES (900000001, ''stray'', ''one@stray.test''), (900000002, ''stray'', ''ghost@stray.test''), (900000003, ''stray'', ''ghost2@stray.test'')');
-- a move of the bucket there stops, naming them, and deletes nothing
\set SHOW_CONTEXT never
CALL move_bucket(:bucket, :wrong);
\set SHOW_CONTEXT errors
SELECT shard_of_tenant('stray') = :home AS still_home, phase FROM bucket_move WHERE bucket = :bucket;
SELECT * FROM dblink(:'wrong_conninfo', format('SELECT count(*) FROM customer_identity.customer WHERE customer_identity.tenant_bucket(tenant_id) = %s', :bucket)) AS x(stray_rows_kept bigint);
SELECT * FROM dblink(:'home_conninfo', 'SELECT count(*) FROM customer_identity.customer WHERE tenant_id = ''stray''') AS x(home_rows bigint);
-- once they are gone, the same move finishes, and the tenant's customers came along
SELECT dblink_exec(:'wrong_conninfo', 'DELETE FROM customer_identity.customer WHERE id BETWEEN 900000001 AND 900000003');
CALL move_bucket(:bucket, :wrong);
SELECT shard_of_tenant('stray') = :wrong AS moved, (SELECT count(*) FROM bucket_move) AS moves_left;
SELECT created FROM resolve_customer_identity(tenant_id => 'stray', email => 'one@stray.test');
SELECT created FROM resolve_customer_identity(tenant_id => 'stray', email => 'direct@stray.test');
-- the shards now serve it where the directory says
SELECT s.shard, x.serves FROM shard s,
       LATERAL dblink(s.conninfo, format('SELECT EXISTS (SELECT FROM customer_identity.served_bucket WHERE bucket = %s)', :bucket)) AS x(serves boolean)
 WHERE s.shard IN (:home, :wrong) ORDER BY s.shard = :wrong;
SELECT count(*) AS violations FROM check_integrity();
