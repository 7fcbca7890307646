-- customer_identity 0.9.0 -> 0.10.0: the third hostile-application review (README
-- "Security").  A fresh install of 0.10.0 runs this script too (CMakeLists.txt).
\echo Use "ALTER EXTENSION customer_identity UPDATE TO '0.10.0'" to load this file. \quit

------------------------------------------------------------------------------
-- Bounded locks across tenants and paths
------------------------------------------------------------------------------
-- One transaction's identity locks are counted across every tenant and every path
-- (resolve, import, merge, unmerge, erasure, enrichment), and the tenants it writes are
-- bounded too (54000 past that): src/store/identity_lock.hpp.  What the bounds are on this server:
CREATE FUNCTION @extschema@.lock_budget(OUT identity_locks integer, OUT tenants integer)
    AS 'MODULE_PATHNAME', 'ci_lock_budget' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION @extschema@.lock_budget() IS
    'the shared lock table entries one transaction may hold through the extension: identity locks before its tenant escalates to one tenant-wide lock, and tenants written before it fails (54000)';

------------------------------------------------------------------------------
-- Erasure: every value a person ever had; bounded metadata
------------------------------------------------------------------------------
-- (src/operations/erasure.cpp collects the values a person ever had: the rows', what the events about
-- them recorded of them, their claims', their linked vendor's contact email.)

-- Erasure's payload helpers keep the rules of 0.7.0 and walk without recursion
-- (src/pg/jsonb_walk.cpp): a payload nested deeper than the stack allows no longer stops every
-- erasure of its tenant.
CREATE OR REPLACE FUNCTION @extschema@.erased_jsonb(value jsonb, personal text[], erased_ids text[], whole text[])
    RETURNS jsonb AS 'MODULE_PATHNAME', 'ci_erased_jsonb'
    LANGUAGE C IMMUTABLE SET search_path = pg_catalog, pg_temp;
CREATE OR REPLACE FUNCTION @extschema@.payload_mentions(payload jsonb, tenant_id text, identifiers text[],
                                                        shaped text[], key text DEFAULT NULL)
    RETURNS boolean AS 'MODULE_PATHNAME', 'ci_payload_mentions'
    LANGUAGE C STABLE SET search_path = pg_catalog, pg_temp;

-- The events that may name an identifier, found without reading the tenant's whole trail:
-- erasure asks the index for the keys of the person's identifiers, then payload_mentions
-- decides on those events alone (src/store/event_search.hpp: which keys, and why they find every
-- event payload_mentions would).  The keys do not depend on a tenant's identifier rules: an
-- email is keyed by its identity under each rule (0.9's, exact, provider), a phone by the last
-- digits of each reading of it as written, and erasure checks each leaf under the tenant's
-- rules.  The index is built by 0.10.0 -- here, with the keys of this version, for a fresh
-- install and an upgrade from 0.9.0 alike -- so nothing needs a REINDEX; after an upgrade of
-- ICU or libidn2 that changes an email's identity, REINDEX it (as any index on
-- normalize_email(text, text)).
CREATE FUNCTION @extschema@.event_search_keys(tenant_id text, detail jsonb) RETURNS bigint[]
    AS 'MODULE_PATHNAME', 'ci_event_search_keys' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.event_search_keys(text, jsonb) IS
    'hashes of the identifiers an audit payload names and of the email and phone shapes in its text (identity_event_search_idx)';
CREATE INDEX identity_event_search_idx ON @extschema@.identity_event
    USING gin (@extschema@.event_search_keys(tenant_id, detail));
-- The events about a person are those naming them as customer_id or other_customer_id
-- (conflicts and decisions, not only merges): both columns indexed, so erasure reads them
-- without a scan.
CREATE INDEX identity_event_other_customer_idx ON @extschema@.identity_event (other_customer_id)
    WHERE other_customer_id IS NOT NULL;

------------------------------------------------------------------------------
-- Clientele, redemption, unmerge and audit rows the application cannot forge
------------------------------------------------------------------------------
-- A vendor_customer row the application writes itself follows the rules of a redemption:
-- an active customer (CI010); source 'invite' names a usable invite of the same vendor
-- (CI002-CI005) and uses it up, as redeem_invite_token does; an invite_id only with source
-- 'invite' (22023).  References across tenants stay the tenant keys' (23503).  The
-- extension's own writes (redemption, merge, unmerge) are checked where they are made.
-- Rows already stored stay as they are: only what a write changes is checked.
CREATE FUNCTION @extschema@.vendor_customer_before_write() RETURNS trigger
    AS 'MODULE_PATHNAME', 'ci_vendor_customer_before_write' LANGUAGE C
    SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
REVOKE ALL ON FUNCTION @extschema@.vendor_customer_before_write() FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.vendor_customer_before_write() IS
    'clientele rows written directly follow the rules of a redemption (CI002-CI005, CI010)';
CREATE TRIGGER vendor_customer_before_write
    BEFORE INSERT OR UPDATE ON @extschema@.vendor_customer
    FOR EACH ROW EXECUTE FUNCTION @extschema@.vendor_customer_before_write();

-- Unmerge asks whether a vendor was linked or unlinked since the merge: the vendor's events
-- after it, through this index, not every event written since (src/operations/merge.cpp).
CREATE INDEX identity_event_vendor_idx ON @extschema@.identity_event (vendor_id, id)
    WHERE vendor_id IS NOT NULL;

