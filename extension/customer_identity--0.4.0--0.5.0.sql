-- customer_identity 0.4.0 -> 0.5.0: trust.  Strong identifiers (external_customer_id,
-- user_id) prove who someone is; weak ones (email, phone) only suggest it until verified.
-- A fresh install of 0.5.0 runs this script too (customer_identity--0.5.0.sql is built from
-- the chain, see CMakeLists.txt), followed by fresh_install.sql, which makes it `verified`.
\echo Use "ALTER EXTENSION customer_identity UPDATE" to load this file. \quit

------------------------------------------------------------------------------
-- Verification: the application records when the person confirmed the email or phone
------------------------------------------------------------------------------
ALTER TABLE @extschema@.customer
    ADD COLUMN email_verified_at timestamptz,
    ADD COLUMN phone_verified_at timestamptz;
COMMENT ON COLUMN @extschema@.customer.email_verified_at IS
    'when the person confirmed this email (set by the application); cleared when the email changes';
COMMENT ON COLUMN @extschema@.customer.phone_verified_at IS
    'when the person confirmed this phone (set by the application); cleared when the phone changes';

------------------------------------------------------------------------------
-- The trust policy, per tenant
------------------------------------------------------------------------------
-- The row with tenant_id NULL holds the default of every tenant without a row of its own;
-- with no such row the default is `verified` with the built-in blocked values.  Every row is
-- data the owner wrote (or this update, for a 0.4.0 database): pg_dump dumps them all.
CREATE TABLE @extschema@.trust_policy (
    tenant_id         text,
    policy            text NOT NULL CHECK (policy IN ('trusting', 'verified')),
    builtin_blocklist boolean NOT NULL,
    set_by            text NOT NULL DEFAULT @extschema@.caller(),
    set_at            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT trust_policy_tenant_key UNIQUE NULLS NOT DISTINCT (tenant_id)
);
COMMENT ON TABLE @extschema@.trust_policy IS
    'per tenant: trusting (weak identifiers act as proof) or verified (only verified ones do), and whether the built-in blocked values apply; tenant_id NULL is the default';
-- An upgraded database keeps resolving as 0.4.0 did.  fresh_install.sql removes this row.
INSERT INTO @extschema@.trust_policy (tenant_id, policy, builtin_blocklist)
    VALUES (NULL, 'trusting', false);

------------------------------------------------------------------------------
-- The review queue: unverified claims on someone else's identifier
------------------------------------------------------------------------------
CREATE TABLE @extschema@.identity_claim (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id          text NOT NULL,
    status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
    kind               text NOT NULL CHECK (kind IN ('resolve', 'registration')),
    identifier         text NOT NULL CHECK (identifier IN ('email', 'phone')),
    value              text NOT NULL,
    customer_id        bigint,
    vendor_id          bigint,
    proposal           jsonb NOT NULL,
    via                text NOT NULL,
    claimed_by         text NOT NULL DEFAULT @extschema@.caller(),
    created_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    decided_by         text,
    decided_at         timestamptz,
    decision_note      text,
    result_customer_id bigint,
    CONSTRAINT identity_claim_decided CHECK ((status = 'open') = (decided_at IS NULL))
);
COMMENT ON TABLE @extschema@.identity_claim IS
    'claims through an unverified email or phone that the verified policy did not carry out; the owner accepts or rejects them';
COMMENT ON COLUMN @extschema@.identity_claim.value IS 'the normalized identifier value the claim rests on';
COMMENT ON COLUMN @extschema@.identity_claim.proposal IS
    'what accepting carries out: the call''s inputs (resolve) or the invite and customer (registration)';
-- The same claim made again while open is the same row.
CREATE UNIQUE INDEX identity_claim_open_key ON @extschema@.identity_claim
    (tenant_id, kind, pg_catalog.md5(proposal::pg_catalog.text)) WHERE status = 'open';
CREATE INDEX identity_claim_tenant_status_idx ON @extschema@.identity_claim (tenant_id, status, id);

------------------------------------------------------------------------------
-- Blocked identifier values: they never identify anyone
------------------------------------------------------------------------------
CREATE TABLE @extschema@.blocked_identifier (
    tenant_id  text NOT NULL,
    identifier text NOT NULL CHECK (identifier IN ('email', 'phone')),
    value      text NOT NULL,
    reason     text,
    blocked_by text NOT NULL DEFAULT @extschema@.caller(),
    blocked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, identifier, value)
);
COMMENT ON TABLE @extschema@.blocked_identifier IS
    'normalized email and phone values that never match, conflict or join customers in this tenant';

