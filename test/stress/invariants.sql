-- Invariants of SPEC.md / README.md over the whole database: every query below must return
-- ZERO rows.  Each row names the invariant it breaks (first column) and the rows involved.
-- Run with psql as a superuser:  psql -X -f test/stress/invariants.sql DB
-- (test/stress/run.sh runs it after the soak, after a crash and after the fuzzing.)
\set ON_ERROR_STOP 1
\pset footer off
SET search_path = customer_identity, pg_catalog;

\echo invariant 1: each identifier is unique among the active customers of a tenant
SELECT 'duplicate active ' || k.column_name AS broken, c.tenant_id, k.value,
       array_agg(c.id ORDER BY c.id) AS ids
  FROM customer c,
       LATERAL (VALUES ('external_customer_id', c.external_customer_id), ('user_id', c.user_id),
                       ('email_normalized', c.email_normalized),
                       ('phone_normalized', c.phone_normalized)) AS k(column_name, value)
 WHERE c.archived_at IS NULL AND k.value IS NOT NULL
 GROUP BY k.column_name, c.tenant_id, k.value HAVING count(*) > 1
UNION ALL
-- the same, recomputed from the raw values (a stale normalized column cannot hide a duplicate)
SELECT 'duplicate active normalize_email(email)', tenant_id, normalize_email(email), array_agg(id ORDER BY id)
  FROM customer WHERE archived_at IS NULL AND email IS NOT NULL
 GROUP BY tenant_id, normalize_email(email) HAVING count(*) > 1
UNION ALL
SELECT 'duplicate active normalize_phone(phone)', tenant_id, normalize_phone(phone), array_agg(id ORDER BY id)
  FROM customer WHERE archived_at IS NULL AND phone IS NOT NULL
 GROUP BY tenant_id, normalize_phone(phone) HAVING count(*) > 1;

\echo invariant 2: the normalized columns agree with normalize_email / normalize_phone
SELECT 'customer.email_normalized stale' AS broken, id, email, email_normalized
  FROM customer WHERE email_normalized IS DISTINCT FROM normalize_email(email)
UNION ALL
SELECT 'customer.phone_normalized stale', id, phone, phone_normalized
  FROM customer WHERE phone_normalized IS DISTINCT FROM normalize_phone(phone)
UNION ALL
SELECT 'vendor.primary_contact_email_normalized stale', id, primary_contact_email, primary_contact_email_normalized
  FROM vendor WHERE primary_contact_email_normalized IS DISTINCT FROM normalize_email(primary_contact_email);

\echo invariant 3: customers are well-formed (roles, tenant, archive state, no stored invite token)
SELECT 'customer with an unknown, NULL or no role' AS broken, id, roles::text AS value
  FROM customer WHERE NOT roles <@ ARRAY['customer', 'vendor', 'wholesale', 'retail'] OR array_position(roles, NULL) IS NOT NULL
UNION ALL
SELECT 'customer with a blank tenant or identifier', id, concat_ws(' | ', tenant_id, external_customer_id, user_id)
  FROM customer WHERE btrim(tenant_id) = '' OR btrim(external_customer_id) = '' OR btrim(user_id) = ''
UNION ALL
SELECT 'customer merged_into without archived_at', id, merged_into::text
  FROM customer WHERE merged_into IS NOT NULL AND archived_at IS NULL
UNION ALL
-- archived_at is set only by merges (no direct archiving in the soak)
SELECT 'customer archived without merged_into', id, archived_at::text
  FROM customer WHERE archived_at IS NOT NULL AND merged_into IS NULL
UNION ALL
SELECT 'customer merged into a customer of another tenant', c.id, c.tenant_id || ' -> ' || m.tenant_id
  FROM customer c JOIN customer m ON m.id = c.merged_into WHERE m.tenant_id <> c.tenant_id
UNION ALL
SELECT 'customer merged into a missing customer', c.id, c.merged_into::text
  FROM customer c WHERE c.merged_into IS NOT NULL AND NOT EXISTS (SELECT 1 FROM customer m WHERE m.id = c.merged_into)
UNION ALL
SELECT 'customer metadata keeps an invite token', id, metadata::text
  FROM customer WHERE metadata ? 'invite_token';

\echo invariant 4: merged_into chains end at an active customer (no cycle)
WITH RECURSIVE chain (start_id, id, depth, path) AS (
    SELECT c.id, c.merged_into, 1, ARRAY[c.id] FROM customer c WHERE c.merged_into IS NOT NULL
    UNION ALL
    SELECT ch.start_id, c.merged_into, ch.depth + 1, ch.path || c.id
      FROM chain ch JOIN customer c ON c.id = ch.id
     WHERE c.merged_into IS NOT NULL AND NOT c.id = ANY (ch.path) AND ch.depth < 10000
)
SELECT 'merged_into cycle' AS broken, start_id, path::text
  FROM chain ch WHERE ch.id = ANY (ch.path)
UNION ALL
SELECT 'merged_into chain ends at an archived customer', ch.start_id, (ch.path || ch.id)::text
  FROM chain ch JOIN customer c ON c.id = ch.id
 WHERE c.merged_into IS NULL AND c.archived_at IS NOT NULL;

