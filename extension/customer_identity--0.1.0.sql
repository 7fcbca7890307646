-- customer_identity 0.1.0: tables, rules and functions.
-- Everything lives in the schema customer_identity (created by CREATE EXTENSION).
\echo Use "CREATE EXTENSION customer_identity" to load this file. \quit

------------------------------------------------------------------------------
-- Normalization (used by the triggers, and usable in indexes)
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.normalize_email(text) RETURNS text
    AS 'MODULE_PATHNAME', 'ci_normalize_email'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_email(text) IS
    'trimmed, lower-cased email; malformed input raises 22023';

CREATE FUNCTION @extschema@.normalize_phone(text) RETURNS text
    AS 'MODULE_PATHNAME', 'ci_normalize_phone'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_phone(text) IS
    'digits with an optional leading +; fewer than 4 digits or stray characters raise 22023';

------------------------------------------------------------------------------
-- Tables
------------------------------------------------------------------------------

CREATE TABLE @extschema@.customer (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id            text NOT NULL DEFAULT 'default',
    name                 text,
    email                text,
    email_normalized     text,
    phone                text,
    phone_normalized     text,
    external_customer_id text,
    user_id              text,
    roles                text[] NOT NULL DEFAULT '{customer}',
    metadata             jsonb NOT NULL DEFAULT '{}',
    merged_into          bigint REFERENCES @extschema@.customer (id),
    archived_at          timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT customer_merged_is_archived CHECK (merged_into IS NULL OR archived_at IS NOT NULL)
);
COMMENT ON TABLE @extschema@.customer IS
    'one row per real-world person or business; identifiers unique per tenant among active rows';
COMMENT ON COLUMN @extschema@.customer.email_normalized IS 'maintained by the extension';
COMMENT ON COLUMN @extschema@.customer.phone_normalized IS 'maintained by the extension';

-- Per-tenant uniqueness among active (not archived) customers.
CREATE UNIQUE INDEX customer_external_id_key ON @extschema@.customer (tenant_id, external_customer_id)
    WHERE archived_at IS NULL AND external_customer_id IS NOT NULL;
CREATE UNIQUE INDEX customer_user_id_key ON @extschema@.customer (tenant_id, user_id)
    WHERE archived_at IS NULL AND user_id IS NOT NULL;
CREATE UNIQUE INDEX customer_email_key ON @extschema@.customer (tenant_id, email_normalized)
    WHERE archived_at IS NULL AND email_normalized IS NOT NULL;
CREATE UNIQUE INDEX customer_phone_key ON @extschema@.customer (tenant_id, phone_normalized)
    WHERE archived_at IS NULL AND phone_normalized IS NOT NULL;
