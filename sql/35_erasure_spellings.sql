-- Erasure finds every spelling of a person's email and phone (issue 28).  Their identities
-- are the tenant's canonical forms (a phone region, an email canonicalization); the rows,
-- the audit trail and the review queue keep whatever spelling was written.  A value under an
-- email or phone key leaves when its identity under the tenant's rules is one of theirs,
-- however it is spelled; a similar value of someone else's stays, and so does a former one
-- of theirs that someone else holds now.  Writes, merges and erasures run as the application
-- role (what grant_application_role gives); the owner sets the rules, imports, and writes
-- the other records of the trail (a CRM's notes, a sync report).
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(35000);

CREATE ROLE regress_ci_spell_app NOLOGIN;
SELECT grant_application_role('regress_ci_spell_app');
GRANT USAGE ON SCHEMA regress TO regress_ci_spell_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_spell_app;
-- spell_gb reads phones in GB (emails: the default, 'exact'); spell_pv reduces emails to the
-- provider's mailbox (phones: the default, 'international'); both `verified`
SELECT set_phone_region('GB', 'spell_gb');
SELECT set_email_canonicalization('provider', 'spell_pv');
SELECT set_trust_policy('verified', 'spell_gb');
SELECT set_trust_policy('verified', 'spell_pv');
SELECT t, phone_region(t), email_canonicalization(t) FROM unnest(ARRAY['spell_gb', 'spell_pv']) AS t;

-- The values searched for, whose they are, and the search of sql/28 (every text, json and
-- array column of every table, over the tenant)
CREATE TABLE regress.spell_values (tenant text, whose text, value text);
CREATE FUNCTION regress.spell_found(tenant text, whose text)
RETURNS TABLE (tbl text, col text, value text, hits bigint) LANGUAGE sql AS $$
    SELECT * FROM regress.values_found(tenant,
        ARRAY(SELECT v.value FROM regress.spell_values v WHERE v.tenant = $1 AND v.whose = $2))
$$;
-- The audit records the owner wrote, ids relative to the file's base
CREATE FUNCTION regress.spell_notes(tenant text) RETURNS TABLE (event bigint, detail jsonb)
LANGUAGE sql AS $$
    SELECT e.id - 35000, e.detail FROM customer_identity.identity_event e
     WHERE e.tenant_id = tenant AND e.method = 'crm' ORDER BY e.id
$$;

------------------------------------------------------------------------------
-- 1. Phones read in GB, exact emails: Ann's email and phone in many spellings
------------------------------------------------------------------------------
SET ROLE regress_ci_spell_app;
-- she registers with her email and login
SELECT customer_id AS ann FROM resolve_customer_identity(tenant_id => 'spell_gb',
    email => 'ÄNN@Bücher.de', user_id => 'gb-ann-login', name => 'Ann Spelling') \gset
-- her login with her email in NFD and upper case: her
SELECT method, customer_id = :ann AS her FROM resolve_customer_identity(tenant_id => 'spell_gb',
    user_id => 'gb-ann-login', email => U&'A\0308NN@BU\0308CHER.DE');
RESET ROLE;
-- the shop's old customer list, imported: her checkout record, with a national phone and
-- an extension (a customer of its own: nothing in it names her)
CREATE TABLE regress.spell_staging (id integer PRIMARY KEY, name text, phone text,
                                    external_customer_id text);
INSERT INTO regress.spell_staging VALUES (1, 'A. Spelling', '020 7946 0000 ext. 123', 'cus_GbAnnDup');
SELECT action, customer_id IS NOT NULL AS customer FROM import_customers('regress.spell_staging', 'spell_gb', false);
SELECT id AS ann_dup FROM customer WHERE tenant_id = 'spell_gb' AND external_customer_id = 'cus_GbAnnDup' \gset
SET ROLE regress_ci_spell_app;
-- strangers type her email and that phone, each with an id of theirs: a claim on each record
SELECT method, claim_id IS NOT NULL AS claimed FROM resolve_customer_identity(tenant_id => 'spell_gb',
    email => U&'a\0308nn@bu\0308cher.de.', external_customer_id => 'cus_GbStranger1', name => 'Stranger One');
SELECT method, claim_id IS NOT NULL AS claimed FROM resolve_customer_identity(tenant_id => 'spell_gb',
    phone => 'tel:+44-20-7946-0000;ext=12', user_id => 'gb-stranger-2', name => 'Stranger Two');
-- the two records are one person: merged, she gains the phone as the import wrote it
SELECT merge_customers(:ann, :ann_dup);
-- then the application rewrites both, in other spellings of the same identities
UPDATE customer SET email = 'ÄNN@ｂüｃｈｅｒ．ｄｅ', phone = '+44 (0)20 7946 0000' WHERE id = :ann;
SELECT id = :ann AS her, email, email_normalized, phone, phone_normalized, archived
  FROM regress.customers('spell_gb') ORDER BY id;
-- Bea, written directly: a different, similar email (under 'exact' the dot counts) and a
-- phone of another country ending in the same seven digits; Cal: the email without the dot
INSERT INTO customer (tenant_id, name, email, phone)
VALUES ('spell_gb', 'Bea Similar', 'ann.smith@gmail.com', '+1 555 946 0000') RETURNING id AS bea \gset
SELECT customer_id AS cal FROM resolve_customer_identity(tenant_id => 'spell_gb',
    email => 'annsmith@gmail.com', user_id => 'gb-cal-login', name => 'Cal Erased') \gset
RESET ROLE;
-- other records of the tenant naming them, spelled as their sources wrote them
INSERT INTO identity_event (tenant_id, event_type, method, detail) VALUES
    ('spell_gb', 'crm_note', 'crm', '{"email": "ÄNN@Bücher.de"}'),
    ('spell_gb', 'crm_note', 'crm', jsonb_build_object('email', U&'a\0308nn@bu\0308cher.de')),
    ('spell_gb', 'crm_note', 'crm', '{"email": "änn@bücher.de."}'),
    ('spell_gb', 'crm_note', 'crm', '{"email": "änn@ｂüｃｈｅｒ．ｄｅ"}'),
    ('spell_gb', 'crm_note', 'crm', '{"contact": {"phone": "+44 (0)20 7946 0000"}, "score": "7"}'),
    ('spell_gb', 'crm_note', 'crm', '{"phone": ["0044 20 7946 0000", "tel:+44-20-7946-0000"]}'),
    ('spell_gb', 'crm_note', 'crm', '{"phone": "020 7946 0000 ext. 123", "note": "call after 5"}'),
    ('spell_gb', 'crm_note', 'crm', '{"phone": "+44 20 7946 0000 - 77#"}'),
    ('spell_gb', 'crm_note', 'crm',
     '{"rows": [{"email": "ÄNN@BÜCHER.DE", "phone": "+44 20 7946 0000 x9"}, {"email": "Ann.Smith@gmail.com", "phone": "+1 (555) 946-0000"}]}'),
    ('spell_gb', 'crm_note', 'crm', '{"email": "Ann.Smith@Gmail.com", "phone": "+1 555 946 0000"}'),
    ('spell_gb', 'crm_note', 'crm', '{"email": "ANNSMITH@gmail.com."}');

INSERT INTO regress.spell_values VALUES
    ('spell_gb', 'ann', 'ÄNN@Bücher.de'), ('spell_gb', 'ann', U&'A\0308NN@BU\0308CHER.DE'),
    ('spell_gb', 'ann', U&'a\0308nn@bu\0308cher.de'), ('spell_gb', 'ann', 'änn@bücher.de'),
    ('spell_gb', 'ann', 'ÄNN@ｂüｃｈｅｒ．ｄｅ'), ('spell_gb', 'ann', 'änn@ｂüｃｈｅｒ．ｄｅ'),
    ('spell_gb', 'ann', 'ÄNN@BÜCHER.DE'), ('spell_gb', 'ann', 'änn@xn--bcher-kva.de'),
    ('spell_gb', 'ann', '+44 (0)20 7946 0000'), ('spell_gb', 'ann', '0044 20 7946 0000'),
    ('spell_gb', 'ann', 'tel:+44-20-7946-0000'), ('spell_gb', 'ann', '020 7946 0000'),
    ('spell_gb', 'ann', '+44 20 7946 0000'), ('spell_gb', 'ann', '+442079460000'),
    ('spell_gb', 'ann', 'Ann Spelling'), ('spell_gb', 'ann', 'A. Spelling'),
    ('spell_gb', 'ann', 'gb-ann-login'), ('spell_gb', 'ann', 'cus_GbAnnDup'),
    ('spell_gb', 'bea', 'ann.smith@gmail.com'), ('spell_gb', 'bea', '+1 555 946 0000'),
    ('spell_gb', 'bea', '+1 (555) 946-0000'), ('spell_gb', 'bea', '+15559460000'),
    ('spell_gb', 'bea', 'Bea Similar'),
    ('spell_gb', 'cal', 'annsmith@gmail.com'), ('spell_gb', 'cal', 'gb-cal-login'),
    ('spell_gb', 'cal', 'Cal Erased'),
    ('spell_gb', 'others', 'cus_GbStranger1'), ('spell_gb', 'others', 'gb-stranger-2'),
    ('spell_gb', 'others', 'Stranger One'), ('spell_gb', 'others', 'Stranger Two'),
    ('spell_gb', 'others', 'call after 5');
-- before: hers are everywhere
SELECT tbl, col, count(*) AS values_found FROM regress.spell_found('spell_gb', 'ann') GROUP BY tbl, col ORDER BY 1, 2;
SELECT tbl, col, count(*) AS values_found FROM regress.spell_found('spell_gb', 'bea') GROUP BY tbl, col ORDER BY 1, 2;

-- she erases her account, then Cal his
SET ROLE regress_ci_spell_app;
SELECT erase_customer(:ann) = ARRAY[:ann, :ann_dup]::bigint[] AS erased;
SELECT erase_customer(:cal) = ARRAY[:cal]::bigint[] AS erased;
RESET ROLE;
-- after: no spelling of theirs is left anywhere (the archived record and the claims included)
SELECT * FROM regress.spell_found('spell_gb', 'ann');
SELECT * FROM regress.spell_found('spell_gb', 'cal');
-- Bea's similar email and phone stay wherever they were, and so do the others' values
SELECT tbl, col, count(*) AS values_found FROM regress.spell_found('spell_gb', 'bea') GROUP BY tbl, col ORDER BY 1, 2;
SELECT * FROM regress.spell_found('spell_gb', 'others');
SELECT name, email, email_normalized, phone, phone_normalized FROM customer WHERE id = :bea;
-- each record lost what was theirs: Bea's row of the report and her note stay as they were
SELECT * FROM regress.spell_notes('spell_gb');
SELECT ARRAY(SELECT x::bigint - 35000 FROM jsonb_array_elements_text(detail->'other_events_scrubbed') AS x(x))
       AS other_events_scrubbed, jsonb_array_length(detail->'claims_scrubbed') AS claims
  FROM identity_event WHERE tenant_id = 'spell_gb' AND event_type = 'erased' ORDER BY id;
-- the claims are closed and keep the strangers' own values
SELECT status, identifier, value, proposal FROM identity_claim WHERE tenant_id = 'spell_gb' ORDER BY id;
SELECT * FROM regress.customers('spell_gb');
SELECT * FROM check_integrity('spell_gb');

------------------------------------------------------------------------------
-- 2. Provider mailboxes: Pia's email in many spellings; her former one is Quinn's now
------------------------------------------------------------------------------
SET ROLE regress_ci_spell_app;
SELECT customer_id AS pia FROM resolve_customer_identity(tenant_id => 'spell_pv',
    email => 'pia.old+x@gmail.com', user_id => 'pv-pia-login', name => 'Pia Provider') \gset
-- her app record, written directly, with her phone as a tel: URI
INSERT INTO customer (tenant_id, name, phone) VALUES ('spell_pv', 'Pia P.', 'tel:+1-202-555-0177')
RETURNING id AS pia_app \gset
-- a stranger types her email as Google delivers it: a claim on her
SELECT method, claim_id IS NOT NULL AS claimed FROM resolve_customer_identity(tenant_id => 'spell_pv',
    email => 'P.I.A.O.L.D+promo@googlemail.com', external_customer_id => 'cus_PvStranger', name => 'Stranger Three');
SELECT merge_customers(:pia, :pia_app);
-- she moves to another mailbox, and her shop's contact is it in yet another spelling
UPDATE customer SET email = 'Pia.Lee+news@googlemail.com', phone = '+1 (202) 555-0177' WHERE id = :pia;
SELECT upgrade_customer_to_vendor(:pia, 'Pia Shop') AS pia_shop \gset
UPDATE vendor SET primary_contact_email = 'P.I.A.L.E.E@gmail.com' WHERE id = :pia_shop;
-- Quinn registers with her former mailbox: it is his now
SELECT customer_id AS quinn FROM resolve_customer_identity(tenant_id => 'spell_pv',
    email => 'PIAOLD@gmail.com', user_id => 'pv-quinn-login', name => 'Quinn Holder') \gset
SELECT id = :pia AS pia, id = :quinn AS quinn, email, email_normalized, phone, phone_normalized, archived
  FROM regress.customers('spell_pv') ORDER BY id;
SELECT name, primary_contact_email, primary_contact_email_normalized FROM regress.vendors('spell_pv');
RESET ROLE;
INSERT INTO identity_event (tenant_id, event_type, method, detail) VALUES
    ('spell_pv', 'crm_note', 'crm', '{"email": "p.i.a.l.e.e+shop@gmail.com"}'),
    ('spell_pv', 'crm_note', 'crm', '{"primary_contact_email": "PIALEE@GMAIL.COM."}'),
    ('spell_pv', 'crm_note', 'crm', '{"email": "pia.lee@googlemail.com", "phone": "+1 202-555-0177 ext. 9"}'),
    ('spell_pv', 'crm_note', 'crm', '{"email": "p.i.a.o.l.d@gmail.com", "note": "Quinn''s"}'),
    ('spell_pv', 'crm_note', 'crm', '{"email": "pia.lee@example.com"}');

INSERT INTO regress.spell_values VALUES
    ('spell_pv', 'pia', 'pia.old+x@gmail.com'), ('spell_pv', 'pia', 'P.I.A.O.L.D+promo@googlemail.com'),
    ('spell_pv', 'pia', 'Pia.Lee+news@googlemail.com'), ('spell_pv', 'pia', 'P.I.A.L.E.E@gmail.com'),
    ('spell_pv', 'pia', 'p.i.a.l.e.e+shop@gmail.com'), ('spell_pv', 'pia', 'PIALEE@GMAIL.COM.'),
    ('spell_pv', 'pia', 'pia.lee@googlemail.com'), ('spell_pv', 'pia', 'pialee@gmail.com'),
    ('spell_pv', 'pia', 'tel:+1-202-555-0177'), ('spell_pv', 'pia', '+1 (202) 555-0177'),
    ('spell_pv', 'pia', '+1 202-555-0177'), ('spell_pv', 'pia', '+12025550177'),
    ('spell_pv', 'pia', 'Pia Provider'), ('spell_pv', 'pia', 'Pia P.'), ('spell_pv', 'pia', 'pv-pia-login'),
    ('spell_pv', 'quinn', 'PIAOLD@gmail.com'), ('spell_pv', 'quinn', 'p.i.a.o.l.d@gmail.com'),
    ('spell_pv', 'quinn', 'Quinn Holder'), ('spell_pv', 'quinn', 'pv-quinn-login'),
    ('spell_pv', 'others', 'cus_PvStranger'), ('spell_pv', 'others', 'Stranger Three'),
    ('spell_pv', 'others', 'pia.lee@example.com');
SELECT tbl, col, count(*) AS values_found FROM regress.spell_found('spell_pv', 'pia') GROUP BY tbl, col ORDER BY 1, 2;

SET ROLE regress_ci_spell_app;
SELECT erase_customer(:pia) = ARRAY[:pia, :pia_app]::bigint[] AS erased;
RESET ROLE;
-- none of hers is left, her former mailbox as she wrote it and as the stranger did included
SELECT * FROM regress.spell_found('spell_pv', 'pia');
-- Quinn's mailbox stays his: his row, his creation, the note that names it; the stranger's
-- values and another domain's address stay too
SELECT * FROM regress.spell_found('spell_pv', 'quinn');
SELECT * FROM regress.spell_found('spell_pv', 'others');
SELECT * FROM regress.spell_notes('spell_pv');
SELECT name, primary_contact_email, primary_contact_email_normalized, customer_id = :pia AS linked
  FROM regress.vendors('spell_pv');
SELECT status, identifier, value, proposal FROM identity_claim WHERE tenant_id = 'spell_pv' ORDER BY id;
SELECT * FROM check_integrity('spell_pv');

------------------------------------------------------------------------------
-- 3. The index's keys (event_search_keys, IMMUTABLE) are the same under any tenant's rules:
--    every spelling shares a key with the identity erasure looks up (the search then checks
--    each leaf under the tenant's rules), and the similar values share one only where a rule
--    would make them one identity
------------------------------------------------------------------------------
SELECT spelling, event_search_keys('any', jsonb_build_object('phone', spelling))
                 && event_search_keys('any', '{"phone": "+442079460000"}') AS shares_key
  FROM unnest(ARRAY['020 7946 0000', '+44 (0)20 7946 0000', '0044 20 7946 0000',
                    'tel:+44-20-7946-0000', 'tel:+44-20-7946-0000;ext=12', '020 7946 0000 ext. 123',
                    '+44 20 7946 0000 x9', '+44 20 7946 0000 - 77#', '＋４４ ２０ ７９４６ ００００',
                    '+44 20 7946 0001']) AS spelling;
SELECT spelling, event_search_keys('any', jsonb_build_object('email', spelling))
                 && event_search_keys('any', '{"email": "änn@xn--bcher-kva.de"}') AS exact_key,
                 event_search_keys('any', jsonb_build_object('email', spelling))
                 && event_search_keys('any', '{"email": "annsmith@gmail.com"}') AS annsmith_key
  FROM unnest(ARRAY['ÄNN@Bücher.de', U&'a\0308nn@bu\0308cher.de', 'änn@bücher.de.', 'änn@ｂüｃｈｅｒ．ｄｅ',
                    'ÄNN@XN--BCHER-KVA.DE', 'ann@bücher.de', 'ann.smith@gmail.com',
                    'A.N.N.S.M.I.T.H+shop@googlemail.com', 'ANNSMITH@gmail.com.']) AS spelling;
-- keys are of the tenant
SELECT event_search_keys('one', '{"email": "ann@x.de"}') && event_search_keys('two', '{"email": "ann@x.de"}') AS across_tenants;

DROP TABLE regress.spell_staging;
DROP TABLE regress.spell_values;
DROP FUNCTION regress.spell_found(text, text);
DROP FUNCTION regress.spell_notes(text);
DROP OWNED BY regress_ci_spell_app;
DROP ROLE regress_ci_spell_app;
