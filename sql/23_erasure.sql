-- erase_customer: the right to be forgotten.  A person's personal data -- name, email,
-- phone, external and user ids, metadata -- leaves the extension's tables: their rows (the
-- record and those merged with it), the audit payloads, the review queue, the blocked
-- values, a vendor's contact email.  Ids, links, clientele and merge history stay.  The
-- application role calls it ("delete my account").
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(23000);

-- Annabel, as two records merged: the checkout's and the app's
SELECT customer_id AS ann FROM resolve_customer_identity(tenant_id => 'erasure',
    external_customer_id => 'cus_AnnErase01', email => 'Ann.Erase@Example.test',
    name => 'Annabel Erasmus', phone => '+44 20 7946 0101') \gset
UPDATE customer SET metadata = '{"allergy": "peanut-severe", "tier": {"level": "platinum-erase"}}' WHERE id = :ann;
-- a stranger's claim on her email (with a login of his), under the verified policy
SELECT set_trust_policy('verified', 'erasure');
SELECT method, claim_id IS NOT NULL AS claimed FROM resolve_customer_identity(tenant_id => 'erasure',
    email => 'ann.erase@example.test', user_id => 'stranger-login', name => 'Stranger Keep');
SELECT set_trust_policy('trusting', 'erasure');
SELECT customer_id AS ann_app FROM resolve_customer_identity(tenant_id => 'erasure',
    user_id => 'annabel-login-77', phone => '+44 20 7946 0102', name => 'Annabel E.') \gset
SELECT merge_customers(:ann, :ann_app);
-- her shop, linked to her, with her email; and a shop she joined through its invite
SELECT upgrade_customer_to_vendor(:ann, 'Erasure Test Goods') AS ann_shop \gset
INSERT INTO vendor (tenant_id, name) VALUES ('erasure', 'Other Shop') RETURNING id AS other_shop \gset
SELECT created FROM redeem_invite_token(create_invite_token(:other_shop), :ann);
-- Bob's checkout once came with her email: a conflict event names it
SELECT customer_id AS bob FROM resolve_customer_identity(tenant_id => 'erasure',
    external_customer_id => 'cus_BobKeep', name => 'Bob Keep') \gset
SELECT method FROM resolve_customer_identity(tenant_id => 'erasure', external_customer_id => 'cus_BobKeep',
    email => 'ann.erase@example.test', on_conflict => 'return');
-- her second phone, blocked by the owner with a note that names her
SELECT block_identifier('erasure', 'phone', '+44 20 7946 0102', 'Annabel Erasmus asked us to stop calling it');
SELECT block_identifier('erasure', 'email', 'noreply@erasure.test', 'placeholder');
-- (a blocked value keeps its raw column and derives nothing: erasure finds it by the raw one)
SELECT phone, phone_normalized FROM customer WHERE id = :ann_app;

-- every value of hers, and a search of every text, json and array column of every table
-- (every table of the extension has tenant_id)
CREATE TABLE regress.personal (value text);
INSERT INTO regress.personal VALUES ('Annabel Erasmus'), ('Annabel E.'), ('Ann.Erase@Example.test'),
    ('ann.erase@example.test'), ('+44 20 7946 0101'), ('+442079460101'), ('+44 20 7946 0102'),
    ('+442079460102'), ('cus_AnnErase01'), ('annabel-login-77'), ('peanut-severe'), ('platinum-erase');
CREATE FUNCTION regress.personal_found() RETURNS TABLE (tbl text, col text, value text, hits bigint)
LANGUAGE plpgsql AS $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT a.attrelid::regclass::text AS t, a.attname AS a
               FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid
              WHERE r.relnamespace = 'customer_identity'::regnamespace AND r.relkind = 'r'
                AND a.attnum > 0 AND NOT a.attisdropped
                AND a.atttypid IN ('text'::regtype, 'varchar'::regtype, 'jsonb'::regtype,
                                   'json'::regtype, 'text[]'::regtype)
              ORDER BY 1, 2 LOOP
        -- one pass over the column for all the values, over the tenant's rows (and the rows
        -- of no tenant: the default policy); the other tests' tenants hold 100,000s of rows
        RETURN QUERY EXECUTE format(
            'WITH r AS MATERIALIZED (SELECT lower(%3$I::text) AS t FROM %4$s'
            '  WHERE %3$I IS NOT NULL AND (tenant_id IS NULL OR tenant_id = ''erasure''))'
            ' SELECT %1$L::text, %2$L::text, p.value, count(*) FROM r, regress.personal p'
            ' WHERE strpos(r.t, lower(p.value)) > 0 GROUP BY p.value ORDER BY p.value',
            c.t, c.a, c.a, c.t, c.a);
    END LOOP;
END $$;
-- before: she is everywhere
SELECT tbl, col, count(*) AS values_found FROM regress.personal_found() GROUP BY tbl, col ORDER BY 1, 2;

CREATE ROLE regress_ci_erase_app NOLOGIN;
SELECT grant_application_role('regress_ci_erase_app');
GRANT USAGE ON SCHEMA regress TO regress_ci_erase_app;
GRANT SELECT, INSERT, DELETE ON ALL TABLES IN SCHEMA regress TO regress_ci_erase_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_erase_app;
SET ROLE regress_ci_erase_app;

