-- erase_customer: the right to be forgotten.  A person's personal data -- name, email,
-- phone, external and user ids, metadata -- leaves the extension's tables: their rows (the
-- record and those merged with it), the audit payloads, the review queue, a vendor's
-- contact email, the owner's reasons for blocking a value of theirs.  Ids, links,
-- clientele, merge history and the blocked values themselves stay.  The application role
-- calls it ("delete my account"), so what it touches beyond the person is bounded by their
-- own unique identifiers (the attacks at the end, run as that role).
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
CREATE TABLE regress.personal (value text);
INSERT INTO regress.personal VALUES ('Annabel Erasmus'), ('Annabel E.'), ('Ann.Erase@Example.test'),
    ('ann.erase@example.test'), ('+44 20 7946 0101'), ('+442079460101'), ('+44 20 7946 0102'),
    ('+442079460102'), ('cus_AnnErase01'), ('annabel-login-77'), ('peanut-severe'), ('platinum-erase');
CREATE FUNCTION regress.personal_found() RETURNS TABLE (tbl text, col text, value text, hits bigint)
LANGUAGE sql AS $$ SELECT * FROM regress.values_found('erasure', ARRAY(SELECT value FROM regress.personal)) $$;
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
-- after: none of her values is left anywhere but the blocked value itself: the owner's list
-- keeps its entry (and the event that blocked it records which); only its reason lost her name
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
       detail->'events_scrubbed' AS events_scrubbed, detail->'block_reasons_scrubbed' AS block_reasons,
       detail->'customers' = to_jsonb(ARRAY[:ann, :ann_app]) AS customers_ok,
       detail->'vendors_cleared' = to_jsonb(ARRAY[:ann_shop]) AS vendors_ok,
       jsonb_array_length(detail->'claims_scrubbed') AS claims, detail->'other_events_scrubbed' AS other_events
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

-- Short values: a user id or name under four characters cannot be searched inside other
-- strings, but a payload string equal to one goes from the events about the person
SELECT customer_id AS short FROM resolve_customer_identity(tenant_id => 'erasure', user_id => 'q7', name => 'Al') \gset
SELECT cardinality(erase_customer(:short)) AS erased;
SELECT detail FROM identity_event WHERE customer_id = :short AND event_type = 'created';

-- Events left in a customer's former tenant are about the customer too
SELECT customer_id AS mover FROM resolve_customer_identity(tenant_id => 'erasure_before',
    external_customer_id => 'cus_MoverErase', name => 'Morgan Mover') \gset
UPDATE customer SET tenant_id = 'erasure' WHERE id = :mover;
SELECT cardinality(erase_customer(:mover)) AS erased;
SELECT tenant_id, detail FROM identity_event WHERE customer_id = :mover AND event_type = 'created';

-- Merge snapshots lose the personal columns and nothing else: a metadata value that spells
-- a role ("customer") leaves the snapshots' roles alone, and the erased pair still unmerges
SELECT customer_id AS keep1 FROM resolve_customer_identity(tenant_id => 'erasure', user_id => 'snap-one') \gset
SELECT customer_id AS keep2 FROM resolve_customer_identity(tenant_id => 'erasure', user_id => 'snap-two') \gset
UPDATE customer SET metadata = '{"segment": "customer"}' WHERE id = :keep2;
SELECT merge_customers(:keep1, :keep2);
SELECT cardinality(erase_customer(:keep1)) AS erased;
SELECT detail->'duplicate'->'roles' AS duplicate_roles, detail->'duplicate'->'metadata' AS duplicate_metadata,
       (detail->'duplicate'->>'created_at')::timestamptz = (SELECT created_at FROM customer WHERE id = :keep2) AS created_at_kept
  FROM identity_event WHERE event_type = 'merged' AND other_customer_id = :keep2;
SELECT unmerge_customer(:keep2);
SELECT roles, archived_at IS NULL AS active, metadata FROM customer WHERE id = :keep2;

-- Keys are structure: a value equal to a key (user id "email") blanks values, never keys
SELECT customer_id AS keyed FROM resolve_customer_identity(tenant_id => 'erasure', user_id => 'email',
    email => 'keyed@erasure.test') \gset
SELECT cardinality(erase_customer(:keyed)) AS erased;
SELECT detail FROM identity_event WHERE customer_id = :keyed AND event_type = 'created';

-- Other events of the tenant that name her identifiers lose her values too, and the
-- erasure event lists them: a string under an email key compared as an email, free text
-- searched for her email; a string that spells her email under another kind's key does
-- not name her
SELECT customer_id AS named FROM resolve_customer_identity(tenant_id => 'erasure', email => 'Named@Erasure.test',
    name => 'Nadia Named') \gset
INSERT INTO identity_event (tenant_id, event_type, method, detail) VALUES
    ('erasure', 'import_left_alone', 'import', '{"email": " NAMED@erasure.test ", "name": "Nadia Named"}'),
    ('erasure', 'import_left_alone', 'import', '{"reason": "row 7: named@erasure.test is taken"}'),
    ('erasure', 'import_left_alone', 'import', '{"external_customer_id": "named@erasure.test"}');