CREATE INDEX customer_merged_into_idx ON @extschema@.customer (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE @extschema@.vendor (
    id                               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id                        text NOT NULL DEFAULT 'default',
    name                             text NOT NULL,
    primary_contact_email            text,
    primary_contact_email_normalized text,
    metadata                         jsonb NOT NULL DEFAULT '{}',
    customer_id                      bigint REFERENCES @extschema@.customer (id),
    created_at                       timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN @extschema@.vendor.customer_id IS
    'the vendor''s own customer record; read-only, changed only by link_vendor_to_customer / unlink_vendor_from_customer';
-- One customer is linked to at most one vendor.
CREATE UNIQUE INDEX vendor_customer_id_key ON @extschema@.vendor (customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX vendor_contact_email_idx ON @extschema@.vendor (tenant_id, primary_contact_email_normalized)
    WHERE primary_contact_email_normalized IS NOT NULL;

CREATE TABLE @extschema@.vendor_customer (
    vendor_id   bigint NOT NULL REFERENCES @extschema@.vendor (id) ON DELETE CASCADE,
    customer_id bigint NOT NULL REFERENCES @extschema@.customer (id) ON DELETE CASCADE,
    tenant_id   text NOT NULL DEFAULT 'default',
    source      text NOT NULL DEFAULT 'api' CHECK (source IN ('invite', 'api')),
    invite_id   bigint,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (vendor_id, customer_id)
);
COMMENT ON TABLE @extschema@.vendor_customer IS 'a vendor''s clientele: one row per (vendor, customer) pair';
CREATE INDEX vendor_customer_customer_idx ON @extschema@.vendor_customer (customer_id);

CREATE TABLE @extschema@.identity_event (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         text NOT NULL,
    event_type        text NOT NULL,
    customer_id       bigint,
    other_customer_id bigint,
    vendor_id         bigint,
    method            text,
    detail            jsonb NOT NULL DEFAULT '{}',
    actor             text NOT NULL DEFAULT current_user,
    created_at        timestamptz NOT NULL DEFAULT clock_timestamp()
);
COMMENT ON TABLE @extschema@.identity_event IS
    'append-only audit of what the extension decided: creations, enrichments, links, unlinks, conflicts';
CREATE INDEX identity_event_customer_idx ON @extschema@.identity_event (customer_id);
CREATE INDEX identity_event_tenant_time_idx ON @extschema@.identity_event (tenant_id, created_at);

-- pg_dump dumps the rows of these tables and the positions of their id sequences.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.customer', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.vendor', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.vendor_customer', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.identity_event', '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('@extschema@.customer', 'id'), '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('@extschema@.vendor', 'id'), '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('@extschema@.identity_event', 'id'), '');

------------------------------------------------------------------------------
-- Trigger functions: the rules that hold whatever writes the rows
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.customer_before_write() RETURNS trigger
    AS 'MODULE_PATHNAME', 'ci_customer_before_write' LANGUAGE C;
CREATE FUNCTION @extschema@.customer_vendor_role_rule() RETURNS trigger
    AS 'MODULE_PATHNAME', 'ci_customer_vendor_role_rule' LANGUAGE C;
CREATE FUNCTION @extschema@.vendor_before_write() RETURNS trigger
    AS 'MODULE_PATHNAME', 'ci_vendor_before_write' LANGUAGE C;
CREATE FUNCTION @extschema@.identity_event_append_only() RETURNS trigger
    AS 'MODULE_PATHNAME', 'ci_identity_event_append_only' LANGUAGE C;

CREATE TRIGGER customer_before_write
    BEFORE INSERT OR UPDATE ON @extschema@.customer
    FOR EACH ROW EXECUTE FUNCTION @extschema@.customer_before_write();
-- The vendor role rule needs a look at vendor only when something it depends on changes.
CREATE TRIGGER customer_vendor_role_rule_insert
    AFTER INSERT ON @extschema@.customer
    FOR EACH ROW WHEN ('vendor' = ANY (NEW.roles))
    EXECUTE FUNCTION @extschema@.customer_vendor_role_rule();
CREATE TRIGGER customer_vendor_role_rule_update
    AFTER UPDATE ON @extschema@.customer
    FOR EACH ROW WHEN (OLD.roles IS DISTINCT FROM NEW.roles
                       OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id
                       OR (OLD.archived_at IS NULL AND NEW.archived_at IS NOT NULL))
    EXECUTE FUNCTION @extschema@.customer_vendor_role_rule();
CREATE TRIGGER vendor_before_write
    BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.vendor
    FOR EACH ROW EXECUTE FUNCTION @extschema@.vendor_before_write();
CREATE TRIGGER identity_event_append_only
    BEFORE UPDATE OR DELETE ON @extschema@.identity_event
    FOR EACH ROW EXECUTE FUNCTION @extschema@.identity_event_append_only();
CREATE TRIGGER identity_event_no_truncate
    BEFORE TRUNCATE ON @extschema@.identity_event
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.identity_event_append_only();

------------------------------------------------------------------------------
-- Resolution
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.resolve_customer_identity(
    tenant_id            text    DEFAULT 'default',
    external_customer_id text    DEFAULT NULL,
    email                text    DEFAULT NULL,
    customer_ref         bigint  DEFAULT NULL,
    user_id              text    DEFAULT NULL,
    phone                text    DEFAULT NULL,
    name                 text    DEFAULT NULL,
    create_missing       boolean DEFAULT true,
    on_conflict          text    DEFAULT 'raise')
RETURNS TABLE (customer_id bigint, vendor_id bigint, method text, created boolean)
    AS 'MODULE_PATHNAME', 'ci_resolve_customer_identity'
    LANGUAGE C VOLATILE ROWS 1;
COMMENT ON FUNCTION @extschema@.resolve_customer_identity(text, text, text, bigint, text, text, text, boolean, text) IS
    'finds (or creates) the one active customer the identifiers point at: external id, user id, email (vendor first), phone, explicit ref';

------------------------------------------------------------------------------
-- Vendor links
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.link_vendor_to_customer(vendor_id bigint, customer_id bigint) RETURNS void
    AS 'MODULE_PATHNAME', 'ci_link_vendor_to_customer' LANGUAGE C VOLATILE;
CREATE FUNCTION @extschema@.unlink_vendor_from_customer(vendor_id bigint) RETURNS void
    AS 'MODULE_PATHNAME', 'ci_unlink_vendor_from_customer' LANGUAGE C VOLATILE;
CREATE FUNCTION @extschema@.upgrade_customer_to_vendor(customer_id bigint, vendor_name text) RETURNS bigint
    AS 'MODULE_PATHNAME', 'ci_upgrade_customer_to_vendor' LANGUAGE C VOLATILE;
CREATE FUNCTION @extschema@.vendor_for_customer(customer_id bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'ci_vendor_for_customer' LANGUAGE C STABLE STRICT;
