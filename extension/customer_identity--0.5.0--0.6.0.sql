-- customer_identity 0.5.0 -> 0.6.0: integrity on every write path and erasure.
-- A fresh install of 0.6.0 runs this script too (customer_identity--0.6.0.sql is built from
-- the chain, see CMakeLists.txt).
\echo Use "ALTER EXTENSION customer_identity UPDATE" to load this file. \quit

------------------------------------------------------------------------------
-- Tenant keys: every reference carries the tenant, so a row can only point at rows of its
-- own tenant.  A cross-tenant reference fails with 23503 whether or not the row exists in
-- the other tenant; the clientele key carries the tenant too, so a pair of another tenant
-- never answers 23505.
------------------------------------------------------------------------------
ALTER TABLE @extschema@.customer ADD CONSTRAINT customer_tenant_id_key UNIQUE (tenant_id, id);
ALTER TABLE @extschema@.vendor ADD CONSTRAINT vendor_tenant_id_key UNIQUE (tenant_id, id);
ALTER TABLE @extschema@.invite_token ADD CONSTRAINT invite_token_tenant_id_key UNIQUE (tenant_id, id);

-- Each foreign key is replaced under its own name, NOT VALID first: rows an older version let
-- through must not make the update fail.  The block below validates them.
ALTER TABLE @extschema@.customer
    DROP CONSTRAINT customer_merged_into_fkey,
    ADD CONSTRAINT customer_merged_into_fkey FOREIGN KEY (tenant_id, merged_into)
        REFERENCES @extschema@.customer (tenant_id, id) NOT VALID;
ALTER TABLE @extschema@.vendor
    DROP CONSTRAINT vendor_customer_id_fkey,
    ADD CONSTRAINT vendor_customer_id_fkey FOREIGN KEY (tenant_id, customer_id)
        REFERENCES @extschema@.customer (tenant_id, id) NOT VALID;
ALTER TABLE @extschema@.invite_token
    DROP CONSTRAINT invite_token_vendor_id_fkey,
    ADD CONSTRAINT invite_token_vendor_id_fkey FOREIGN KEY (tenant_id, vendor_id)
        REFERENCES @extschema@.vendor (tenant_id, id) ON DELETE CASCADE NOT VALID,
    DROP CONSTRAINT invite_token_rotated_to_fkey,
    ADD CONSTRAINT invite_token_rotated_to_fkey FOREIGN KEY (tenant_id, rotated_to)
        REFERENCES @extschema@.invite_token (tenant_id, id) NOT VALID;
ALTER TABLE @extschema@.vendor_customer
    DROP CONSTRAINT vendor_customer_vendor_id_fkey,
    ADD CONSTRAINT vendor_customer_vendor_id_fkey FOREIGN KEY (tenant_id, vendor_id)
        REFERENCES @extschema@.vendor (tenant_id, id) ON DELETE CASCADE NOT VALID,
    DROP CONSTRAINT vendor_customer_customer_id_fkey,
    ADD CONSTRAINT vendor_customer_customer_id_fkey FOREIGN KEY (tenant_id, customer_id)
        REFERENCES @extschema@.customer (tenant_id, id) ON DELETE CASCADE NOT VALID,
    -- Stays NOT VALID, as in 0.2.0: a 0.1.0 database may hold ids of an earlier invite system.
    DROP CONSTRAINT vendor_customer_invite_id_fkey,
    ADD CONSTRAINT vendor_customer_invite_id_fkey FOREIGN KEY (tenant_id, invite_id)
        REFERENCES @extschema@.invite_token (tenant_id, id) ON DELETE SET NULL (invite_id) NOT VALID,
    -- One row per pair, and the key carries the tenant (vendor and customer first: the
    -- lookups by pair keep their index).
    DROP CONSTRAINT vendor_customer_pkey,
    ADD CONSTRAINT vendor_customer_pkey PRIMARY KEY (vendor_id, customer_id, tenant_id);

