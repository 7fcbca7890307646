-- customer_identity 0.1.0 -> 0.2.0: vendor invite links (report 001).
-- A fresh install of 0.2.0 runs 0.1.0 and then this script.
\echo Use "ALTER EXTENSION customer_identity UPDATE" to load this file. \quit

CREATE TABLE @extschema@.invite_token (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   text NOT NULL DEFAULT 'default',
    vendor_id   bigint NOT NULL REFERENCES @extschema@.vendor (id) ON DELETE CASCADE,
    token_hash  bytea NOT NULL,
    expires_at  timestamptz,
    max_uses    integer CHECK (max_uses IS NULL OR max_uses > 0),
    use_count   integer NOT NULL DEFAULT 0 CHECK (use_count >= 0),
    revoked_at  timestamptz,
    rotated_to  bigint REFERENCES @extschema@.invite_token (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT invite_token_within_max_uses CHECK (max_uses IS NULL OR use_count <= max_uses)
);
COMMENT ON TABLE @extschema@.invite_token IS
    'vendor invite links; only the SHA-256 of each token is stored, never the token';
-- Lookups go by the hash.
CREATE UNIQUE INDEX invite_token_hash_key ON @extschema@.invite_token (token_hash);
CREATE INDEX invite_token_vendor_idx ON @extschema@.invite_token (vendor_id);

-- NOT VALID: in 0.1.0 invite_id was a plain column that may hold ids of an invite system
-- that came before this one; they are kept as they are.  New rows are checked.
ALTER TABLE @extschema@.vendor_customer
    ADD CONSTRAINT vendor_customer_invite_id_fkey FOREIGN KEY (invite_id)
    REFERENCES @extschema@.invite_token (id) ON DELETE SET NULL NOT VALID;

SELECT pg_catalog.pg_extension_config_dump('@extschema@.invite_token', '');
SELECT pg_catalog.pg_extension_config_dump(pg_catalog.pg_get_serial_sequence('@extschema@.invite_token', 'id'), '');

CREATE FUNCTION @extschema@.create_invite_token(
    vendor_id  bigint,
    expires_in interval DEFAULT '7 days',
    max_uses   integer  DEFAULT NULL)
RETURNS text
    AS 'MODULE_PATHNAME', 'ci_create_invite_token' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.create_invite_token(bigint, interval, integer) IS
    'a new invite token for the vendor (256 random bits, URL-safe); only its hash is stored';

CREATE FUNCTION @extschema@.redeem_invite_token(token text, customer_id bigint)
RETURNS TABLE (vendor_id bigint, customer_id bigint, created boolean)
    AS 'MODULE_PATHNAME', 'ci_redeem_invite_token' LANGUAGE C VOLATILE ROWS 1;

CREATE FUNCTION @extschema@.revoke_invite_token(token text) RETURNS void
    AS 'MODULE_PATHNAME', 'ci_revoke_invite_token' LANGUAGE C VOLATILE;

CREATE FUNCTION @extschema@.rotate_invite_token(token text) RETURNS text
    AS 'MODULE_PATHNAME', 'ci_rotate_invite_token' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION @extschema@.rotate_invite_token(text) IS
    'revokes the token and returns a new one with the same vendor, expiry and remaining uses';

CREATE FUNCTION @extschema@.pending_invites(vendor_id bigint)
RETURNS TABLE (invite_id bigint, created_at timestamptz, expires_at timestamptz,
               max_uses integer, use_count integer, uses_left integer)
    AS 'MODULE_PATHNAME', 'ci_pending_invites' LANGUAGE C STABLE;
COMMENT ON FUNCTION @extschema@.pending_invites(bigint) IS
    'the vendor''s usable invites (not revoked, not expired, uses left), newest first';

-- Registration through an invite: a customer written with metadata->>'invite_token' is
-- redeemed once the statement's rows are in place; the row trigger already removed the
-- token from the stored metadata.
CREATE FUNCTION @extschema@.customer_redeem_invites() RETURNS trigger
    AS 'MODULE_PATHNAME', 'ci_customer_redeem_invites' LANGUAGE C;
CREATE TRIGGER customer_redeem_invites
    AFTER INSERT OR UPDATE ON @extschema@.customer
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.customer_redeem_invites();
