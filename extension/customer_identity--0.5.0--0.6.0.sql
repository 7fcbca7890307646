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
