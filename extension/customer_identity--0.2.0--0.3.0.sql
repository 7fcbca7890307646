-- customer_identity 0.2.0 -> 0.3.0: merging duplicates and undoing merges (report 003, phase 3).
\echo Use "ALTER EXTENSION customer_identity UPDATE" to load this file. \quit

-- A merged-away customer keeps its identifiers as aliases of the customer it was merged
-- into; resolution finds them here when no active customer holds the value.
CREATE INDEX customer_archived_external_id_idx ON @extschema@.customer (tenant_id, external_customer_id)
    WHERE archived_at IS NOT NULL AND external_customer_id IS NOT NULL;
CREATE INDEX customer_archived_user_id_idx ON @extschema@.customer (tenant_id, user_id)
    WHERE archived_at IS NOT NULL AND user_id IS NOT NULL;
CREATE INDEX customer_archived_email_idx ON @extschema@.customer (tenant_id, email_normalized)
    WHERE archived_at IS NOT NULL AND email_normalized IS NOT NULL;
CREATE INDEX customer_archived_phone_idx ON @extschema@.customer (tenant_id, phone_normalized)
    WHERE archived_at IS NOT NULL AND phone_normalized IS NOT NULL;
CREATE INDEX identity_event_merge_idx ON @extschema@.identity_event (other_customer_id)
    WHERE event_type = 'merged';

CREATE FUNCTION @extschema@.merge_customers(canonical_id bigint, duplicate_id bigint) RETURNS void
    AS 'MODULE_PATHNAME', 'ci_merge_customers' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.merge_customers(bigint, bigint) IS
    'moves the duplicate''s vendor link and clientele to the canonical customer, fills its missing identifiers, archives the duplicate';

CREATE FUNCTION @extschema@.unmerge_customer(duplicate_id bigint) RETURNS void
    AS 'MODULE_PATHNAME', 'ci_unmerge_customer' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.unmerge_customer(bigint) IS
    'undoes the merge of this customer exactly, as long as its identifiers are still free';

CREATE FUNCTION @extschema@.reconcile(tenant_id text DEFAULT 'default', dry_run boolean DEFAULT true)
RETURNS TABLE (action text, customer_id bigint, other_id bigint, vendor_id bigint, reason text)
    AS 'MODULE_PATHNAME', 'ci_reconcile' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.reconcile(text, boolean) IS
    'merges active customers that are one entity under normalization, repairs normalized columns, links vendors without a customer; dry run by default';

CREATE FUNCTION @extschema@.import_customers(source regclass, tenant_id text DEFAULT 'default',
                                             dry_run boolean DEFAULT true)
RETURNS TABLE (source_row text, action text, customer_id bigint, group_row text, reason text)
    AS 'MODULE_PATHNAME', 'ci_import_customers' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.import_customers(regclass, text, boolean) IS
    'adopts rows of a staging table: groups the rows that are one entity, matches or creates customers, reports conflicts; dry run by default';

-- reconcile and import record a decision to leave something alone once, not on every run.
CREATE INDEX identity_event_left_alone_idx ON @extschema@.identity_event (tenant_id, event_type, detail)
    WHERE event_type IN ('import_left_alone', 'reconcile_left_alone');