------------------------------------------------------------------------------
-- Import, table locks, claims
------------------------------------------------------------------------------
-- LOCK TABLE of the extension's tables stronger than ROW EXCLUSIVE is the owner's
-- (src/rules/table_locks.hpp).  The guard is a hook of the module, so an application role's
-- sessions load the module when they start: session_preload_libraries for the role in this
-- database (a superuser's setting, which the role cannot change or reset).  An existing
-- value of the role's is kept, the module added to it.
CREATE OR REPLACE FUNCTION @extschema@.grant_application_role(app regrole) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    libraries text;
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
        ' %1$I.phone_region(text), %1$I.email_canonicalization(text), %1$I.identifier_derivation(text),'
        ' %1$I.current_tenant(), %1$I.erase_customer(bigint),'
        ' %1$I.register_customer(text, text, text, text, text, text, jsonb, text, boolean, boolean) TO %2$s',
        '@extschema@', app);
    -- Customers and vendors are written directly too (ORMs, registration forms); the
    -- triggers hold the rules for those writes, vendor.customer_id included (CI006).
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE ON %1$I.customer, %1$I.vendor TO %2$s',
                              '@extschema@', app);
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, DELETE ON %I.vendor_customer TO %s', '@extschema@', app);
    -- The audit trail is read-only for the application; invite tokens, claims, policies
    -- and blocked values are reached through the functions only.
    EXECUTE pg_catalog.format('GRANT SELECT ON %I.identity_event TO %s', '@extschema@', app);
    -- The module in every session of the role here, for its LOCK TABLE guard.
    SELECT pg_catalog.substr(c, pg_catalog.length('session_preload_libraries=') OPERATOR(pg_catalog.+) 1)
      INTO libraries
      FROM pg_catalog.pg_db_role_setting s, pg_catalog.unnest(s.setconfig) AS c
     WHERE s.setrole OPERATOR(pg_catalog.=) app
       AND s.setdatabase OPERATOR(pg_catalog.=) (SELECT d.oid FROM pg_catalog.pg_database d
                                                  WHERE d.datname OPERATOR(pg_catalog.=) pg_catalog.current_database())
       AND c OPERATOR(pg_catalog.~~) 'session\_preload\_libraries=%';
    IF libraries IS NULL OR pg_catalog.btrim(libraries) OPERATOR(pg_catalog.=) '' THEN
        libraries := 'customer_identity';
    ELSIF libraries OPERATOR(pg_catalog.~) '(^|[ ,"])customer_identity($|[ ,"])' THEN
        RETURN;
    ELSE
        libraries := libraries OPERATOR(pg_catalog.||) ', customer_identity';
    END IF;
    EXECUTE pg_catalog.format('ALTER ROLE %s IN DATABASE %I SET session_preload_libraries = %L',
                              app, pg_catalog.current_database(), libraries);
END $$;

-- The same claim is one claim however its email or phone is spelled: a claim's identity is
-- the call's identifiers as the tenant's rules normalize them (src/operations/claims.cpp).  Claims
-- opened before 0.10.0 have none (NULL), and keep their key on the proposal as given.
ALTER TABLE @extschema@.identity_claim ADD COLUMN claim_key text;
COMMENT ON COLUMN @extschema@.identity_claim.claim_key IS
    'md5 of the claim''s identity (its identifiers normalized, name, reference, verification): an open claim is unique by it';
CREATE UNIQUE INDEX identity_claim_open_identity ON @extschema@.identity_claim (tenant_id, kind, claim_key)
    WHERE status = 'open' AND claim_key IS NOT NULL;