------------------------------------------------------------------------------
-- Tenant binding: a role acts in one tenant whatever it sets
------------------------------------------------------------------------------
CREATE TABLE @extschema@.tenant_binding (
    role_id    regrole PRIMARY KEY,
    tenant_id  text NOT NULL,
    bound_by   text NOT NULL DEFAULT @extschema@.caller(),
    bound_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE @extschema@.tenant_binding IS
    'roles bound to one tenant (bind_role_to_tenant): customer_identity.tenant cannot take them elsewhere';

-- Every backend caches these tables (src/settings_cache.hpp); any change to them, by the
-- functions or by hand, tells every backend to read them again.
CREATE FUNCTION @extschema@.settings_changed() RETURNS trigger
    AS 'MODULE_PATHNAME', 'ci_settings_changed' LANGUAGE C;
REVOKE ALL ON FUNCTION @extschema@.settings_changed() FROM PUBLIC;
CREATE TRIGGER settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.trust_policy
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.settings_changed();
CREATE TRIGGER settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.blocked_identifier
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.settings_changed();
CREATE TRIGGER settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.tenant_binding
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.settings_changed();
-- (A restore loads these tables with triggers off, into a database no backend has cached.)

SELECT pg_catalog.pg_extension_config_dump('@extschema@.trust_policy', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.identity_claim', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.blocked_identifier', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.tenant_binding', '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('@extschema@.identity_claim', 'id'), '');

------------------------------------------------------------------------------
-- The tenant a connection acts in: its binding, else customer_identity.tenant
------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.current_tenant() RETURNS text
    AS 'MODULE_PATHNAME', 'ci_current_tenant' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.current_tenant() IS
    'the tenant of this connection: the tenant its role (or session role) is bound to, else the setting customer_identity.tenant';
REVOKE ALL ON FUNCTION @extschema@.current_tenant() FROM PUBLIC;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['customer', 'vendor', 'vendor_customer', 'invite_token', 'identity_event'] LOOP
        EXECUTE pg_catalog.format(
            'ALTER POLICY tenant_isolation ON %I.%I USING (tenant_id OPERATOR(pg_catalog.=) %I.current_tenant())',
            '@extschema@', t, '@extschema@');
    END LOOP;
END $$;
CREATE POLICY tenant_isolation ON @extschema@.identity_claim
    USING (tenant_id OPERATOR(pg_catalog.=) @extschema@.current_tenant());
CREATE POLICY tenant_isolation ON @extschema@.blocked_identifier
    USING (tenant_id OPERATOR(pg_catalog.=) @extschema@.current_tenant());

CREATE OR REPLACE FUNCTION @extschema@.set_tenant_isolation(enabled boolean) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t text;
BEGIN
    IF enabled IS NULL THEN
        RAISE EXCEPTION 'enabled must not be null' USING ERRCODE = '22004';
    END IF;
    IF NOT enabled AND EXISTS (SELECT 1 FROM @extschema@.tenant_binding) THEN
        RAISE EXCEPTION 'tenant isolation cannot be turned off while roles are bound to tenants'
            USING ERRCODE = '55000', HINT = 'Unbind them first with unbind_role_from_tenant.';
    END IF;
    FOREACH t IN ARRAY ARRAY['customer', 'vendor', 'vendor_customer', 'invite_token', 'identity_event',
                             'identity_claim', 'blocked_identifier'] LOOP
        EXECUTE pg_catalog.format('ALTER TABLE %I.%I %s ROW LEVEL SECURITY', '@extschema@', t,
                                  CASE WHEN enabled THEN 'ENABLE' ELSE 'DISABLE' END);
    END LOOP;
END $$;

-- Isolation that was on stays on, for the new tables too.
DO $$
BEGIN
    IF (SELECT c.relrowsecurity FROM pg_catalog.pg_class c
         WHERE c.oid OPERATOR(pg_catalog.=) '@extschema@.customer'::pg_catalog.regclass) THEN
        PERFORM @extschema@.set_tenant_isolation(true);
    END IF;
END $$;

CREATE FUNCTION @extschema@.bind_role_to_tenant(role_id regrole, tenant_id text) RETURNS void
    AS 'MODULE_PATHNAME', 'ci_bind_role_to_tenant' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.bind_role_to_tenant(regrole, text) IS
    'binds the role to one tenant for good (turns tenant isolation on): whatever it sets, it sees and changes only that tenant';
CREATE FUNCTION @extschema@.unbind_role_from_tenant(role_id regrole) RETURNS void
    AS 'MODULE_PATHNAME', 'ci_unbind_role_from_tenant' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.unbind_role_from_tenant(regrole) IS
    'removes the role''s tenant binding; it acts in the tenant customer_identity.tenant names again';

------------------------------------------------------------------------------
-- Policy, blocked values and the review queue: owner functions
------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.set_trust_policy(policy text, tenant_id text DEFAULT NULL) RETURNS void
    AS 'MODULE_PATHNAME', 'ci_set_trust_policy' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.set_trust_policy(text, text) IS
    'trusting or verified, for one tenant (or, with tenant_id NULL, for every tenant without a policy of its own)';
CREATE FUNCTION @extschema@.set_builtin_blocklist(enabled boolean, tenant_id text DEFAULT NULL) RETURNS void
    AS 'MODULE_PATHNAME', 'ci_set_builtin_blocklist' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.set_builtin_blocklist(boolean, text) IS
    'whether the built-in blocked values (test@test.com, noreply@..., 0000000, ...) apply to the tenant (or, with tenant_id NULL, by default)';
CREATE FUNCTION @extschema@.trust_policy(tenant_id text DEFAULT 'default') RETURNS text
    AS 'MODULE_PATHNAME', 'ci_trust_policy' LANGUAGE C STABLE;
COMMENT ON FUNCTION @extschema@.trust_policy(text) IS 'the trust policy in force for the tenant';

CREATE FUNCTION @extschema@.block_identifier(tenant_id text, identifier text, value text,
                                             reason text DEFAULT NULL) RETURNS void
    AS 'MODULE_PATHNAME', 'ci_block_identifier' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.block_identifier(text, text, text, text) IS
    'adds an email or phone value to the tenant''s blocked values; customers and vendors carrying it stop being identified by it';
CREATE FUNCTION @extschema@.unblock_identifier(tenant_id text, identifier text, value text) RETURNS void
    AS 'MODULE_PATHNAME', 'ci_unblock_identifier' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.unblock_identifier(text, text, text) IS
    'removes a value from the tenant''s blocked values (rows written meanwhile keep no normalized value until rewritten or reconciled)';
CREATE FUNCTION @extschema@.is_blocked_identifier(tenant_id text, identifier text, value text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'ci_is_blocked_identifier' LANGUAGE C STABLE;
COMMENT ON FUNCTION @extschema@.is_blocked_identifier(text, text, text) IS
    'is this email or phone blocked in the tenant (its own list, or the built-in one where it applies)?';

CREATE FUNCTION @extschema@.list_claims(tenant_id text DEFAULT NULL, status text DEFAULT 'open')
RETURNS SETOF @extschema@.identity_claim
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT c.* FROM @extschema@.identity_claim c
     WHERE ($1 IS NULL OR c.tenant_id OPERATOR(pg_catalog.=) $1)
       AND ($2 IS NULL OR c.status OPERATOR(pg_catalog.=) $2)
     ORDER BY c.id
$$;
COMMENT ON FUNCTION @extschema@.list_claims(text, text) IS
    'the review queue: claims (open by default) with who claimed which identifier of which customer or vendor, when, through which call';
CREATE FUNCTION @extschema@.accept_claim(claim_id bigint, note text DEFAULT NULL)
RETURNS TABLE (customer_id bigint, vendor_id bigint, method text, created boolean)
    AS 'MODULE_PATHNAME', 'ci_accept_claim' LANGUAGE C VOLATILE ROWS 1;
COMMENT ON FUNCTION @extschema@.accept_claim(bigint, text) IS
    'carries out an open claim as if its identifier were verified (the link, enrichment or enrollment it proposed) and records the reviewer';
CREATE FUNCTION @extschema@.reject_claim(claim_id bigint, note text DEFAULT NULL) RETURNS void
    AS 'MODULE_PATHNAME', 'ci_reject_claim' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.reject_claim(bigint, text) IS 'closes an open claim without carrying it out';

------------------------------------------------------------------------------
-- check_integrity: every rule of the contract, checked over the stored rows
------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.derived_identifier(tenant_id text, kind text, value text) RETURNS text
    AS 'MODULE_PATHNAME', 'ci_derived_identifier' LANGUAGE C STABLE;
COMMENT ON FUNCTION @extschema@.derived_identifier(text, text, text) IS
    'the normalized email or phone the triggers derive from a raw value: NULL when malformed or blocked in the tenant';

CREATE FUNCTION @extschema@.check_integrity(tenant_id text DEFAULT NULL)
RETURNS TABLE (invariant text, tenant_id text, subject text, detail text)
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    WITH RECURSIVE c AS (SELECT * FROM @extschema@.customer x WHERE $1 IS NULL OR x.tenant_id OPERATOR(pg_catalog.=) $1),
         v AS (SELECT * FROM @extschema@.vendor x WHERE $1 IS NULL OR x.tenant_id OPERATOR(pg_catalog.=) $1),
         vc AS (SELECT * FROM @extschema@.vendor_customer x WHERE $1 IS NULL OR x.tenant_id OPERATOR(pg_catalog.=) $1),
         k AS (SELECT * FROM @extschema@.invite_token x WHERE $1 IS NULL OR x.tenant_id OPERATOR(pg_catalog.=) $1),
         chain (tenant_id, start_id, id, path) AS (
             SELECT c.tenant_id, c.id, c.merged_into, ARRAY[c.id] FROM c WHERE c.merged_into IS NOT NULL
             UNION ALL
             SELECT ch.tenant_id, ch.start_id, n.merged_into, ch.path OPERATOR(pg_catalog.||) n.id
               FROM chain ch JOIN @extschema@.customer n ON n.id OPERATOR(pg_catalog.=) ch.id
              WHERE n.merged_into IS NOT NULL AND NOT n.id OPERATOR(pg_catalog.=) ANY (ch.path))
    -- identifiers: unique among a tenant's active customers; normalized columns as derived
    SELECT 'duplicate active identifier', c.tenant_id, 'customers ' || pg_catalog.array_to_string(pg_catalog.array_agg(c.id ORDER BY c.id), ', '),
           i.name || ' ' || i.value
      FROM c, LATERAL (VALUES ('external_customer_id', c.external_customer_id), ('user_id', c.user_id),
                              ('email', c.email_normalized), ('phone', c.phone_normalized)) AS i(name, value)
     WHERE c.archived_at IS NULL AND i.value IS NOT NULL
     GROUP BY c.tenant_id, i.name, i.value HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 1
    UNION ALL
    SELECT 'stale normalized ' || i.name, c.tenant_id, 'customer ' || c.id,
           COALESCE(i.stored, 'NULL') || ' / derived ' || COALESCE(i.derived, 'NULL')
      FROM c, LATERAL (VALUES ('email', c.email_normalized, @extschema@.derived_identifier(c.tenant_id, 'email', c.email)),
                              ('phone', c.phone_normalized, @extschema@.derived_identifier(c.tenant_id, 'phone', c.phone)))
                      AS i(name, stored, derived)
     WHERE i.stored IS DISTINCT FROM i.derived
    UNION ALL
    SELECT 'stale normalized contact email', v.tenant_id, 'vendor ' || v.id,
           COALESCE(v.primary_contact_email_normalized, 'NULL')
      FROM v WHERE v.primary_contact_email_normalized IS DISTINCT FROM
                   @extschema@.derived_identifier(v.tenant_id, 'email', v.primary_contact_email)
    -- customers well-formed
    UNION ALL
    SELECT 'customer with an unknown or NULL role', c.tenant_id, 'customer ' || c.id, c.roles::text
      FROM c WHERE NOT c.roles OPERATOR(pg_catalog.<@) ARRAY['customer', 'vendor', 'wholesale', 'retail']
                OR pg_catalog.array_position(c.roles, NULL) IS NOT NULL
    UNION ALL
    SELECT 'customer with a blank tenant or identifier', c.tenant_id, 'customer ' || c.id, NULL
      FROM c WHERE pg_catalog.btrim(c.tenant_id) OPERATOR(pg_catalog.=) '' OR pg_catalog.btrim(c.external_customer_id) OPERATOR(pg_catalog.=) ''
                OR pg_catalog.btrim(c.user_id) OPERATOR(pg_catalog.=) ''
    UNION ALL
    SELECT 'customer metadata keeps an invite token', c.tenant_id, 'customer ' || c.id, NULL
      FROM c WHERE c.metadata OPERATOR(pg_catalog.?) 'invite_token'
    -- merges: archived, same tenant, chains end at an active customer
    UNION ALL
    SELECT 'merged_into without archived_at', c.tenant_id, 'customer ' || c.id, 'merged into ' || c.merged_into
      FROM c WHERE c.merged_into IS NOT NULL AND c.archived_at IS NULL
    UNION ALL
    SELECT 'merged into a customer of another tenant or a missing one', c.tenant_id, 'customer ' || c.id,
           'merged into ' || c.merged_into || COALESCE(' of tenant ' || m.tenant_id, ' (missing)')
      FROM c LEFT JOIN @extschema@.customer m ON m.id OPERATOR(pg_catalog.=) c.merged_into
     WHERE c.merged_into IS NOT NULL AND (m.id IS NULL OR m.tenant_id OPERATOR(pg_catalog.<>) c.tenant_id)
    UNION ALL
    SELECT 'merged_into cycle', ch.tenant_id, 'customer ' || ch.start_id, ch.path::text
      FROM chain ch WHERE ch.id OPERATOR(pg_catalog.=) ANY (ch.path)
    UNION ALL
    SELECT 'merged_into chain ends at an archived customer', ch.tenant_id, 'customer ' || ch.start_id,
           (ch.path OPERATOR(pg_catalog.||) ch.id)::text
      FROM chain ch JOIN @extschema@.customer e ON e.id OPERATOR(pg_catalog.=) ch.id
     WHERE e.merged_into IS NULL AND e.archived_at IS NOT NULL
    -- vendor links
    UNION ALL
    SELECT 'vendor linked to an archived, missing or other tenant''s customer', v.tenant_id, 'vendor ' || v.id,
           'customer ' || v.customer_id || COALESCE(' of tenant ' || l.tenant_id, ' (missing)')
      FROM v LEFT JOIN @extschema@.customer l ON l.id OPERATOR(pg_catalog.=) v.customer_id
     WHERE v.customer_id IS NOT NULL
       AND (l.id IS NULL OR l.archived_at IS NOT NULL OR l.tenant_id OPERATOR(pg_catalog.<>) v.tenant_id)
    UNION ALL
    SELECT 'vendor linked to a customer without role vendor', v.tenant_id, 'vendor ' || v.id, 'customer ' || l.id
      FROM v JOIN @extschema@.customer l ON l.id OPERATOR(pg_catalog.=) v.customer_id
     WHERE NOT 'vendor' OPERATOR(pg_catalog.=) ANY (l.roles)
    UNION ALL
    SELECT 'linked vendor and customer with different emails', v.tenant_id, 'vendor ' || v.id,
           'customer ' || l.id || ': ' || v.primary_contact_email_normalized || ' / ' || l.email_normalized
      FROM v JOIN @extschema@.customer l ON l.id OPERATOR(pg_catalog.=) v.customer_id
     WHERE v.primary_contact_email_normalized OPERATOR(pg_catalog.<>) l.email_normalized
    UNION ALL
    SELECT 'active customer with role vendor and no vendor', c.tenant_id, 'customer ' || c.id, NULL
      FROM c WHERE c.archived_at IS NULL AND 'vendor' OPERATOR(pg_catalog.=) ANY (c.roles)
       AND NOT EXISTS (SELECT 1 FROM @extschema@.vendor w WHERE w.customer_id OPERATOR(pg_catalog.=) c.id)
    -- clientele and invites: same tenant as what they point at
    UNION ALL
    SELECT 'clientele row across tenants or of an archived customer', vc.tenant_id,
           'vendor ' || vc.vendor_id || ', customer ' || vc.customer_id,
           'vendor of ' || w.tenant_id || ', customer of ' || n.tenant_id || COALESCE(', archived ' || n.archived_at, '')
      FROM vc JOIN @extschema@.vendor w ON w.id OPERATOR(pg_catalog.=) vc.vendor_id
              JOIN @extschema@.customer n ON n.id OPERATOR(pg_catalog.=) vc.customer_id
     WHERE vc.tenant_id OPERATOR(pg_catalog.<>) w.tenant_id OR vc.tenant_id OPERATOR(pg_catalog.<>) n.tenant_id
        OR n.archived_at IS NOT NULL
    UNION ALL
    SELECT 'clientele row from an invite of another vendor or tenant', vc.tenant_id,
           'vendor ' || vc.vendor_id || ', customer ' || vc.customer_id, 'invite ' || COALESCE(vc.invite_id::text, 'NULL')
      FROM vc LEFT JOIN @extschema@.invite_token t ON t.id OPERATOR(pg_catalog.=) vc.invite_id
     WHERE (vc.source OPERATOR(pg_catalog.=) 'invite' AND vc.invite_id IS NULL)
        OR t.vendor_id OPERATOR(pg_catalog.<>) vc.vendor_id OR t.tenant_id OPERATOR(pg_catalog.<>) vc.tenant_id
    UNION ALL
    SELECT 'invite token of another tenant than its vendor', k.tenant_id, 'invite ' || k.id, 'vendor of ' || w.tenant_id
      FROM k JOIN @extschema@.vendor w ON w.id OPERATOR(pg_catalog.=) k.vendor_id
     WHERE k.tenant_id OPERATOR(pg_catalog.<>) w.tenant_id
    UNION ALL
    SELECT 'invite token used beyond max_uses, or with more clientele rows than uses', k.tenant_id, 'invite ' || k.id,
           k.use_count || ' uses of ' || COALESCE(k.max_uses::text, 'unlimited') || ', ' ||
           (SELECT pg_catalog.count(*) FROM @extschema@.vendor_customer u WHERE u.invite_id OPERATOR(pg_catalog.=) k.id) || ' rows'
      FROM k WHERE (k.max_uses IS NOT NULL AND k.use_count OPERATOR(pg_catalog.>) k.max_uses)
                OR (SELECT pg_catalog.count(*) FROM @extschema@.vendor_customer u WHERE u.invite_id OPERATOR(pg_catalog.=) k.id)
                   OPERATOR(pg_catalog.>) k.use_count
    UNION ALL
    SELECT 'invite token hash is not a SHA-256', k.tenant_id, 'invite ' || k.id, pg_catalog.octet_length(k.token_hash)::text
      FROM k WHERE pg_catalog.octet_length(k.token_hash) OPERATOR(pg_catalog.<>) 32
    UNION ALL
    SELECT 'audit detail holds something like an invite token', e.tenant_id, 'event ' || e.id, NULL
      FROM @extschema@.identity_event e
     WHERE ($1 IS NULL OR e.tenant_id OPERATOR(pg_catalog.=) $1) AND e.detail::text OPERATOR(pg_catalog.~) 'cit_[A-Za-z0-9_-]{20,}'
$$;
COMMENT ON FUNCTION @extschema@.check_integrity(text) IS
    'every rule of the contract over the stored rows (one tenant or all): one row per violation, none when all hold; run it after a restore and in monitoring';

------------------------------------------------------------------------------
-- resolve_customer_identity: the call says which weak identifiers it verified
------------------------------------------------------------------------------
-- The signature changes (two arguments, one result column), so the function is replaced;
-- the roles that could execute it keep that right.
CREATE TEMPORARY TABLE ci_resolve_grantees ON COMMIT DROP AS
    SELECT a.grantee::pg_catalog.regrole AS grantee
      FROM pg_catalog.pg_proc p, pg_catalog.aclexplode(p.proacl) a
     WHERE p.oid OPERATOR(pg_catalog.=)
           '@extschema@.resolve_customer_identity(text, text, text, bigint, text, text, text, boolean, text)'::pg_catalog.regprocedure
       AND a.privilege_type OPERATOR(pg_catalog.=) 'EXECUTE'
       AND a.grantee OPERATOR(pg_catalog.<>) 0
       AND a.grantee OPERATOR(pg_catalog.<>) p.proowner;
DROP FUNCTION @extschema@.resolve_customer_identity(text, text, text, bigint, text, text, text, boolean, text);
CREATE FUNCTION @extschema@.resolve_customer_identity(
    tenant_id            text    DEFAULT 'default',
    external_customer_id text    DEFAULT NULL,
    email                text    DEFAULT NULL,
    customer_ref         bigint  DEFAULT NULL,
    user_id              text    DEFAULT NULL,
    phone                text    DEFAULT NULL,
    name                 text    DEFAULT NULL,
    create_missing       boolean DEFAULT true,
    on_conflict          text    DEFAULT 'raise',
    email_verified       boolean DEFAULT false,
    phone_verified       boolean DEFAULT false)
RETURNS TABLE (customer_id bigint, vendor_id bigint, method text, created boolean, claim_id bigint)
    AS 'MODULE_PATHNAME', 'ci_resolve_customer_identity'
    LANGUAGE C VOLATILE ROWS 1;
COMMENT ON FUNCTION @extschema@.resolve_customer_identity(text, text, text, bigint, text, text, text, boolean, text, boolean, boolean) IS
    'finds (or creates) the one active customer the identifiers point at: external id, user id, email (vendor first), phone, explicit ref; under the verified policy an unverified email or phone match that would write becomes a claim';
DO $$
DECLARE
    g pg_catalog.regrole;
BEGIN
    FOR g IN SELECT grantee FROM pg_temp.ci_resolve_grantees LOOP
        EXECUTE pg_catalog.format('GRANT EXECUTE ON FUNCTION %I.resolve_customer_identity('
                                  'text, text, text, bigint, text, text, text, boolean, text, boolean, boolean) TO %s',
                                  '@extschema@', g);
    END LOOP;
END $$;
DROP TABLE pg_temp.ci_resolve_grantees;

------------------------------------------------------------------------------
-- Every function runs as the owner with a pinned search_path, and PUBLIC executes none
------------------------------------------------------------------------------
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
          JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass
                                     AND d.objid = p.oid AND d.deptype = 'e'
          JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'customer_identity'
         WHERE p.proname IN ('resolve_customer_identity', 'bind_role_to_tenant', 'unbind_role_from_tenant',
                             'set_trust_policy', 'set_builtin_blocklist', 'trust_policy',
                             'block_identifier', 'unblock_identifier', 'is_blocked_identifier',
                             'list_claims', 'accept_claim', 'reject_claim', 'check_integrity',
                             'derived_identifier')
    LOOP
        EXECUTE pg_catalog.format(
            'ALTER FUNCTION %s SECURITY DEFINER SET search_path = pg_catalog, pg_temp', f);
        EXECUTE pg_catalog.format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END $$;
-- caller() names the role behind a SECURITY DEFINER call: only the extension's functions and
-- column defaults need it.
REVOKE ALL ON FUNCTION @extschema@.caller() FROM PUBLIC;

------------------------------------------------------------------------------
-- The application role: the new arguments, the trust functions it may call
------------------------------------------------------------------------------
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
        ' %1$I.current_tenant() TO %2$s', '@extschema@', app);
    -- Customers and vendors are written directly too (ORMs, registration forms); the
    -- triggers hold the rules for those writes, vendor.customer_id included (CI006).
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE ON %1$I.customer, %1$I.vendor TO %2$s',
                              '@extschema@', app);
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, DELETE ON %I.vendor_customer TO %s', '@extschema@', app);
    -- The audit trail is read-only for the application; invite tokens, claims, policies
    -- and blocked values are reached through the functions only.
    EXECUTE pg_catalog.format('GRANT SELECT ON %I.identity_event TO %s', '@extschema@', app);