-- bad input: 22004 / CI011, nothing changed
SELECT regress.save_state();
SELECT erase_customer(NULL);
:sqlstate
SELECT erase_customer(:ann + 1000000);
:sqlstate
SELECT regress.unchanged();

-- "delete my account", given the id of the merged-away record: the whole person goes
SELECT erase_customer(:ann_app) = ARRAY[:ann, :ann_app]::bigint[] AS erased_both;
RESET ROLE;
-- after: none of her values is left anywhere
SELECT * FROM regress.personal_found();
SELECT id = :ann AS ann, name, email, phone, external_customer_id, user_id, metadata, roles,
       archived_at IS NULL AS active, merged_into = :ann AS merged_into_ann
  FROM customer WHERE id IN (:ann, :ann_app) ORDER BY id;
-- the structure stays: her shop's link (the shop keeps its name, not her email), her
-- clientele row, the merge
SELECT vendor_for_customer(:ann) = :ann_shop AS still_linked;
SELECT name, primary_contact_email FROM vendor WHERE id = :ann_shop;
SELECT vendor_id = :other_shop AS other_shop, source FROM vendor_customer WHERE customer_id = :ann;
-- other people's data stays: Bob, the stranger's claim (closed), the placeholder block
SELECT name, external_customer_id FROM customer WHERE id = :bob;
SELECT status, identifier, value, proposal->>'name' AS claimant, proposal->>'user_id' AS claimant_login,
       decision_note, decided_by IS NOT NULL AS decided_by_set
  FROM identity_claim WHERE tenant_id = 'erasure';
SELECT identifier, value, reason FROM blocked_identifier WHERE tenant_id = 'erasure' ORDER BY value;
SELECT event_type, detail->>'identifier' AS identifier, detail->>'message' AS message
  FROM identity_event WHERE tenant_id = 'erasure' AND event_type = 'conflict';
-- the erasure event: who, when, which records -- no personal value
SELECT event_type, customer_id = :ann AS ann, method, actor, created_at IS NOT NULL AS has_time,
       detail - 'customers' - 'vendors_cleared' AS counts,
       detail->'customers' = to_jsonb(ARRAY[:ann, :ann_app]) AS customers_ok,
       detail->'vendors_cleared' = to_jsonb(ARRAY[:ann_shop]) AS vendors_ok
  FROM identity_event WHERE tenant_id = 'erasure' AND event_type = 'erased';
-- resolving by the old identifiers no longer finds her
SELECT * FROM resolve_customer_identity(tenant_id => 'erasure', email => 'ann.erase@example.test', create_missing => false);
SELECT * FROM resolve_customer_identity(tenant_id => 'erasure', external_customer_id => 'cus_AnnErase01', create_missing => false);
SELECT * FROM resolve_customer_identity(tenant_id => 'erasure', user_id => 'annabel-login-77', create_missing => false);
SELECT * FROM resolve_customer_identity(tenant_id => 'erasure', phone => '+44 20 7946 0101', create_missing => false);
SELECT * FROM check_integrity('erasure');

-- unmerging the erased records brings nothing back; erasing again changes no data
SET ROLE regress_ci_erase_app;
SELECT unmerge_customer(:ann_app);
SELECT erase_customer(:ann) = ARRAY[:ann]::bigint[] AS erased_again;
RESET ROLE;
SELECT * FROM regress.personal_found();
SELECT * FROM check_integrity('erasure');

-- ids in payloads are structure: a user id that happens to equal an invite id does not
-- blank that invite id in the person's own events
SELECT create_invite_token(:other_shop) AS num_token \gset
SELECT id::text AS num_invite FROM invite_token WHERE vendor_id = :other_shop ORDER BY id DESC LIMIT 1 \gset
SELECT customer_id AS num FROM resolve_customer_identity(tenant_id => 'erasure', user_id => :'num_invite', name => 'Numeric Person') \gset
SELECT created FROM redeem_invite_token(:'num_token', :num);
SELECT cardinality(erase_customer(:num)) AS erased;
SELECT user_id, name FROM customer WHERE id = :num;
SELECT detail->>'invite_id' = :'num_invite' AS invite_id_kept FROM identity_event
 WHERE tenant_id = 'erasure' AND event_type = 'invite_redeemed' AND customer_id = :num;

-- the text helper takes values literally and case-insensitively, also when a value is part
-- of what an earlier value was replaced by (the mark, ***, holds no value)
SELECT erased_text('Call ANN.ERASE (x*) or rase.', ARRAY['ann.erase (x*)', 'rase']) AS erased;

-- a role bound to another tenant cannot erase her (CI011, as for an id that does not exist)
SELECT bind_role_to_tenant('regress_ci_erase_app', 'elsewhere');
SELECT regress.save_state();
SET ROLE regress_ci_erase_app;
SELECT erase_customer(:bob);
:sqlstate
RESET ROLE;
SELECT regress.unchanged();
SELECT unbind_role_from_tenant('regress_ci_erase_app');
SELECT set_tenant_isolation(false);
-- PUBLIC cannot call it
SELECT has_function_privilege('public', 'customer_identity.erase_customer(bigint)', 'EXECUTE') AS public_may_erase;

DROP TABLE regress.personal;
DROP FUNCTION regress.personal_found();
DROP OWNED BY regress_ci_erase_app;
DROP ROLE regress_ci_erase_app;
