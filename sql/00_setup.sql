-- Helpers shared by the regression files (they all run in one database).
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
CREATE SCHEMA regress;

-- A fresh install is `verified` with the built-in blocked values on.  The files up to 13
-- test the reports' rules as written, which is the `trusting` policy an upgraded database
-- keeps; 14 and later test `verified`, blocked values and the review queue per tenant.
SELECT set_trust_policy('trusting');
SELECT set_builtin_blocklist(false);

-- One row with a checksum of every extension table: any change to any row shows.
CREATE VIEW regress.db_state AS
SELECT (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), ''))
          FROM customer_identity.customer t) AS customer,
       (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), ''))
          FROM customer_identity.vendor t) AS vendor,
       (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.vendor_id, t.customer_id), ''))
          FROM customer_identity.vendor_customer t) AS vendor_customer,
       (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), ''))
          FROM customer_identity.invite_token t) AS invite_token,
       (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), ''))
          FROM customer_identity.identity_event t) AS identity_event;

-- The state saved before a statement that must fail.
CREATE TABLE regress.saved_state AS SELECT * FROM regress.db_state WITH NO DATA;

CREATE FUNCTION regress.save_state() RETURNS void LANGUAGE sql AS $$
    DELETE FROM regress.saved_state;
    INSERT INTO regress.saved_state SELECT * FROM regress.db_state;
$$;

-- true when every table is exactly as saved (false if nothing was saved).
CREATE FUNCTION regress.unchanged() RETURNS boolean LANGUAGE sql AS $$
    SELECT coalesce((SELECT s = d FROM regress.saved_state s, regress.db_state d), false);
$$;

-- true when every table but identity_event is exactly as saved (for decisions that
-- change nothing but are recorded, like a returned conflict).
CREATE FUNCTION regress.unchanged_except_events() RETURNS boolean LANGUAGE sql AS $$
    SELECT coalesce((SELECT (s.customer, s.vendor, s.vendor_customer, s.invite_token)
                          = (d.customer, d.vendor, d.vendor_customer, d.invite_token)
                       FROM regress.saved_state s, regress.db_state d), false);
$$;

-- Each file starts its ids at its own base, so its output (ids in error messages
-- included) is the same whether it runs alone or after the other files.
CREATE FUNCTION regress.start_ids(base bigint) RETURNS void LANGUAGE sql AS $$
    SELECT setval(pg_get_serial_sequence('customer_identity.customer', 'id'), base);
    SELECT setval(pg_get_serial_sequence('customer_identity.vendor', 'id'), base);
    SELECT setval(pg_get_serial_sequence('customer_identity.identity_event', 'id'), base);
    SELECT setval(pg_get_serial_sequence('customer_identity.invite_token', 'id'), base);
$$;

-- Where any of the values still stands: every text, json and array column of every
-- extension table, over one tenant's rows (and the rows of no tenant, and all rows of a
-- table without tenants), one pass per column for all the values; erasure's tests search
-- with it.  (The other tests' tenants hold 100,000s of rows.)
CREATE FUNCTION regress.values_found(tenant text, searched text[])
RETURNS TABLE (tbl text, col text, value text, hits bigint) LANGUAGE plpgsql AS $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT a.attrelid::regclass::text AS t, a.attname AS a,
                    EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = a.attrelid
                              AND x.attname = 'tenant_id' AND NOT x.attisdropped) AS has_tenant
               FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
              WHERE r.relnamespace = 'customer_identity'::regnamespace AND r.relkind = 'r'
                AND a.attnum > 0 AND NOT a.attisdropped
                AND a.atttypid IN ('text'::regtype, 'varchar'::regtype, 'jsonb'::regtype,
                                   'json'::regtype, 'text[]'::regtype)
              ORDER BY 1, 2 LOOP
        RETURN QUERY EXECUTE format(
            'WITH r AS MATERIALIZED (SELECT lower(%3$I::text) AS t FROM %4$s'
            '  WHERE %3$I IS NOT NULL AND (%5$s))'
            ' SELECT %1$L::text, %2$L::text, p.value, count(*) FROM r, unnest($1) AS p(value)'
            ' WHERE strpos(r.t, lower(p.value)) > 0 GROUP BY p.value ORDER BY p.value',
            c.t, c.a, c.a, c.t,
            CASE WHEN c.has_tenant THEN format('tenant_id IS NULL OR tenant_id = %L', tenant) ELSE 'true' END)
            USING searched;
    END LOOP;
END $$;

-- Readable views of one tenant's rows, without timestamps.
CREATE FUNCTION regress.customers(tenant text)
RETURNS TABLE (id bigint, name text, email text, email_normalized text, phone text,
               phone_normalized text, external_customer_id text, user_id text, roles text[],
               archived boolean, merged_into bigint)
LANGUAGE sql AS $$
    SELECT c.id, c.name, c.email, c.email_normalized, c.phone, c.phone_normalized,
           c.external_customer_id, c.user_id, c.roles, c.archived_at IS NOT NULL, c.merged_into
      FROM customer_identity.customer c WHERE c.tenant_id = tenant ORDER BY c.id;
$$;

CREATE FUNCTION regress.vendors(tenant text)
RETURNS TABLE (id bigint, name text, primary_contact_email text,
               primary_contact_email_normalized text, customer_id bigint)
LANGUAGE sql AS $$
    SELECT v.id, v.name, v.primary_contact_email, v.primary_contact_email_normalized, v.customer_id
      FROM customer_identity.vendor v WHERE v.tenant_id = tenant ORDER BY v.id;
$$;

CREATE FUNCTION regress.events(tenant text)
RETURNS TABLE (id bigint, event_type text, customer_id bigint, other_customer_id bigint,
               vendor_id bigint, method text, detail jsonb)
LANGUAGE sql AS $$
    SELECT e.id, e.event_type, e.customer_id, e.other_customer_id, e.vendor_id, e.method, e.detail
      FROM customer_identity.identity_event e WHERE e.tenant_id = tenant ORDER BY e.id;
$$;

-- The helpers work: saved state is unchanged until a row changes.
SELECT regress.unchanged() AS nothing_saved_yet;
SELECT regress.save_state();
SELECT regress.unchanged();
BEGIN;
INSERT INTO customer (tenant_id, email) VALUES ('setup_t1', 'setup@example.com');
SELECT regress.unchanged() AS after_insert, regress.unchanged_except_events() AS after_insert_but_events;
ROLLBACK;
BEGIN;
INSERT INTO identity_event (tenant_id, event_type) VALUES ('setup_t1', 'note');
SELECT regress.unchanged() AS after_event, regress.unchanged_except_events() AS after_event_but_events;
ROLLBACK;
-- invite_token rows count too (a new token is not "unchanged except events")
BEGIN;
INSERT INTO vendor (tenant_id, name) VALUES ('setup_t1', 'Setup Shop') RETURNING id AS setup_vendor \gset
SELECT regress.save_state();
SELECT create_invite_token(:setup_vendor) IS NOT NULL AS token_created;
SELECT regress.unchanged() AS after_token, regress.unchanged_except_events() AS after_token_but_events;
ROLLBACK;
SELECT regress.unchanged() AS after_rollback;
