-- One canonicalization of emails and phones per tenant (issue 28): set_phone_region and
-- set_email_canonicalization are the owner's; every path the application takes -- direct
-- writes, resolution (its single-identifier hit path included), claims, blocked values,
-- import, reconcile, vendor contact emails and check_integrity -- derives with the
-- tenant's rules.  The application role runs every path; the state shows what changed.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(36000);

CREATE ROLE regress_ci_rules NOLOGIN NOSUPERUSER NOBYPASSRLS;
SELECT grant_application_role('regress_ci_rules');
GRANT USAGE ON SCHEMA regress TO regress_ci_rules;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_rules;

------------------------------------------------------------------------------
-- The rules: a fresh install's default, the owner's functions, bad input
------------------------------------------------------------------------------
-- (no default row: international phones, exact emails)
SELECT tenant_id, phone, email FROM identifier_rules WHERE tenant_id IS NULL OR tenant_id IN ('pos', 'ldn', 'mail', 'blk');
SELECT phone_region('pos'), email_canonicalization('pos'), rules FROM identifier_derivation('pos');
SELECT set_phone_region('us', 'pos');
SELECT set_phone_region('GB', 'ldn');
SELECT set_email_canonicalization('provider', 'mail');
SELECT tenant_id, phone, email FROM identifier_rules WHERE tenant_id IN ('pos', 'ldn', 'mail', 'blk') ORDER BY tenant_id;
SELECT t, phone_region(t), email_canonicalization(t), rules ~ '^phone (US|GB|international) \(libphonenumber [^)]*\); email (exact|provider) \(ICU [^)]*, libidn2 [^)]*\)$' AS described
  FROM unnest(ARRAY['pos', 'ldn', 'mail', 'other']) t, LATERAL identifier_derivation(t) ORDER BY t;
-- refused, nothing written: an unknown region (22023), a region that is no ISO code, an
-- unknown mode, a blank tenant
SELECT regress.save_state();
SELECT set_phone_region('XX', 'pos');
:sqlstate
SELECT set_phone_region('USA', 'pos');
:sqlstate
SELECT set_email_canonicalization('fuzzy', 'pos');
:sqlstate
SELECT set_email_canonicalization(NULL, 'pos');
:sqlstate
SELECT set_phone_region('US', '  ');
:sqlstate
SELECT regress.unchanged();
SELECT count(*) AS rule_rows FROM identifier_rules WHERE tenant_id IS NULL OR tenant_id IN ('pos', 'ldn', 'mail', 'blk');

-- The application role reads the rules and cannot change them (42501), nor the table.
SET ROLE regress_ci_rules;
SELECT phone_region('pos'), email_canonicalization('mail');
SELECT set_phone_region('DE', 'pos');
:sqlstate
SELECT set_email_canonicalization('exact', 'mail');
:sqlstate
UPDATE identifier_rules SET phone = 'DE';
:sqlstate
SELECT identifier_derived_otherwise('pos', 'phone', '1', '1', NULL);
:sqlstate
-- a session setting changes nothing either: the rules are read from the table only
SET customer_identity.phone_region = 'DE';
SELECT phone_region('pos');
RESET customer_identity.phone_region;
RESET ROLE;
SELECT tenant_id, phone, email FROM identifier_rules WHERE tenant_id IN ('pos', 'ldn', 'mail', 'blk') ORDER BY tenant_id;

------------------------------------------------------------------------------
-- Report 002's point of sale: staff type the local number, the app resolves the
-- international form: one customer
------------------------------------------------------------------------------
SET ROLE regress_ci_rules;
INSERT INTO customer (tenant_id, name, phone) VALUES ('pos', 'Walk-in', '(212) 555-0142 x7')
RETURNING id AS walk_in, phone, phone_normalized \gset
SELECT :'phone' AS typed, :'phone_normalized' AS identity;
SELECT customer_id = :walk_in AS same_customer, method, created
  FROM resolve_customer_identity(tenant_id => 'pos', phone => '+1 212-555-0142', email => 'walkin@pos.example');
-- every spelling, through the single-identifier hit path
SELECT spelling, customer_id = :walk_in AS same_customer, created
  FROM unnest(ARRAY['212-555-0142', '1 (212) 555-0142', '011 1 212 555 0142', 'tel:+1-212-555-0142;ext=9',
                    '+12125550142', '212.555.0142']) spelling,
       LATERAL resolve_customer_identity(tenant_id => 'pos', phone => spelling);
-- a national number that cannot be one of the region is refused (22023), nothing written
RESET ROLE;
SELECT regress.save_state();
SET ROLE regress_ci_rules;
SELECT * FROM resolve_customer_identity(tenant_id => 'pos', phone => '555-0142');
:sqlstate
INSERT INTO customer (tenant_id, name, phone) VALUES ('pos', 'Short', '0142');
:sqlstate
RESET ROLE;
SELECT regress.unchanged();
SET ROLE regress_ci_rules;
-- the raw column keeps what was typed, extension included; a registration of the same
-- person with another spelling is a duplicate (23505)
INSERT INTO customer (tenant_id, name, phone) VALUES ('pos', 'Again', '+1 212 555 0142');
:sqlstate
-- the application cannot write what the rules derive: a derived value or the record of
-- what derived it, written directly, is derived again (an INSERT: at the end)
UPDATE customer SET phone_normalized = '+10000000000', identifiers_derived_by = 42
 WHERE id = :walk_in