-- upgrade-only-begin
-- Roles granted before 0.10.0 have no preload: the guard acts in their sessions only once
-- the module is loaded (any call of the extension's functions loads it).
DO $$
DECLARE
    roles text;
BEGIN
    SELECT string_agg(DISTINCT a.grantee::pg_catalog.regrole::text, ', ') INTO roles
      FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a
     WHERE c.oid OPERATOR(pg_catalog.=) '@extschema@.customer'::pg_catalog.regclass
       AND a.grantee OPERATOR(pg_catalog.<>) 0 AND a.grantee OPERATOR(pg_catalog.<>) c.relowner;
    IF roles IS NOT NULL THEN
        RAISE WARNING 'customer_identity 0.10.0: the LOCK TABLE guard is not preloaded for roles granted before this update (%)', roles
            USING HINT = 'SELECT customer_identity.grant_application_role(''<role>'') preloads it; see README "Security".';
    END IF;
END $$;
-- upgrade-only-end

------------------------------------------------------------------------------
-- Identifiers: phone numbers through libphonenumber
------------------------------------------------------------------------------
-- A phone's identity in a region: its E.164 form as libphonenumber reads it, however it is
-- written (src/identifiers/phone.hpp).  Pure, and PUBLIC's like normalize_phone(text).  STRICT:
-- a NULL region gives NULL; '' reads the phone without a region (a number written with its
-- country code is parsed, a national one keeps normalize_phone(text)'s form).  IMMUTABLE as
-- the metadata of the libphonenumber loaded: an index on it is rebuilt (REINDEX) when
-- phone_library_version() changes.
CREATE FUNCTION @extschema@.normalize_phone(phone text, region text) RETURNS text
    AS 'MODULE_PATHNAME', 'ci_normalize_phone_region'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_phone(text, text) IS
    'E.164 identity of a phone written in a region (ISO 3166-1 alpha-2; '''' for none), through libphonenumber; an unknown region or a number not possible there raises 22023';

-- What derives the phone identities: the loaded libphonenumber's version and a fingerprint of
-- its compiled-in metadata (the library states no version of either).
CREATE FUNCTION @extschema@.phone_library_version() RETURNS text
    AS 'MODULE_PATHNAME', 'ci_phone_library_version'
    LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.phone_library_version() IS
    'libphonenumber''s version and a fingerprint of its metadata: what derives normalize_phone(text, text)';

------------------------------------------------------------------------------
-- Identifiers: email addresses through ICU and libidn2
------------------------------------------------------------------------------
-- The canonical form of an email (src/identifiers/email.hpp): the local part in NFC with full
-- Unicode case folding (ICU), the domain through UTS #46 to ASCII A-labels without its
-- trailing dot (libidn2); 'provider' also reduces the addresses of the listed mail providers
-- to their mailbox.  Not yet what the triggers and resolution store (normalize_email(text)
-- is unchanged).  Pure and executable by PUBLIC like the other normalizers.
CREATE FUNCTION @extschema@.normalize_email(email text, mode text) RETURNS text
    AS 'MODULE_PATHNAME', 'ci_normalize_email_mode'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.normalize_email(text, text) IS
    'canonical email: local part NFC and fully case-folded, domain through UTS #46 to ASCII without its trailing dot; mode ''provider'' also drops sub-addresses (and Gmail''s dots) at the listed providers; malformed input or another mode raises 22023';

-- Which libraries derived canonical emails in this backend (what a stored value would need
-- re-deriving after); runs no SQL.  STABLE: a new library is loaded by a new backend.
CREATE FUNCTION @extschema@.email_library_version() RETURNS text
    AS 'MODULE_PATHNAME', 'ci_email_library_version'
    LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.email_library_version() IS
    'the ICU and libidn2 versions that canonicalize emails (normalize_email(text, text)), as the libraries report them';

------------------------------------------------------------------------------
-- Identifiers: one canonicalization per tenant
------------------------------------------------------------------------------
-- The rules every path derives a tenant's stored and compared emails and phones with
-- (src/rules/identifier_rules.hpp).  The row with tenant_id NULL is the default of every
-- tenant without a row of its own, and a NULL rule in a tenant's row is the default's; with
-- no default row the default is 'international' phones and 'exact' emails.
CREATE TABLE @extschema@.identifier_rules (
    tenant_id text,
    phone     text CHECK (phone IN ('legacy', 'international') OR phone OPERATOR(pg_catalog.~) '^[A-Z]{2}$'),
    email     text CHECK (email IN ('legacy', 'exact', 'provider')),
    set_by    text NOT NULL DEFAULT @extschema@.caller(),
    set_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT identifier_rules_tenant_key UNIQUE NULLS NOT DISTINCT (tenant_id)
);
COMMENT ON TABLE @extschema@.identifier_rules IS
    'per tenant: how phones (legacy, international or a region) and emails (legacy, exact or provider) are canonicalized; tenant_id NULL is the default';
-- An upgraded database keeps deriving as 0.9.0 did until the owner opts in.
-- fresh_install.sql removes this row.
INSERT INTO @extschema@.identifier_rules (tenant_id, phone, email) VALUES (NULL, 'legacy', 'legacy');
CREATE TRIGGER settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.identifier_rules
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.settings_changed();
SELECT pg_catalog.pg_extension_config_dump('@extschema@.identifier_rules', '');

-- Which rules and library versions derived a row's normalized columns: the hash that
-- identifier_derivation() reports, NULL for 0.9.0's rules (every row an upgrade keeps).
-- check_integrity reports a value derived otherwise as one to re-derive with reconcile.
ALTER TABLE @extschema@.customer ADD COLUMN identifiers_derived_by bigint;
ALTER TABLE @extschema@.vendor ADD COLUMN identifiers_derived_by bigint;
COMMENT ON COLUMN @extschema@.customer.identifiers_derived_by IS
    'the identifier rules and library versions that derived email_normalized and phone_normalized (identifier_derivation()); NULL: 0.9.0''s';
COMMENT ON COLUMN @extschema@.vendor.identifiers_derived_by IS
    'the identifier rules and library versions that derived primary_contact_email_normalized (identifier_derivation()); NULL: 0.9.0''s';

CREATE FUNCTION @extschema@.set_phone_region(region text, tenant_id text DEFAULT NULL) RETURNS void
    AS 'MODULE_PATHNAME', 'ci_set_phone_region' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.set_phone_region(text, text) IS
    'owner: read the tenant''s phones (tenant NULL: every tenant''s default) in a region (ISO 3166-1 alpha-2); NULL region: only numbers written with a country code are parsed';
CREATE FUNCTION @extschema@.phone_region(tenant_id text DEFAULT 'default') RETURNS text
    AS 'MODULE_PATHNAME', 'ci_phone_region' LANGUAGE C STABLE;
COMMENT ON FUNCTION @extschema@.phone_region(text) IS 'the region the tenant''s phones are read in, NULL for none';
CREATE FUNCTION @extschema@.set_email_canonicalization(mode text, tenant_id text DEFAULT NULL) RETURNS void
    AS 'MODULE_PATHNAME', 'ci_set_email_canonicalization' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.set_email_canonicalization(text, text) IS
    'owner: canonicalize the tenant''s emails (tenant NULL: every tenant''s default) exactly (''exact'') or to the provider''s mailbox (''provider'')';
CREATE FUNCTION @extschema@.email_canonicalization(tenant_id text DEFAULT 'default') RETURNS text
    AS 'MODULE_PATHNAME', 'ci_email_canonicalization' LANGUAGE C STABLE;
COMMENT ON FUNCTION @extschema@.email_canonicalization(text) IS 'legacy, exact or provider: how the tenant''s emails are canonicalized';
CREATE FUNCTION @extschema@.identifier_derivation(tenant_id text DEFAULT 'default', OUT rules text, OUT derived_by bigint)
    AS 'MODULE_PATHNAME', 'ci_identifier_derivation' LANGUAGE C STABLE;
COMMENT ON FUNCTION @extschema@.identifier_derivation(text) IS
    'the tenant''s identifier rules with the library versions that apply them, and the identifiers_derived_by of the rows they derive';
-- Was a stored value derived under other rules than the tenant's now (reconcile re-derives
-- it), rather than written with the rules off?  check_integrity's question.
CREATE FUNCTION @extschema@.identifier_derived_otherwise(tenant_id text, kind text, raw text, stored text, derived_by bigint)
    RETURNS boolean AS 'MODULE_PATHNAME', 'ci_identifier_derived_otherwise' LANGUAGE C STABLE;
COMMENT ON FUNCTION @extschema@.identifier_derived_otherwise(text, text, text, text, bigint) IS
    'owner (check_integrity): was the stored email or phone derived under other identifier rules or library versions than the tenant''s now';
-- The setters are the owner's, as set_trust_policy is; the readers are granted to the
-- application by grant_application_role.
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOREACH f IN ARRAY ARRAY['@extschema@.set_phone_region(text, text)', '@extschema@.phone_region(text)',
                             '@extschema@.set_email_canonicalization(text, text)',
                             '@extschema@.email_canonicalization(text)',
                             '@extschema@.identifier_derivation(text)',
                             '@extschema@.identifier_derived_otherwise(text, text, text, text, bigint)']::regprocedure[]
    LOOP
        EXECUTE pg_catalog.format(
            'ALTER FUNCTION %s SECURITY DEFINER SET search_path = pg_catalog, pg_temp', f);
        EXECUTE pg_catalog.format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END $$;

------------------------------------------------------------------------------
-- Scale-out administration: a role's binding on every shard
------------------------------------------------------------------------------
-- A binding is per role, not per tenant: a sharded install holds it on every shard, or the
-- role is unbound on the shards that do not serve its tenant (and acts there in any tenant
-- it names).  The proxy's bind_role_to_tenant binds on the tenant's shard (which records
-- the event in the tenant's audit trail) and then on every shard with this function, which
-- makes the same checks and the same binding (a NULL tenant: no binding) without an event;
-- add_shard gives a new shard the bindings with it.  The owner's, not proxied.
CREATE FUNCTION @extschema@.apply_tenant_binding(role_id regrole, tenant_id text) RETURNS void
    AS 'MODULE_PATHNAME', 'ci_apply_tenant_binding' LANGUAGE C VOLATILE
    SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
REVOKE ALL ON FUNCTION @extschema@.apply_tenant_binding(regrole, text) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.apply_tenant_binding(regrole, text) IS
    'owner, sharded installs: the role''s binding as bind_role_to_tenant makes it (NULL tenant: none, as unbind_role_from_tenant leaves it), without an audit event (the tenant''s shard records it)';

------------------------------------------------------------------------------
-- Shards own their buckets (issue 29)
------------------------------------------------------------------------------
-- A shard knows the buckets it serves: the proxy writes them (assign_buckets, add_shard,
-- sync_served_buckets, and a move: the target gains the bucket in the transaction that
-- copies its rows, the source loses it).  A write or a tenant's call (resolve, import,
-- reconcile) of a bucket this shard does not serve is refused (55000), as for a bucket it
-- moved away (moved_bucket): 0.9.0 accepted a direct write of any bucket's tenant, a copy
-- nobody read, that a later move of the bucket here deleted.  move_id names the move that
-- copied the bucket here (NULL: assigned): a re-run of that move may replace its own copy,
-- any other rows of the bucket found here stop a move.  A database that is not a shard
-- (no shard_node row) ignores the table.  An upgraded shard serves every bucket it did not
-- move away, as 0.9.0 did, until the proxy (customer_identity_proxy 0.2.0) gives it its own.
CREATE TABLE @extschema@.served_bucket (
    bucket    integer PRIMARY KEY CHECK (bucket BETWEEN 0 AND 1023),
    move_id   text,
    served_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE @extschema@.served_bucket IS
    'shards: the buckets this shard serves (the proxy writes them); customer and vendor writes and tenant calls of other buckets are refused here (55000); move_id: the move that copied the bucket here';
CREATE TRIGGER settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON @extschema@.served_bucket
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.settings_changed();
SELECT pg_catalog.pg_extension_config_dump('@extschema@.served_bucket', '');
INSERT INTO @extschema@.served_bucket (bucket)
SELECT b FROM pg_catalog.generate_series(0, 1023) AS b
 WHERE EXISTS (SELECT FROM @extschema@.shard_node)
   AND NOT EXISTS (SELECT FROM @extschema@.moved_bucket m WHERE m.bucket OPERATOR(pg_catalog.=) b);

------------------------------------------------------------------------------
-- Ids a JavaScript client can hold (issue 29)
------------------------------------------------------------------------------
-- 0.8.0-0.9.0 shards composed ids as bucket << 48 | node << 40 | sequence: at or above
-- 2^53 for buckets 32-1023, where a JavaScript number (node-postgres'
-- setTypeParser(20, parseInt)) silently rounds them.  From here a shard composes ids below
-- 2^53 (layout v2, src/identifiers/shard_key.hpp has the diagram): the bucket's low 5 bits
-- and the node where they were, the bucket's high 5 bits in bits 35-39, a 35-bit sequence
-- value below them.  An old id below 2^53 reads the same in both layouts; one at or above
-- it is an old id and reads as before, so every id handed out stays valid and routable.
-- The library writes v2 ids on a shard whose shard_node has id_layout (this update), v1 on
-- one that has not been updated yet.
ALTER TABLE @extschema@.shard_node ADD COLUMN id_layout integer NOT NULL DEFAULT 2 CHECK (id_layout = 2);
COMMENT ON COLUMN @extschema@.shard_node.id_layout IS
    'the layout of the ids this shard hands out: 2 = below 2^53 (0.10.0; a shard without the column, 0.8.0-0.9.0, hands out layout 1, up to 2^58)';

-- A v2 id keeps 35 bits for the sequence value: each of the five id sequences stops at
-- 2^35 - 1 on a shard (34,359,738,367 ids per table and node), and the next insert there
-- fails with 2200H (nextval: reached maximum value of sequence): never a wrap-around
-- (NO CYCLE), never a value the next layout bits would take for a bucket.  On a shard
-- being updated, every sequence must still be below that: an old id of buckets 0-31 with
-- a larger sequence value would read as another bucket (55000 otherwise; nothing changes).
DO $$
DECLARE
    t text;
    last_value_seen bigint;
    node integer;
BEGIN
    SELECT s.node INTO node FROM @extschema@.shard_node s;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    FOREACH t IN ARRAY ARRAY['customer', 'vendor', 'invite_token', 'identity_claim', 'identity_event'] LOOP
        EXECUTE format('SELECT last_value FROM %s',
                       pg_catalog.pg_get_serial_sequence(format('%I.%I', '@extschema@', t), 'id')) INTO last_value_seen;
        IF last_value_seen > 34359738367 THEN
            RAISE EXCEPTION 'shard node % has handed out %.% ids up to sequence value %, beyond the 35 bits of ids below 2^53',
                            node, '@extschema@', t, last_value_seen
                USING ERRCODE = '55000',
                      DETAIL = 'An id of buckets 0-31 with a sequence value of 2^35 or more would read as another bucket in 0.10.0.',
                      HINT = 'Keep this shard on 0.9.0 and move its buckets to shards that can update (README "Ids below 2^53").';
        END IF;
        EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN id SET MAXVALUE 34359738367 SET NO CYCLE', '@extschema@', t);
    END LOOP;
END $$;

-- enable_sharding as 0.8.0's, and it limits the five id sequences to the 35 bits of a v2
-- id.  Called again with the same node it limits them again and creates the id triggers
-- that are missing, and changes nothing else: after a restore (CREATE EXTENSION makes the
-- sequences unlimited, the dump only sets their positions; the triggers enable_sharding
-- made are no extension members) run it once more.
CREATE OR REPLACE FUNCTION @extschema@.enable_sharding(node integer) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    current integer;
    t text;
    has_rows boolean;
    last_value_seen bigint;
BEGIN
    IF node IS NULL THEN
        RAISE EXCEPTION 'node must not be null' USING ERRCODE = '22004';
    END IF;
    IF node < 0 OR node > 255 THEN
        RAISE EXCEPTION 'node must be between 0 and 255, not %', node USING ERRCODE = '22023';
    END IF;
    SELECT s.node INTO current FROM @extschema@.shard_node s;
    IF FOUND AND current <> node THEN
        RAISE EXCEPTION 'this database is shard node % already', current USING ERRCODE = '55000';
    END IF;
    IF NOT FOUND THEN
        FOREACH t IN ARRAY ARRAY['customer', 'vendor', 'vendor_customer', 'invite_token', 'identity_claim',
                                 'identity_event'] LOOP
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE tenant_id IS NOT NULL)', '@extschema@', t)
               INTO has_rows;
            IF has_rows THEN
                RAISE EXCEPTION 'sharded mode starts on a database without tenants: %.% has rows', '@extschema@', t
                    USING ERRCODE = '55000',
                          HINT = 'Enable sharding on a new database, then bring tenants in through the proxy.';
            END IF;
        END LOOP;
        INSERT INTO @extschema@.shard_node (node) VALUES (node);
    END IF;
    FOREACH t IN ARRAY ARRAY['invite_token', 'identity_claim', 'identity_event'] LOOP
        IF NOT EXISTS (SELECT FROM pg_trigger g
                        WHERE g.tgrelid = format('%I.%I', '@extschema@', t)::regclass AND g.tgname = 'shard_row_id') THEN
            EXECUTE format('CREATE TRIGGER shard_row_id BEFORE INSERT OR UPDATE OF tenant_id ON %I.%I'
                           ' FOR EACH ROW EXECUTE FUNCTION %I.shard_row_id()', '@extschema@', t, '@extschema@');
        END IF;
    END LOOP;
    FOREACH t IN ARRAY ARRAY['customer', 'vendor', 'invite_token', 'identity_claim', 'identity_event'] LOOP
        EXECUTE format('SELECT last_value FROM %s',
                       pg_get_serial_sequence(format('%I.%I', '@extschema@', t), 'id')) INTO last_value_seen;
        IF last_value_seen > 34359738367 THEN
            RAISE EXCEPTION '%.% ids went up to sequence value %, beyond the 35 bits of ids below 2^53', '@extschema@', t, last_value_seen
                USING ERRCODE = '55000';
        END IF;
        EXECUTE format('ALTER TABLE %I.%I ALTER COLUMN id SET MAXVALUE 34359738367 SET NO CYCLE', '@extschema@', t);
    END LOOP;
END $$;
COMMENT ON FUNCTION @extschema@.enable_sharding(integer) IS
    'makes this database shard node (0-255) of a cluster: ids (below 2^53) and invite tokens carry their tenant''s bucket from now on; only on a database without tenants; again with the same node after a restore: limits the id sequences again and creates missing id triggers';

-- What asked which of two rows came first by their ids asks their time now: ids of one
-- tenant do not grow with time on a sharded install (v2 ids after v1 ids on an updated
-- shard; a moved bucket's new ids carry the target's node).  Unmerge finds the duplicate's
-- latest merge by the events' clock_timestamp(), and a vendor's link or unlink since that
-- merge through this index (on (vendor_id, id) above).
DROP INDEX @extschema@.identity_event_vendor_idx;
CREATE INDEX identity_event_vendor_idx ON @extschema@.identity_event (vendor_id, created_at, id)
    WHERE vendor_id IS NOT NULL;

------------------------------------------------------------------------------
-- Errors through the proxy without reconnects (issue 29)
------------------------------------------------------------------------------
-- A proxy (customer_identity_proxy 0.2.0) calls the API here through proxied_call, which
-- answers a caught error as data instead of raising it: PL/Proxy raises a remote error
-- before it has read the rest of the shard's answer, and then drops that connection, so every
-- error cost a new shard backend (src/operations/proxied_call.cpp).  The API function runs
-- as if called directly (the caller's EXECUTE privilege on it, its own SECURITY DEFINER and
-- settings, strictness), in a subtransaction; the answer is text, one value per row: 'R' and
-- the row as record_out writes it, 'N' (NULL), 'V' (void), or 'E' and the error's
-- (SQLSTATE, message, DETAIL, HINT).  It grants nothing (it checks the API function's
-- privilege), so every role may call it.
CREATE FUNCTION @extschema@.proxied_call(api_function text) RETURNS SETOF text
    AS 'MODULE_PATHNAME', 'ci_proxied_call' LANGUAGE C VOLATILE;
CREATE FUNCTION @extschema@.proxied_call(api_function text, VARIADIC arguments "any") RETURNS SETOF text
    AS 'MODULE_PATHNAME', 'ci_proxied_call' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.proxied_call(text) IS
    'shards, for the proxy: the API function''s rows (R...), or its error (E...: SQLSTATE, message, DETAIL, HINT), as text';
COMMENT ON FUNCTION @extschema@.proxied_call(text, "any") IS
    'shards, for the proxy: the API function''s rows (R...), or its error (E...: SQLSTATE, message, DETAIL, HINT), as text';

------------------------------------------------------------------------------
-- check_integrity, last: it reads the identifier rules' functions and columns and
-- served_bucket.  A shard reports rows of a tenant whose bucket it does not serve (issue 29:
-- a copy nobody reads -- a direct write before 0.10.0 refused them, a leftover -- which
-- 0.9.0's check did not see).
------------------------------------------------------------------------------
-- check_integrity: an invite token in an audit payload is reported when it is one (its hash
-- is an invite's), not for any text shaped like one; metadata keeps a token only as a key
-- of an object.
CREATE OR REPLACE FUNCTION @extschema@.check_integrity(tenant_id text DEFAULT NULL)
RETURNS TABLE (invariant text, tenant_id text, subject text, detail text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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
    -- A value derived under other rules or library versions than the tenant's now is no
    -- corruption: reconcile re-derives it (identifier_derived_otherwise).
    SELECT CASE WHEN i.otherwise THEN i.name || ' derived under other identifier rules'
                ELSE 'stale normalized ' || i.name END,
           c.tenant_id, 'customer ' || c.id,
           COALESCE(i.stored, 'NULL') || ' / derived ' || COALESCE(i.derived, 'NULL') ||
           CASE WHEN i.otherwise THEN ' (now ' || d.rules || '): re-derive with reconcile' ELSE '' END
      FROM c, LATERAL @extschema@.identifier_derivation(c.tenant_id) AS d,
              LATERAL (VALUES ('email', c.email_normalized, @extschema@.derived_identifier(c.tenant_id, 'email', c.email),
                               @extschema@.identifier_derived_otherwise(c.tenant_id, 'email', c.email, c.email_normalized, c.identifiers_derived_by)),
                              ('phone', c.phone_normalized, @extschema@.derived_identifier(c.tenant_id, 'phone', c.phone),
                               @extschema@.identifier_derived_otherwise(c.tenant_id, 'phone', c.phone, c.phone_normalized, c.identifiers_derived_by)))
                      AS i(name, stored, derived, otherwise)
     WHERE i.stored IS DISTINCT FROM i.derived
    UNION ALL
    SELECT CASE WHEN i.otherwise THEN 'contact email derived under other identifier rules'
                ELSE 'stale normalized contact email' END,
           v.tenant_id, 'vendor ' || v.id,
           COALESCE(v.primary_contact_email_normalized, 'NULL') ||
           CASE WHEN i.otherwise THEN ' (now ' || d.rules || '): re-derive with reconcile' ELSE '' END
      FROM v, LATERAL @extschema@.identifier_derivation(v.tenant_id) AS d,
              LATERAL (SELECT @extschema@.identifier_derived_otherwise(v.tenant_id, 'email', v.primary_contact_email,
                                                                       v.primary_contact_email_normalized, v.identifiers_derived_by)) AS i(otherwise)
     WHERE v.primary_contact_email_normalized IS DISTINCT FROM
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
      FROM c WHERE pg_catalog.jsonb_typeof(c.metadata) OPERATOR(pg_catalog.=) 'object'
               AND c.metadata OPERATOR(pg_catalog.?) 'invite_token'
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
    SELECT 'invite token rotated to one of another tenant or vendor', k.tenant_id, 'invite ' || k.id,
           'rotated to ' || k.rotated_to || COALESCE(' of tenant ' || r.tenant_id || ', vendor ' || r.vendor_id, ' (missing)')
      FROM k LEFT JOIN @extschema@.invite_token r ON r.id OPERATOR(pg_catalog.=) k.rotated_to
     WHERE k.rotated_to IS NOT NULL
       AND (r.id IS NULL OR r.tenant_id OPERATOR(pg_catalog.<>) k.tenant_id OR r.vendor_id OPERATOR(pg_catalog.<>) k.vendor_id)
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
    -- a token is leaked only if it is one: its SHA-256 is an invite's (any text that merely
    -- looks like one is the application's data, e.g. a user id 'cit_' || 43 letters)
    SELECT 'audit detail holds an invite token', e.tenant_id, 'event ' || e.id, 'invite ' || k.id
      FROM @extschema@.identity_event e
     CROSS JOIN LATERAL (SELECT e.detail::pg_catalog.text AS t) d
     CROSS JOIN LATERAL pg_catalog.generate_series(1, pg_catalog.regexp_count(d.t, 'cit_')) AS n
     CROSS JOIN LATERAL (SELECT pg_catalog.substr(d.t, pg_catalog.regexp_instr(d.t, 'cit_', 1, n), 47) AS token) f
      JOIN @extschema@.invite_token k
        ON k.token_hash OPERATOR(pg_catalog.=) pg_catalog.sha256(pg_catalog.convert_to(f.token, 'UTF8'))
     WHERE ($1 IS NULL OR e.tenant_id OPERATOR(pg_catalog.=) $1)
    UNION ALL
    -- a shard (a shard_node row) answers for the buckets it serves only
    SELECT 'rows of a bucket this shard does not serve', t.tenant_id, t.name || ' rows: ' || t.n,
           'bucket ' || @extschema@.tenant_bucket(t.tenant_id) ||
           ' is not in served_bucket: move the rows to the shard that serves it, or delete them'
      FROM (SELECT 'customer' AS name, c.tenant_id, pg_catalog.count(*) AS n FROM c GROUP BY c.tenant_id
            UNION ALL SELECT 'vendor', v.tenant_id, pg_catalog.count(*) FROM v GROUP BY v.tenant_id
            UNION ALL SELECT 'vendor_customer', vc.tenant_id, pg_catalog.count(*) FROM vc GROUP BY vc.tenant_id
            UNION ALL SELECT 'invite_token', k.tenant_id, pg_catalog.count(*) FROM k GROUP BY k.tenant_id) t
     WHERE EXISTS (SELECT FROM @extschema@.shard_node)
       AND NOT EXISTS (SELECT FROM @extschema@.served_bucket s
                        WHERE s.bucket OPERATOR(pg_catalog.=) @extschema@.tenant_bucket(t.tenant_id))
$$;

------------------------------------------------------------------------------
-- Probable duplicates: merge preview and survivorship rules (issue 30)
------------------------------------------------------------------------------
-- Which value a merge keeps where both customers have one (src/rules/survivorship.hpp):
-- per tenant and column; the row with tenant_id NULL is the default of every tenant, and a
-- column without a row keeps the canonical customer's value (0.9.0's behaviour).  Read once
-- per merge, not cached: no settings_changed trigger is needed.
CREATE TABLE @extschema@.survivorship_rule (
    tenant_id   text,
    column_name text NOT NULL,
    rule        text NOT NULL,
    set_by      text NOT NULL DEFAULT @extschema@.caller(),
    set_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT survivorship_rule_tenant_column_key UNIQUE NULLS NOT DISTINCT (tenant_id, column_name),
    CONSTRAINT survivorship_rule_fits CHECK (
        (column_name OPERATOR(pg_catalog.=) 'name' AND rule IN ('canonical', 'duplicate', 'newest', 'longest')) OR
        (column_name IN ('email', 'phone') AND rule IN ('canonical', 'duplicate', 'newest', 'verified')))
);
COMMENT ON TABLE @extschema@.survivorship_rule IS
    'per tenant and column (name, email, phone): which value a merge keeps where both customers have one (canonical, duplicate, newest, verified, longest); tenant_id NULL is the default';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.survivorship_rule', '');

CREATE FUNCTION @extschema@.set_survivorship("column" text, rule text, tenant_id text DEFAULT NULL) RETURNS void
    AS 'MODULE_PATHNAME', 'ci_set_survivorship' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.set_survivorship(text, text, text) IS
    'owner: which value merges in the tenant (tenant NULL: every tenant''s default) keep for a column: canonical, duplicate, newest, verified (email, phone) or longest (name)';
CREATE FUNCTION @extschema@.survivorship(tenant_id text DEFAULT 'default') RETURNS jsonb
    AS 'MODULE_PATHNAME', 'ci_survivorship' LANGUAGE C STABLE;
COMMENT ON FUNCTION @extschema@.survivorship(text) IS
    'the survivorship rules merges in the tenant follow now: {"name": ..., "email": ..., "phone": ...}';
-- Runs merge_customers in a subtransaction that is always rolled back: whoever may merge
-- may preview (the application too), and the preview checks what the merge checks.
CREATE FUNCTION @extschema@.merge_preview(canonical_id bigint, duplicate_id bigint) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'ci_merge_preview' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.merge_preview(bigint, bigint) IS
    'what merge_customers would do, writing nothing: mergeable, the error it would raise (blockers), the canonical row after it and where each column''s value comes from (sources)';
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOREACH f IN ARRAY ARRAY['@extschema@.set_survivorship(text, text, text)', '@extschema@.survivorship(text)',
                             '@extschema@.merge_preview(bigint, bigint)']::regprocedure[]
    LOOP
        EXECUTE pg_catalog.format(
            'ALTER FUNCTION %s SECURITY DEFINER SET search_path = pg_catalog, pg_temp', f);
        EXECUTE pg_catalog.format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END $$;

-- grant_application_role as above, granting merge_preview and survivorship too.
CREATE OR REPLACE FUNCTION @extschema@.grant_application_role(app regrole) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    libraries text;
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
        ' %1$I.merge_customers(bigint, bigint), %1$I.unmerge_customer(bigint), %1$I.merge_preview(bigint, bigint),'
        ' %1$I.trust_policy(text), %1$I.is_blocked_identifier(text, text, text), %1$I.survivorship(text),'
        ' %1$I.phone_region(text), %1$I.email_canonicalization(text), %1$I.identifier_derivation(text),'
        ' %1$I.current_tenant(), %1$I.erase_customer(bigint),'
        ' %1$I.register_customer(text, text, text, text, text, text, jsonb, text, boolean, boolean) TO %2$s',
        '@extschema@', app);
    -- Customers and vendors are written directly too (ORMs, registration forms); the
    -- triggers hold the rules for those writes, vendor.customer_id included (CI006).
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE ON %1$I.customer, %1$I.vendor TO %2$s',
                              '@extschema@', app);
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, DELETE ON %I.vendor_customer TO %s', '@extschema@', app);
    -- The audit trail is read-only for the application; invite tokens, claims, policies
    -- and blocked values are reached through the functions only.
    EXECUTE pg_catalog.format('GRANT SELECT ON %I.identity_event TO %s', '@extschema@', app);
    -- The module in every session of the role here, for its LOCK TABLE guard.
    SELECT pg_catalog.substr(c, pg_catalog.length('session_preload_libraries=') OPERATOR(pg_catalog.+) 1)
      INTO libraries
      FROM pg_catalog.pg_db_role_setting s, pg_catalog.unnest(s.setconfig) AS c
     WHERE s.setrole OPERATOR(pg_catalog.=) app
       AND s.setdatabase OPERATOR(pg_catalog.=) (SELECT d.oid FROM pg_catalog.pg_database d
                                                  WHERE d.datname OPERATOR(pg_catalog.=) pg_catalog.current_database())
       AND c OPERATOR(pg_catalog.~~) 'session\_preload\_libraries=%';
    IF libraries IS NULL OR pg_catalog.btrim(libraries) OPERATOR(pg_catalog.=) '' THEN
        libraries := 'customer_identity';
    ELSIF libraries OPERATOR(pg_catalog.~) '(^|[ ,"])customer_identity($|[ ,"])' THEN
        RETURN;
    ELSE
        libraries := libraries OPERATOR(pg_catalog.||) ', customer_identity';
    END IF;
    EXECUTE pg_catalog.format('ALTER ROLE %s IN DATABASE %I SET session_preload_libraries = %L',
                              app, pg_catalog.current_database(), libraries);
END $$;

------------------------------------------------------------------------------
-- Online moves (issue 29)
------------------------------------------------------------------------------
-- A move copies a bucket with PostgreSQL's logical replication while the bucket stays
-- writable (customer_identity_proxy 0.2.0's move_bucket: a publication on the source with a
-- row filter on the bucket's tenants, a subscription on the target), then switches in a
-- moment.  What the shards need for it:
--
-- Replica identities that hold tenant_id.  A publication's row filter (tenant_id = ANY
-- (...)) may only name columns of the replica identity, or every UPDATE and DELETE of the
-- table on the source fails while the move runs (whatever the tenant).  customer, vendor
-- and invite_token have their unique (tenant_id, id) key; vendor_customer's primary key
-- holds tenant_id already; identity_claim and identity_event (rarely updated or deleted)
-- log their whole old row instead of growing a key.  (The settings tables, trust_policy,
-- blocked_identifier and identifier_rules, are copied at the switch, not published.)  This
-- only matters with wal_level = logical, which a shard needs for a move; the subscriber
-- finds updated rows by the same key (or the primary key).
ALTER TABLE @extschema@.customer REPLICA IDENTITY USING INDEX customer_tenant_id_key;
ALTER TABLE @extschema@.vendor REPLICA IDENTITY USING INDEX vendor_tenant_id_key;
ALTER TABLE @extschema@.invite_token REPLICA IDENTITY USING INDEX invite_token_tenant_id_key;
ALTER TABLE @extschema@.identity_claim REPLICA IDENTITY FULL;
ALTER TABLE @extschema@.identity_event REPLICA IDENTITY FULL;

-- The bucket's write lock: every customer or vendor write and tenant call of a bucket
-- holds it shared until its transaction ends; a move's switch holds it exclusively on the
-- source while the target catches up (no write of the bucket in flight, none starting, and
-- no table locked: other tenants' writes go on), and the writes that waited then see that
-- the bucket left.  The proxy's owner takes it; not proxied.
CREATE FUNCTION @extschema@.bucket_write_lock(bucket integer, exclusive boolean, wait boolean) RETURNS boolean
    AS 'MODULE_PATHNAME', 'ci_bucket_write_lock' LANGUAGE C VOLATILE STRICT;
REVOKE ALL ON FUNCTION @extschema@.bucket_write_lock(integer, boolean, boolean) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.bucket_write_lock(integer, boolean, boolean) IS
    'owner, sharded installs: the write lock of a bucket until the end of the transaction: shared by each write and call of its tenants, exclusive by a move''s switch (without wait: false if not free)';
