-- References the benchmark measures the extension against, in the same run:
--   * bench.plpgsql_resolve: a straightforward PL/pgSQL implementation of
--     resolve_customer_identity with the same behaviour (resolution order, vendor email
--     path, enrichment, both conflict modes, find-or-create under advisory locks);
--   * bare indexed SELECTs (written inline in bench/measure.sql).
CREATE SCHEMA IF NOT EXISTS bench;

CREATE OR REPLACE FUNCTION bench.plpgsql_resolve(
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
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t text := plpgsql_resolve.tenant_id;
    e text := CASE WHEN plpgsql_resolve.email IS NULL THEN NULL ELSE customer_identity.normalize_email(plpgsql_resolve.email) END;
    p text := CASE WHEN plpgsql_resolve.phone IS NULL THEN NULL ELSE customer_identity.normalize_phone(plpgsql_resolve.phone) END;
    x text := plpgsql_resolve.external_customer_id;
    u text := plpgsql_resolve.user_id;
    c customer_identity.customer;
    v customer_identity.vendor;
    holder bigint;
    how text;
    attempt int := 0;
BEGIN
    IF t IS NULL OR btrim(t) = '' THEN
        RAISE EXCEPTION 'tenant_id must not be null or empty' USING ERRCODE = '22023';
    END IF;
    IF on_conflict IS NULL OR on_conflict NOT IN ('raise', 'return') THEN
        RAISE EXCEPTION 'on_conflict must be ''raise'' or ''return''' USING ERRCODE = '22023';
    END IF;
    LOOP
        attempt := attempt + 1;
        c := NULL; v := NULL; how := NULL;
        -- 1..5: the first match wins
        IF x IS NOT NULL THEN
            SELECT * INTO c FROM customer_identity.customer cu
             WHERE cu.tenant_id = t AND cu.external_customer_id = x AND cu.archived_at IS NULL;
            IF FOUND THEN how := 'external_customer_id'; END IF;
        END IF;
        IF how IS NULL AND u IS NOT NULL THEN
            SELECT * INTO c FROM customer_identity.customer cu
             WHERE cu.tenant_id = t AND cu.user_id = u AND cu.archived_at IS NULL;
            IF FOUND THEN how := 'user_id'; END IF;
        END IF;
        IF how IS NULL AND e IS NOT NULL THEN
            SELECT * INTO v FROM customer_identity.vendor ve
             WHERE ve.tenant_id = t AND ve.primary_contact_email_normalized = e
             ORDER BY ve.customer_id IS NULL, ve.id LIMIT 1;
            IF FOUND THEN
                how := 'vendor_email';
                IF v.customer_id IS NOT NULL THEN
                    SELECT * INTO c FROM customer_identity.customer cu WHERE cu.id = v.customer_id;
                ELSE
                    SELECT * INTO c FROM customer_identity.customer cu
                     WHERE cu.tenant_id = t AND cu.email_normalized = e AND cu.archived_at IS NULL;
                END IF;
            ELSE
                SELECT * INTO c FROM customer_identity.customer cu
                 WHERE cu.tenant_id = t AND cu.email_normalized = e AND cu.archived_at IS NULL;
                IF FOUND THEN how := 'customer_email'; END IF;
            END IF;
        END IF;
        IF how IS NULL AND p IS NOT NULL THEN
            SELECT * INTO c FROM customer_identity.customer cu
             WHERE cu.tenant_id = t AND cu.phone_normalized = p AND cu.archived_at IS NULL;
            IF FOUND THEN how := 'phone'; END IF;
        END IF;
        IF how IS NULL AND customer_ref IS NOT NULL THEN
            SELECT * INTO c FROM customer_identity.customer cu
             WHERE cu.id = customer_ref AND cu.archived_at IS NULL;
            IF FOUND THEN how := 'customer_ref'; END IF;
        END IF;

        -- conflicts: a given identifier held by another customer, or a different value
        IF c.id IS NOT NULL THEN
            -- each given identifier other than the one that matched, by its own index
            holder := NULL;
            IF holder IS NULL AND x IS NOT NULL AND how <> 'external_customer_id' THEN
                SELECT cu.id INTO holder FROM customer_identity.customer cu
                 WHERE cu.tenant_id = t AND cu.external_customer_id = x AND cu.archived_at IS NULL AND cu.id <> c.id;
            END IF;
            IF holder IS NULL AND u IS NOT NULL AND how <> 'user_id' THEN
                SELECT cu.id INTO holder FROM customer_identity.customer cu
                 WHERE cu.tenant_id = t AND cu.user_id = u AND cu.archived_at IS NULL AND cu.id <> c.id;
            END IF;
            IF holder IS NULL AND e IS NOT NULL AND how NOT IN ('customer_email') THEN
                SELECT cu.id INTO holder FROM customer_identity.customer cu
                 WHERE cu.tenant_id = t AND cu.email_normalized = e AND cu.archived_at IS NULL AND cu.id <> c.id;
            END IF;
            IF holder IS NULL AND p IS NOT NULL AND how <> 'phone' THEN
                SELECT cu.id INTO holder FROM customer_identity.customer cu
                 WHERE cu.tenant_id = t AND cu.phone_normalized = p AND cu.archived_at IS NULL AND cu.id <> c.id;
            END IF;
            IF holder IS NOT NULL THEN
                IF on_conflict = 'raise' THEN
                    RAISE EXCEPTION 'identity conflict between customers % and %', c.id, holder
                          USING ERRCODE = 'CI001';
                END IF;
                RETURN QUERY SELECT NULL::bigint, NULL::bigint, 'conflict'::text, false;
                RETURN;
            END IF;
            IF (x IS NOT NULL AND c.external_customer_id IS DISTINCT FROM x AND c.external_customer_id IS NOT NULL)
               OR (u IS NOT NULL AND c.user_id <> u)
               OR (e IS NOT NULL AND c.email_normalized <> e)
               OR (p IS NOT NULL AND c.phone_normalized <> p) THEN
                IF on_conflict = 'raise' THEN
                    RAISE EXCEPTION 'identity conflict: customer % holds other values', c.id
                          USING ERRCODE = 'CI001';
                END IF;
                RETURN QUERY SELECT NULL::bigint, NULL::bigint, 'conflict'::text, false;
                RETURN;
            END IF;
            -- enrichment, under the identifiers' locks
            IF (x IS NOT NULL AND c.external_customer_id IS NULL) OR (u IS NOT NULL AND c.user_id IS NULL)
               OR (e IS NOT NULL AND c.email_normalized IS NULL) OR (p IS NOT NULL AND c.phone_normalized IS NULL)
               OR (name IS NOT NULL AND c.name IS NULL) THEN
                PERFORM pg_advisory_xact_lock(hashtextextended(t || '|' || k, 0))
                   FROM unnest(ARRAY[x, u, e, p]) k WHERE k IS NOT NULL ORDER BY hashtextextended(t || '|' || k, 0);
                UPDATE customer_identity.customer cu SET
                    external_customer_id = COALESCE(cu.external_customer_id, x),
                    user_id = COALESCE(cu.user_id, u), email = COALESCE(cu.email, plpgsql_resolve.email),
                    phone = COALESCE(cu.phone, plpgsql_resolve.phone), name = COALESCE(cu.name, plpgsql_resolve.name)
                 WHERE cu.id = c.id;
            END IF;
            IF how = 'vendor_email' AND v.customer_id IS NULL THEN
                PERFORM customer_identity.link_vendor_to_customer(v.id, c.id);
            END IF;
            RETURN QUERY SELECT c.id, (SELECT ve.id FROM customer_identity.vendor ve WHERE ve.customer_id = c.id),
                                how, false;
            RETURN;
        END IF;

        -- 6: create, under the identifiers' locks; another session may have won: look again
        IF NOT create_missing THEN RETURN; END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended(t || '|' || k, 0))
           FROM unnest(ARRAY[x, u, e, p]) k WHERE k IS NOT NULL ORDER BY hashtextextended(t || '|' || k, 0);
        BEGIN
            INSERT INTO customer_identity.customer AS cu (tenant_id, external_customer_id, user_id, email, phone, name)
            VALUES (t, x, u, plpgsql_resolve.email, plpgsql_resolve.phone, plpgsql_resolve.name)
            RETURNING * INTO c;
        EXCEPTION WHEN unique_violation THEN
            IF attempt < 3 THEN CONTINUE; END IF;
            RAISE;
        END;
        IF v.id IS NOT NULL THEN
            PERFORM customer_identity.link_vendor_to_customer(v.id, c.id);
        END IF;
        INSERT INTO customer_identity.identity_event (tenant_id, event_type, customer_id, method)
        VALUES (t, 'created', c.id, COALESCE(how, 'created'));
        RETURN QUERY SELECT c.id, v.id, COALESCE(how, 'created'), true;
        RETURN;
    END LOOP;
END $$;

-- A plain INSERT of one customer, as one statement per call (the find-or-create reference).
CREATE OR REPLACE FUNCTION bench.insert_customer(email text) RETURNS bigint
LANGUAGE sql AS $$
    INSERT INTO customer_identity.customer (email) VALUES ($1) RETURNING id;
$$;