\echo invariant 5: vendor links (one customer per vendor, active, same tenant, role vendor both ways)
SELECT 'vendor linked to an archived customer' AS broken, v.id AS vendor_id, c.id AS customer_id, c.archived_at::text AS value
  FROM vendor v JOIN customer c ON c.id = v.customer_id WHERE c.archived_at IS NOT NULL
UNION ALL
SELECT 'vendor linked to a customer without role vendor', v.id, c.id, c.roles::text
  FROM vendor v JOIN customer c ON c.id = v.customer_id WHERE NOT 'vendor' = ANY (c.roles)
UNION ALL
SELECT 'vendor linked to a customer of another tenant', v.id, c.id, v.tenant_id || ' / ' || c.tenant_id
  FROM vendor v JOIN customer c ON c.id = v.customer_id WHERE v.tenant_id <> c.tenant_id
UNION ALL
SELECT 'vendor linked to a missing customer', v.id, v.customer_id, NULL
  FROM vendor v WHERE v.customer_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM customer c WHERE c.id = v.customer_id)
UNION ALL
SELECT 'customer linked from more than one vendor', min(v.id), v.customer_id, array_agg(v.id)::text
  FROM vendor v WHERE v.customer_id IS NOT NULL GROUP BY v.customer_id HAVING count(*) > 1
UNION ALL
SELECT 'active customer with role vendor and no vendor linked to it', NULL, c.id, c.roles::text
  FROM customer c
 WHERE c.archived_at IS NULL AND 'vendor' = ANY (c.roles)
   AND NOT EXISTS (SELECT 1 FROM vendor v WHERE v.customer_id = c.id);

\echo invariant 6: clientele rows (vendor_customer) point at active customers of the tenant of the vendor
SELECT 'clientele row of an archived customer' AS broken, vc.vendor_id, vc.customer_id, c.archived_at::text AS value
  FROM vendor_customer vc JOIN customer c ON c.id = vc.customer_id WHERE c.archived_at IS NOT NULL
UNION ALL
SELECT 'clientele row across tenants', vc.vendor_id, vc.customer_id,
       vc.tenant_id || ' / vendor ' || v.tenant_id || ' / customer ' || c.tenant_id
  FROM vendor_customer vc JOIN vendor v ON v.id = vc.vendor_id JOIN customer c ON c.id = vc.customer_id
 WHERE vc.tenant_id <> v.tenant_id OR vc.tenant_id <> c.tenant_id
UNION ALL
SELECT 'clientele row from an invite of another vendor, or invite without invite_id', vc.vendor_id, vc.customer_id,
       coalesce(vc.invite_id::text, 'NULL') || ' of vendor ' || coalesce(k.vendor_id::text, '?')
  FROM vendor_customer vc LEFT JOIN invite_token k ON k.id = vc.invite_id
 WHERE (vc.source = 'invite' AND vc.invite_id IS NULL) OR k.vendor_id <> vc.vendor_id;

\echo invariant 7: invite tokens (uses within max_uses, clientele rows within uses, only a SHA-256 stored)
SELECT 'invite token used more than max_uses' AS broken, id, use_count || ' > ' || max_uses AS value
  FROM invite_token WHERE max_uses IS NOT NULL AND use_count > max_uses
UNION ALL
SELECT 'invite token with more clientele rows than uses', k.id, count(*) || ' rows > ' || k.use_count || ' uses'
  FROM invite_token k JOIN vendor_customer vc ON vc.invite_id = k.id
 GROUP BY k.id, k.use_count HAVING count(*) > k.use_count
UNION ALL
SELECT 'invite token of another tenant than its vendor', k.id, k.tenant_id || ' / ' || v.tenant_id
  FROM invite_token k JOIN vendor v ON v.id = k.vendor_id WHERE k.tenant_id <> v.tenant_id
UNION ALL
SELECT 'invite token hash is not 32 bytes', id, octet_length(token_hash)::text
  FROM invite_token WHERE octet_length(token_hash) <> 32
UNION ALL
SELECT 'identity_event detail holds something like an invite token', id, left(detail::text, 200)
  FROM identity_event WHERE detail::text ~ 'cit_[A-Za-z0-9_-]{20,}';

\echo invariant 8: a vendor and the customer linked to it have the same email where both have one
SELECT 'linked vendor and customer with different emails' AS broken, v.id AS vendor_id, c.id AS customer_id,
       v.primary_contact_email_normalized || ' / ' || c.email_normalized AS emails
  FROM vendor v JOIN customer c ON c.id = v.customer_id
 WHERE v.primary_contact_email_normalized IS NOT NULL AND c.email_normalized IS NOT NULL
   AND v.primary_contact_email_normalized <> c.email_normalized;

\echo invariant 9: check_integrity() reports nothing (every rule of the contract, as the extension checks it)
SELECT 'check_integrity: ' || invariant AS broken, tenant_id, subject, detail
  FROM customer_identity.check_integrity();
