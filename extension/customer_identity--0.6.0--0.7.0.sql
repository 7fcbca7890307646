-- customer_identity 0.6.0 -> 0.7.0: erasure touches only what is the person's.
-- A fresh install of 0.7.0 runs this script too (customer_identity--0.7.0.sql is built from
-- the chain, see CMakeLists.txt).
\echo Use "ALTER EXTENSION customer_identity UPDATE" to load this file. \quit

------------------------------------------------------------------------------
-- Erasure's payload helpers (src/erasure.cpp passes the values)
------------------------------------------------------------------------------
-- The text with every occurrence of the values replaced by ***, case-insensitively and
-- literally (a value is text, never a pattern); a text equal to one is *** whole.  The
-- longest values go first, so a value inside a longer one leaves no piece of it behind.
-- NULL stays NULL.
CREATE OR REPLACE FUNCTION @extschema@.erased_text(value text, personal text[]) RETURNS text
    LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    p text;
    lowered text;
    piece text;
    result text;
    at integer;
BEGIN
    IF value IS NULL THEN
        RETURN NULL;
    END IF;
    IF lower(value) = ANY (SELECT lower(x) FROM unnest(personal) x) THEN
        RETURN '***';
    END IF;
    FOR p IN SELECT x FROM unnest(personal) x WHERE x <> '' ORDER BY length(x) DESC, x LOOP
        lowered := lower(value);
        IF length(lowered) <> length(value) THEN
            -- lower() changed the length (a few Unicode case mappings): a position in the
            -- lowered text is no position in the text, so match as given and in lower case.
            value := replace(replace(value, p, '***'), lower(p), '***');
            CONTINUE;
        END IF;
        CONTINUE WHEN strpos(lowered, lower(p)) = 0;
        -- The lowered text split at each occurrence gives the lengths of the pieces kept.
        result := NULL;
        at := 1;
        FOREACH piece IN ARRAY string_to_array(lowered, lower(p)) LOOP
            result := CASE WHEN result IS NULL THEN '' ELSE result || '***' END
                      || substr(value, at, length(piece));
            at := at + length(piece) + length(p);
        END LOOP;
        value := result;
    END LOOP;
    RETURN value;
END $$;

-- The jsonb value with the values taken out: a string or number equal to one of `whole`
-- (or of `personal`) becomes null, a string containing one of `personal` has it replaced
-- by ***, and a snapshot of one of the erased customers (merge events record whole rows)
-- loses its personal columns and keeps everything else as it is (ids, timestamps, roles,
-- links: unmerge reads them).  Keys are structure and always stay, as do the values under
-- id keys ("id", "..._id", "customer_ref") even if one equals a personal value.
DROP FUNCTION @extschema@.erased_jsonb(jsonb, text[], text[]);
CREATE FUNCTION @extschema@.erased_jsonb(value jsonb, personal text[], erased_ids text[], whole text[])
    RETURNS jsonb LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s text;
BEGIN
    CASE jsonb_typeof(value)
    WHEN 'object' THEN
        IF value ? 'id' AND value ? 'email_normalized' AND (value->>'id') = ANY (erased_ids) THEN
            RETURN value || jsonb_build_object(
                'name', NULL, 'email', NULL, 'email_normalized', NULL, 'phone', NULL,
                'phone_normalized', NULL, 'external_customer_id', NULL, 'user_id', NULL,
                'metadata', '{}'::jsonb, 'email_verified_at', NULL, 'phone_verified_at', NULL);
        END IF;
        RETURN COALESCE((SELECT jsonb_object_agg(k, CASE
                                    WHEN k = 'id' OR k = 'customer_ref' OR (k LIKE '%\_id'
                                         AND k NOT IN ('external_customer_id', 'user_id')) THEN v
                                    ELSE @extschema@.erased_jsonb(v, personal, erased_ids, whole) END)
                           FROM jsonb_each(value) AS e(k, v)),
                        '{}'::jsonb);
    WHEN 'array' THEN
        RETURN COALESCE((SELECT jsonb_agg(@extschema@.erased_jsonb(v, personal, erased_ids, whole) ORDER BY n)
                           FROM jsonb_array_elements(value) WITH ORDINALITY AS a(v, n)),
                        '[]'::jsonb);
    WHEN 'string' THEN
        s := value #>> '{}';
        IF lower(s) = ANY (SELECT lower(x) FROM unnest(personal || whole) x) THEN
            RETURN 'null'::jsonb;
        END IF;
        RETURN to_jsonb(@extschema@.erased_text(s, personal));
    WHEN 'number' THEN
        IF value::text = ANY (personal || whole) THEN
            RETURN 'null'::jsonb;
        END IF;
        RETURN value;
    ELSE
        RETURN value;
    END CASE;
END $$;
REVOKE ALL ON FUNCTION @extschema@.erased_jsonb(jsonb, text[], text[], text[]) FROM PUBLIC;

-- Does the payload name one of the identifiers?  `identifiers` holds 'kind:value' (kinds
-- email_normalized, phone_normalized, external_customer_id, user_id).  A string under a key
-- named for a kind is compared whole, as that kind (an email or phone as the tenant derives
-- it); any other string is searched for `shaped`, the emails and phones as typed and
-- normalized, which no other kind of value looks like.  So a free-text external id that
-- happens to spell someone else's email names nobody.
CREATE FUNCTION @extschema@.payload_mentions(payload jsonb, tenant_id text, identifiers text[],
                                             shaped text[], key text DEFAULT NULL)
    RETURNS boolean LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s text;
    kind text;
BEGIN
    CASE jsonb_typeof(payload)
    WHEN 'object' THEN
        RETURN EXISTS (SELECT 1 FROM jsonb_each(payload) AS e(k, v)
                        WHERE @extschema@.payload_mentions(v, tenant_id, identifiers, shaped, k));
    WHEN 'array' THEN
        RETURN EXISTS (SELECT 1 FROM jsonb_array_elements(payload) AS a(v)
                        WHERE @extschema@.payload_mentions(v, tenant_id, identifiers, shaped, key));
    WHEN 'string' THEN
        s := payload #>> '{}';
        kind := CASE WHEN key IN ('email', 'email_normalized', 'primary_contact_email') THEN 'email'
                     WHEN key IN ('phone', 'phone_normalized') THEN 'phone'
                     WHEN key IN ('external_customer_id', 'user_id') THEN key END;
        IF kind IN ('email', 'phone') THEN
            RETURN COALESCE(kind || '_normalized:' || @extschema@.derived_identifier(tenant_id, kind, s)
                            = ANY (identifiers), false);
        ELSIF kind IS NOT NULL THEN
            RETURN kind || ':' || s = ANY (identifiers);
        END IF;
        RETURN EXISTS (SELECT 1 FROM unnest(shaped) AS x WHERE strpos(lower(s), lower(x)) > 0);
    ELSE
        RETURN false;
    END CASE;
END $$;
REVOKE ALL ON FUNCTION @extschema@.payload_mentions(jsonb, text, text[], text[], text) FROM PUBLIC;

------------------------------------------------------------------------------
-- check_integrity: a rotated invite token points at one of its own tenant and vendor
------------------------------------------------------------------------------
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
    SELECT 'audit detail holds something like an invite token', e.tenant_id, 'event ' || e.id, NULL
      FROM @extschema@.identity_event e
     WHERE ($1 IS NULL OR e.tenant_id OPERATOR(pg_catalog.=) $1) AND e.detail::text OPERATOR(pg_catalog.~) 'cit_[A-Za-z0-9_-]{20,}'
$$;