RETURNING phone_normalized, identifiers_derived_by = (SELECT derived_by FROM identifier_derivation('pos')) AS derived_now;
-- in another tenant without a region, the national spelling is not the international one
SELECT created FROM resolve_customer_identity(tenant_id => 'other', phone => '(212) 555-0142');
SELECT created FROM resolve_customer_identity(tenant_id => 'other', phone => '+1 (212) 555-0142');
SELECT phone, phone_normalized FROM customer WHERE tenant_id = 'other' ORDER BY id;
RESET ROLE;

------------------------------------------------------------------------------
-- Emails: one identity however written ('exact', the default) and a provider's mailbox
------------------------------------------------------------------------------
-- (each spelling resolved in turn: the first creates, the others hit; rows a statement's
-- own calls create are not in its snapshot, so a second statement shows them)
SET ROLE regress_ci_rules;
CREATE TEMP TABLE written_email (tenant_id text, n int, written text);
INSERT INTO written_email
SELECT 'other', n, w FROM unnest(ARRAY['ÄNN@x.de', 'änn@x.de', U&'a\0308nn@x.de', 'änn@bücher.de',
                                       'änn@XN--BCHER-KVA.de', 'ann@example.com.', 'ann@ｅｘａｍｐｌｅ.com',
                                       'STRASSE@x.de', 'straße@x.de']) WITH ORDINALITY AS u(w, n);
-- under 'provider': Gmail ignores dots and +tags (googlemail.com is gmail.com); Outlook,
-- iCloud, Fastmail and Proton ignore +tags only; other domains keep both
INSERT INTO written_email
SELECT 'mail', n, w FROM unnest(ARRAY['Ann.Smith+shop@gmail.com', 'annsmith@googlemail.com', 'a.n.n.smith@GMAIL.com',
                                      'ann.smith+news@outlook.com', 'ann.smith@outlook.com', 'annsmith@outlook.com',
                                      'ann+x@icloud.com', 'ann+x@fastmail.com', 'ann+x@proton.me',
                                      'ann.smith+x@example.com', 'ann.smith@example.com']) WITH ORDINALITY AS u(w, n);
CREATE TEMP TABLE resolved_email AS
SELECT w.tenant_id, w.n, w.written, r.customer_id, r.created
  FROM written_email w, LATERAL resolve_customer_identity(tenant_id => w.tenant_id, email => w.written) r
 ORDER BY w.tenant_id, w.n;
SELECT r.tenant_id, r.written, r.created, c.email_normalized
  FROM resolved_email r JOIN customer c ON c.id = r.customer_id ORDER BY r.tenant_id, c.email_normalized, r.n;
SELECT tenant_id, count(*) AS spellings, count(DISTINCT customer_id) AS customers
  FROM resolved_email GROUP BY tenant_id ORDER BY tenant_id;
-- a vendor's contact email goes through the same path: the vendor of the mailbox links to
-- its customer, and CI007 holds on the canonical values
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('mail', 'Ann''s shop', 'annsmith+orders@gmail.com')
RETURNING id AS ann_shop, primary_contact_email_normalized \gset
SELECT :'primary_contact_email_normalized' AS vendor_email;
SELECT link_vendor_to_customer(:ann_shop, (SELECT id FROM customer WHERE tenant_id = 'mail'
                                                                     AND email_normalized = 'annsmith@gmail.com'));
-- changing the linked customer's email to another spelling of the mailbox keeps the rule
UPDATE customer SET email = 'ANN.SMITH@gmail.com' WHERE tenant_id = 'mail' AND email_normalized = 'annsmith@gmail.com'
RETURNING email, email_normalized;
-- and to another mailbox is refused (CI007), nothing changed
UPDATE customer SET email = 'ann.jones@gmail.com' WHERE tenant_id = 'mail' AND email_normalized = 'annsmith@gmail.com';
:sqlstate
SELECT email, email_normalized FROM customer WHERE tenant_id = 'mail' AND email_normalized LIKE 'ann%@gmail.com';
RESET ROLE;

------------------------------------------------------------------------------
-- Blocked values match every spelling, and follow a change of the rules
------------------------------------------------------------------------------
SELECT block_identifier('ldn', 'phone', '020 7946 0999', 'shop''s own number');
SELECT block_identifier('blk', 'phone', '+44 20 7946 0998', 'front desk');
SELECT block_identifier('blk', 'phone', '020 7946 0998', 'front desk, typed locally');
SELECT block_identifier('blk', 'email', 'Front.Desk+x@Gmail.com', 'shared inbox');
SELECT tenant_id, identifier, value FROM blocked_identifier WHERE tenant_id IN ('ldn', 'blk') ORDER BY 1, 2, 3;
SET ROLE regress_ci_rules;
SELECT spelling, is_blocked_identifier('ldn', 'phone', spelling) AS blocked
  FROM unnest(ARRAY['+44 20 7946 0999', '0044 (0)20 7946 0999', 'tel:+44-20-7946-0999', '020 7946 0998']) spelling;