SELECT cardinality(erase_customer(:named)) AS erased;
SELECT e.detail, e.id = ANY (SELECT jsonb_array_elements_text(x.detail->'other_events_scrubbed')::bigint
                              FROM identity_event x WHERE x.event_type = 'erased' AND x.customer_id = :named) AS listed
  FROM identity_event e WHERE e.tenant_id = 'erasure' AND e.event_type = 'import_left_alone' ORDER BY e.id;

-- A merge tree past 250 customers is refused (its locks would be unbounded): 54000,
-- nothing changed
SELECT customer_id AS big FROM resolve_customer_identity(tenant_id => 'erasure', user_id => 'big-root') \gset
DO $$
DECLARE
    root bigint := (SELECT id FROM customer_identity.customer WHERE tenant_id = 'erasure' AND user_id = 'big-root');
    dup bigint;
BEGIN
    FOR i IN 1..250 LOOP
        INSERT INTO customer_identity.customer (tenant_id, user_id) VALUES ('erasure', 'big-' || i) RETURNING id INTO dup;
        PERFORM customer_identity.merge_customers(root, dup);
    END LOOP;
END $$;
SELECT regress.save_state();
SET ROLE regress_ci_erase_app;
SELECT erase_customer(:big);
:sqlstate
RESET ROLE;
SELECT regress.unchanged();

-- Attacks as the application role: it erases a customer it made up to reach what is not
-- that customer's.  Each fails: nothing beyond the made-up customer changes.
-- 1. A value the owner blocked, typed into the made-up customer: the block stays, with
--    its reason (the customer's own values are not in it)
SELECT block_identifier('erasure', 'email', 'ring@fraud.test', 'fraud ring, case 2025-114');
INSERT INTO customer (tenant_id, email, name) VALUES ('erasure', 'ring@fraud.test', 'Made Up') RETURNING id AS madeup1 \gset
-- 2. A victim's open claim and audit: the made-up customer's external id spells the
--    victim's email, which the claim rests on and the victim's events carry
SELECT customer_id AS victim FROM resolve_customer_identity(tenant_id => 'erasure',
    email => 'victim@claim.test', name => 'Vic Tim') \gset
SELECT set_trust_policy('verified', 'erasure');
SELECT method, claim_id IS NOT NULL AS claimed FROM resolve_customer_identity(tenant_id => 'erasure',
    email => 'victim@claim.test', user_id => 'claimant-login');
SELECT set_trust_policy('trusting', 'erasure');
INSERT INTO customer (tenant_id, external_customer_id, name) VALUES ('erasure', 'victim@claim.test', 'fraud ring')
RETURNING id AS madeup2 \gset
CREATE TABLE regress.others AS
    SELECT 'event ' || id AS what, detail::text AS content FROM identity_event
     WHERE tenant_id = 'erasure' AND (customer_id IS DISTINCT FROM :madeup1 AND customer_id IS DISTINCT FROM :madeup2)
    UNION ALL SELECT 'claim ' || id, status || ' ' || value || ' ' || proposal::text FROM identity_claim WHERE tenant_id = 'erasure'
    UNION ALL SELECT 'block ' || value, COALESCE(reason, '') FROM blocked_identifier WHERE tenant_id = 'erasure'
    UNION ALL SELECT 'vendor ' || id, COALESCE(primary_contact_email, '') FROM vendor WHERE tenant_id = 'erasure'
    UNION ALL SELECT 'customer ' || id, row(c.*)::text FROM customer c
     WHERE tenant_id = 'erasure' AND id NOT IN (:madeup1, :madeup2);
GRANT SELECT ON regress.others TO regress_ci_erase_app;
SET ROLE regress_ci_erase_app;
SELECT cardinality(erase_customer(:madeup1)) AS erased;
SELECT cardinality(erase_customer(:madeup2)) AS erased;
SELECT is_blocked_identifier('erasure', 'email', 'ring@fraud.test') AS still_blocked;
RESET ROLE;
-- nothing of anyone else changed (an erasure leaves its own event, about the made-up ones)
SELECT o.what, o.content AS before, n.content AS after FROM regress.others o
  LEFT JOIN (SELECT 'event ' || id AS what, detail::text AS content FROM identity_event WHERE tenant_id = 'erasure'
             UNION ALL SELECT 'claim ' || id, status || ' ' || value || ' ' || proposal::text FROM identity_claim WHERE tenant_id = 'erasure'
             UNION ALL SELECT 'block ' || value, COALESCE(reason, '') FROM blocked_identifier WHERE tenant_id = 'erasure'
             UNION ALL SELECT 'vendor ' || id, COALESCE(primary_contact_email, '') FROM vendor WHERE tenant_id = 'erasure'
             UNION ALL SELECT 'customer ' || id, row(c.*)::text FROM customer c WHERE tenant_id = 'erasure') n USING (what)
 WHERE n.content IS DISTINCT FROM o.content;
SELECT detail->'other_events_scrubbed' AS other_events, detail->'claims_scrubbed' AS claims,
       detail->'vendors_cleared' AS vendors, detail->'block_reasons_scrubbed' AS block_reasons
  FROM identity_event WHERE event_type = 'erased' AND customer_id IN (:madeup1, :madeup2) ORDER BY customer_id;
SELECT status FROM identity_claim WHERE tenant_id = 'erasure' AND proposal->>'user_id' = 'claimant-login';
DROP TABLE regress.others;

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
