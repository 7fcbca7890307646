-- merged_into is a link only merge_customers and unmerge_customer write (CI006 otherwise),
-- and archiving a customer by hand is allowed where it cannot corrupt -- not linked to a
-- vendor (CI010), not in a vendor's clientele (CI010) -- and is recorded.  As the app role.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(20000);
CREATE ROLE regress_ci_archive_app NOLOGIN;
SELECT grant_application_role('regress_ci_archive_app');
GRANT USAGE ON SCHEMA regress TO regress_ci_archive_app;
GRANT SELECT, INSERT, DELETE ON ALL TABLES IN SCHEMA regress TO regress_ci_archive_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_archive_app;
SET ROLE regress_ci_archive_app;

SELECT customer_id AS a FROM resolve_customer_identity(tenant_id => 'archiving', user_id => 'a') \gset
SELECT customer_id AS b FROM resolve_customer_identity(tenant_id => 'archiving', user_id => 'b') \gset
SELECT customer_id AS member FROM resolve_customer_identity(tenant_id => 'archiving', user_id => 'member') \gset
INSERT INTO vendor (tenant_id, name) VALUES ('archiving', 'Shop') RETURNING id AS shop \gset
INSERT INTO vendor_customer (vendor_id, customer_id, tenant_id) VALUES (:shop, :member, 'archiving');

-- a hand-made merge (and a cycle of two) is refused: CI006, nothing changed
SELECT regress.save_state();
UPDATE customer SET archived_at = now(), merged_into = :b WHERE id = :a;
:sqlstate
UPDATE customer SET merged_into = :a WHERE id = :b;
:sqlstate
INSERT INTO customer (tenant_id, user_id, archived_at, merged_into) VALUES ('archiving', 'c', now(), :a);
:sqlstate
SELECT regress.unchanged();

-- archiving a member of a clientele by hand would strand it: CI010, nothing changed
SELECT regress.save_state();
UPDATE customer SET archived_at = now() WHERE id = :member;
:sqlstate
SELECT regress.unchanged();

-- archiving a plain customer by hand is allowed, and recorded
UPDATE customer SET archived_at = now() WHERE id = :a RETURNING archived_at IS NOT NULL AS archived, merged_into;
SELECT event_type, customer_id = :a AS a, method, actor FROM identity_event
 WHERE tenant_id = 'archiving' AND event_type = 'archived';
-- a merge still writes merged_into (and is no hand archiving)
SELECT merge_customers(:member, :b);
SELECT id = :b AS b, merged_into = :member AS merged FROM customer WHERE id = :b;
SELECT count(*) AS archived_events FROM identity_event WHERE tenant_id = 'archiving' AND event_type = 'archived';
SELECT unmerge_customer(:b);
SELECT merged_into, archived_at IS NULL AS active FROM customer WHERE id = :b;
RESET ROLE;
SELECT count(*) AS violations FROM check_integrity('archiving');

DROP OWNED BY regress_ci_archive_app;
DROP ROLE regress_ci_archive_app;