END $$;

-- Roles granted under 0.4.0 keep working: row-level security now calls current_tenant().
DO $$
DECLARE
    g pg_catalog.regrole;
BEGIN
    FOR g IN SELECT DISTINCT a.grantee::pg_catalog.regrole
               FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a
              WHERE c.oid OPERATOR(pg_catalog.=) '@extschema@.customer'::pg_catalog.regclass
                AND a.grantee OPERATOR(pg_catalog.<>) 0 AND a.grantee OPERATOR(pg_catalog.<>) c.relowner LOOP
        EXECUTE pg_catalog.format('GRANT EXECUTE ON FUNCTION %I.current_tenant(), %I.trust_policy(text),'
                                  ' %I.is_blocked_identifier(text, text, text) TO %s',
                                  '@extschema@', '@extschema@', '@extschema@', g);
    END LOOP;
END $$;

-- upgrade-only-begin
-- (A WARNING: extension scripts run with client_min_messages at WARNING or above.)
DO $$
BEGIN
    RAISE WARNING 'customer_identity 0.5.0: this database keeps the trusting policy of 0.4.0 (email and phone matches link, enrich and enroll as before)'
        USING HINT = 'SELECT customer_identity.set_trust_policy(''verified'') makes unverified email and phone matches claims for review; see README "Trust".';
END $$;
-- upgrade-only-end