-- a customer with the blocked number keeps it as typed and is found by nothing
INSERT INTO customer (tenant_id, name, phone) VALUES ('ldn', 'Front desk caller', '+44 (0)20 7946 0999')
RETURNING phone, phone_normalized;
RESET ROLE;
-- the owner gives 'blk' a region and the provider rule: its blocked values are re-derived
-- (the national spelling and the international one become one value)
SELECT set_phone_region('GB', 'blk');
SELECT set_email_canonicalization('provider', 'blk');
SELECT tenant_id, identifier, value FROM blocked_identifier WHERE tenant_id = 'blk' ORDER BY 1, 2, 3;
SELECT is_blocked_identifier('blk', 'email', 'frontdesk@googlemail.com') AS mailbox_blocked;

------------------------------------------------------------------------------
-- Claims: under `verified`, two spellings of one unverified phone are one claim
------------------------------------------------------------------------------
SELECT set_trust_policy('verified', 'pos');
SET ROLE regress_ci_rules;
SELECT method, claim_id IS NOT NULL AS claimed
  FROM resolve_customer_identity(tenant_id => 'pos', phone => '(212) 555-0142', user_id => 'u-claimer');
SELECT method, claim_id IS NOT NULL AS claimed
  FROM resolve_customer_identity(tenant_id => 'pos', phone => '+1 212 555 0142', user_id => 'u-claimer');
RESET ROLE;
SELECT kind, identifier, value, count(*) AS claims FROM identity_claim WHERE tenant_id = 'pos' GROUP BY 1, 2, 3;

------------------------------------------------------------------------------
-- Import groups the spellings of one number into one customer
------------------------------------------------------------------------------
CREATE TABLE regress.rules_staging (id integer PRIMARY KEY, name text, email text, phone text,
                                    external_customer_id text, user_id text, metadata jsonb);
INSERT INTO regress.rules_staging VALUES
    (1, 'Ivy', NULL, '020 7946 0101', 'cus_ivy', NULL, NULL),
    (2, 'Ivy', 'IVY@ldn.example', '+44 (0)20 7946 0101', NULL, NULL, NULL),
    (3, 'Ivy', 'ivy@LDN.example.', NULL, NULL, 'u_ivy', NULL),
    (4, 'Jon', NULL, '0044 20 7946 0102', NULL, NULL, NULL);
SELECT source_row, action, reason FROM import_customers('regress.rules_staging', 'ldn', dry_run => false) ORDER BY source_row;
SELECT name, email_normalized, phone_normalized, external_customer_id, user_id
  FROM customer WHERE tenant_id = 'ldn' AND name IN ('Ivy', 'Jon') ORDER BY name;

------------------------------------------------------------------------------
-- check_integrity after a library's metadata changed (simulated): values derived under
-- another version are to re-derive with reconcile, not corruption
------------------------------------------------------------------------------
SELECT count(*) AS problems FROM check_integrity('ldn');
-- (as the superuser, past the triggers: what a row derived under another libphonenumber
-- looks like -- another recorded derivation and a value the library gives no more)
SET session_replication_role = replica;
UPDATE customer SET phone_normalized = '+4402079460102', identifiers_derived_by = 42
 WHERE tenant_id = 'ldn' AND name = 'Jon';
UPDATE customer SET phone_normalized = '+4402079460101'
 WHERE tenant_id = 'ldn' AND name = 'Ivy';
RESET session_replication_role;
SELECT invariant, detail ~ 're-derive with reconcile$' AS rederive, split_part(detail, ' (now', 1) AS values
  FROM check_integrity('ldn') ORDER BY invariant;
SELECT action, reason ~ '^derived under other identifier rules' AS rules_changed
  FROM reconcile('ldn', dry_run => true) ORDER BY action, 2;
SELECT action FROM reconcile('ldn', dry_run => false) ORDER BY action;
SELECT name, phone_normalized, identifiers_derived_by = (SELECT derived_by FROM identifier_derivation('ldn')) AS derived_now
  FROM customer WHERE tenant_id = 'ldn' AND name IN ('Ivy', 'Jon') ORDER BY name;
SELECT count(*) AS problems FROM check_integrity('ldn');

-- (the INSERT of a forged derived value, as the application: derived again)
SET ROLE regress_ci_rules;
INSERT INTO customer (tenant_id, name, phone, phone_normalized, identifiers_derived_by)
VALUES ('pos', 'Forger', '(212) 555-0199', '+19999999999', 7)
RETURNING phone_normalized, identifiers_derived_by = (SELECT derived_by FROM identifier_derivation('pos')) AS derived_now;
RESET ROLE;

DROP TABLE regress.rules_staging;
DROP OWNED BY regress_ci_rules;
DROP ROLE regress_ci_rules;
