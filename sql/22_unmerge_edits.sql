-- unmerge_customer never loses data: it is three-way on both rows.  What the merge wrote
-- goes back; what was edited since the merge -- on the canonical row or on the archived
-- duplicate -- stays.  The `unmerged` event names the duplicate's columns kept.  As the
-- application role.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(22000);
CREATE ROLE regress_ci_unmerge_app NOLOGIN;
SELECT grant_application_role('regress_ci_unmerge_app');
GRANT USAGE ON SCHEMA regress TO regress_ci_unmerge_app;
GRANT SELECT, INSERT, DELETE ON ALL TABLES IN SCHEMA regress TO regress_ci_unmerge_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_unmerge_app;
SET ROLE regress_ci_unmerge_app;

-- the issue's case: the duplicate's name and metadata edited after the merge
INSERT INTO customer (tenant_id, name, user_id, metadata) VALUES ('unmerge', 'Canon', 'canon', '{"tier": "gold"}')
RETURNING id AS canon \gset
INSERT INTO customer (tenant_id, name, user_id, phone, metadata, roles)
VALUES ('unmerge', 'Dupe', 'dupe', '+1 555 010 0100', '{"source": "import"}', '{customer,retail}')
RETURNING id AS dupe \gset
SELECT updated_at AS dupe_before FROM customer WHERE id = :dupe \gset
SELECT merge_customers(:canon, :dupe);
UPDATE customer SET name = 'Dupe, corrected', metadata = metadata || '{"note": "called us"}',
       roles = roles || '{wholesale}'
 WHERE id = :dupe RETURNING archived_at IS NOT NULL AS still_archived;
-- ... and the canonical row edited too
UPDATE customer SET name = 'Canon, corrected' WHERE id = :canon;
SELECT unmerge_customer(:dupe);
SELECT id = :dupe AS dupe, name, phone, metadata, roles, archived_at, merged_into,
       updated_at > :'dupe_before'::timestamptz AS edited_since
  FROM customer WHERE id = :dupe;
-- the canonical row: the merge's gifts (phone, metadata key, roles) go back, its own edit stays
SELECT name, phone, metadata, roles FROM customer WHERE id = :canon;
SELECT event_type, customer_id = :canon AS canon, other_customer_id = :dupe AS dupe,
       detail->'kept' AS kept, detail ? 'merge_event_id' AS names_merge
  FROM identity_event WHERE tenant_id = 'unmerge' AND event_type = 'unmerged';

-- with no edit since the merge the duplicate comes back exactly as it was, updated_at too
INSERT INTO customer (tenant_id, name, user_id, metadata) VALUES ('unmerge', 'Plain', 'plain', '{"a": 1}')
RETURNING id AS plain \gset
CREATE TEMP TABLE plain_before AS SELECT * FROM customer WHERE id = :plain;
SELECT merge_customers(:canon, :plain);
SELECT unmerge_customer(:plain);
SELECT (SELECT to_jsonb(p) FROM plain_before p) = (SELECT to_jsonb(c) FROM customer c WHERE c.id = :plain) AS same_row;
SELECT detail->'kept' AS kept FROM identity_event
 WHERE tenant_id = 'unmerge' AND event_type = 'unmerged' AND other_customer_id = :plain;

-- an identifier given to the duplicate since the merge, now held by an active customer:
-- the unmerge would make two customers hold it, so it refuses (CI001) and changes nothing
INSERT INTO customer (tenant_id, user_id) VALUES ('unmerge', 'third') RETURNING id AS third \gset
SELECT merge_customers(:canon, :third);
UPDATE customer SET email = 'taken@unmerge.test' WHERE id = :third;
UPDATE customer SET email = 'taken@unmerge.test' WHERE id = :plain;
SELECT regress.save_state();
SELECT unmerge_customer(:third);
:sqlstate
SELECT regress.unchanged();
RESET ROLE;
SELECT * FROM check_integrity('unmerge');

DROP OWNED BY regress_ci_unmerge_app;
DROP ROLE regress_ci_unmerge_app;