DO $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT k.conrelid::pg_catalog.regclass AS tbl, k.conname
               FROM pg_catalog.pg_constraint k
              WHERE k.connamespace = '@extschema@'::pg_catalog.regnamespace AND k.contype = 'f'
                AND NOT k.convalidated AND k.conname <> 'vendor_customer_invite_id_fkey'
              ORDER BY k.conname LOOP
        BEGIN
            EXECUTE pg_catalog.format('ALTER TABLE %s VALIDATE CONSTRAINT %I', c.tbl, c.conname);
        EXCEPTION WHEN foreign_key_violation THEN
            RAISE WARNING 'customer_identity 0.6.0: %.% stays NOT VALID: rows written before 0.6.0 point at another tenant''s rows (new writes are checked)',
                c.tbl, c.conname
                USING HINT = 'SELECT * FROM customer_identity.check_integrity() lists them; fix them, then ALTER TABLE ... VALIDATE CONSTRAINT.';
        END;
    END LOOP;
END $$;

------------------------------------------------------------------------------
-- Erasure: the right to be forgotten (src/erasure.cpp)
------------------------------------------------------------------------------
-- The text with every personal value in it replaced; NULL stays NULL.  (erase_customer
-- passes values of four characters or more: shorter ones cannot be told from other words.)
CREATE FUNCTION @extschema@.erased_text(value text, personal text[]) RETURNS text
    LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    p text;
    found integer;
    start integer;
BEGIN
    IF value IS NULL THEN
        RETURN NULL;
    END IF;
    IF lower(value) = ANY (SELECT lower(x) FROM unnest(personal) x) THEN
        RETURN '***';
    END IF;
    -- Case-insensitive, and no regular expression: a value is text, never a pattern.  The
    -- mark, three characters, cannot hold a value (four or more), nor meet it again.
    FOREACH p IN ARRAY personal LOOP
        start := 1;
        LOOP
            found := strpos(substr(lower(value), start), lower(p));
            EXIT WHEN found = 0;
            found := found + start - 1;
            value := overlay(value PLACING '***' FROM found FOR length(p));
            start := found + 3;
        END LOOP;
    END LOOP;
    RETURN value;
END $$;

-- The jsonb value with every personal value taken out: a string that is one becomes null,
-- a string that contains one has it replaced by ***, an object key that is one goes, and a
-- snapshot of one of the erased customers (merge events record whole rows) keeps its ids
-- and structure but loses its personal columns.  Values under id keys are kept.
CREATE FUNCTION @extschema@.erased_jsonb(value jsonb, personal text[], erased_ids text[]) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s text;
BEGIN
    CASE jsonb_typeof(value)
    WHEN 'object' THEN
        IF value ? 'id' AND value ? 'email_normalized' AND (value->>'id') = ANY (erased_ids) THEN
            value := value || jsonb_build_object(
                'name', NULL, 'email', NULL, 'email_normalized', NULL, 'phone', NULL,
                'phone_normalized', NULL, 'external_customer_id', NULL, 'user_id', NULL,
                'metadata', '{}'::jsonb, 'email_verified_at', NULL, 'phone_verified_at', NULL);
        END IF;
        -- Ids are structure, not personal data: a value under "id", "…_id" or "customer_ref"
        -- stays even if it happens to equal one of the person's values (a numeric user id).
        RETURN COALESCE((SELECT jsonb_object_agg(k, CASE
                                    WHEN k = 'id' OR k = 'customer_ref' OR (k LIKE '%\_id'
                                         AND k NOT IN ('external_customer_id', 'user_id')) THEN v
                                    ELSE @extschema@.erased_jsonb(v, personal, erased_ids) END)
                           FROM jsonb_each(value) AS e(k, v)
                          WHERE NOT lower(k) = ANY (SELECT lower(x) FROM unnest(personal) x)),
                        '{}'::jsonb);
    WHEN 'array' THEN
        RETURN COALESCE((SELECT jsonb_agg(@extschema@.erased_jsonb(v, personal, erased_ids) ORDER BY n)
                           FROM jsonb_array_elements(value) WITH ORDINALITY AS a(v, n)),
                        '[]'::jsonb);
    WHEN 'string' THEN
        s := value #>> '{}';
        IF lower(s) = ANY (SELECT lower(x) FROM unnest(personal) x) THEN
            RETURN 'null'::jsonb;
        END IF;
        RETURN to_jsonb(@extschema@.erased_text(s, personal));
    WHEN 'number' THEN
        IF value::text = ANY (personal) THEN
            RETURN 'null'::jsonb;
        END IF;
        RETURN value;
    ELSE
        RETURN value;
    END CASE;
END $$;
REVOKE ALL ON FUNCTION @extschema@.erased_text(text, text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION @extschema@.erased_jsonb(jsonb, text[], text[]) FROM PUBLIC;

CREATE FUNCTION @extschema@.erase_customer(customer_id bigint) RETURNS bigint[]
    AS 'MODULE_PATHNAME', 'ci_erase_customer'
    LANGUAGE C VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
REVOKE ALL ON FUNCTION @extschema@.erase_customer(bigint) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.erase_customer(bigint) IS
    'erases a person: the personal data of the customer and of every customer merged with it, from their rows, the audit payloads, the review queue and the blocked values; ids, links, clientele and merge history stay; returns the ids erased';

CREATE OR REPLACE FUNCTION @extschema@.grant_application_role(app regrole) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF app IS NULL THEN
        RAISE EXCEPTION 'app must not be null' USING ERRCODE = '22004';
    END IF;
    -- regrole prints as a quoted identifier: nothing reaches the statements unquoted.
    EXECUTE pg_catalog.format('GRANT USAGE ON SCHEMA %I TO %s', '@extschema@', app);
    EXECUTE pg_catalog.format(
        'GRANT EXECUTE ON FUNCTION %1$I.resolve_customer_identity(text, text, text, bigint, text, text, text, boolean, text, boolean, boolean),'
        ' %1$I.link_vendor_to_customer(bigint, bigint), %1$I.unlink_vendor_from_customer(bigint),'
        ' %1$I.upgrade_customer_to_vendor(bigint, text), %1$I.vendor_for_customer(bigint),'
        ' %1$I.create_invite_token(bigint, interval, integer), %1$I.redeem_invite_token(text, bigint),'
        ' %1$I.revoke_invite_token(text), %1$I.rotate_invite_token(text), %1$I.pending_invites(bigint),'
        ' %1$I.merge_customers(bigint, bigint), %1$I.unmerge_customer(bigint),'
        ' %1$I.trust_policy(text), %1$I.is_blocked_identifier(text, text, text),'
        ' %1$I.current_tenant(), %1$I.erase_customer(bigint) TO %2$s', '@extschema@', app);
    -- Customers and vendors are written directly too (ORMs, registration forms); the
    -- triggers hold the rules for those writes, vendor.customer_id included (CI006).
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE ON %1$I.customer, %1$I.vendor TO %2$s',
                              '@extschema@', app);
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, DELETE ON %I.vendor_customer TO %s', '@extschema@', app);
    -- The audit trail is read-only for the application; invite tokens, claims, policies
    -- and blocked values are reached through the functions only.
    EXECUTE pg_catalog.format('GRANT SELECT ON %I.identity_event TO %s', '@extschema@', app);
END $$;

-- upgrade-only-begin
-- Roles granted before 0.6.0 do not get erase_customer by themselves: erasing is a new power.
DO $$
DECLARE
    roles text;
BEGIN
    SELECT string_agg(DISTINCT a.grantee::pg_catalog.regrole::text, ', ') INTO roles
      FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a
     WHERE c.oid OPERATOR(pg_catalog.=) '@extschema@.customer'::pg_catalog.regclass
       AND a.grantee OPERATOR(pg_catalog.<>) 0 AND a.grantee OPERATOR(pg_catalog.<>) c.relowner;
    IF roles IS NOT NULL THEN
        RAISE WARNING 'customer_identity 0.6.0: roles granted before this update (%) cannot call erase_customer yet', roles
            USING HINT = 'SELECT customer_identity.grant_application_role(''<role>'') grants it; see README "Erasure".';
    END IF;
END $$;
-- upgrade-only-end
