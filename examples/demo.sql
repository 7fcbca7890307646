-- customer_identity: the stories of reports 000, 001, 002 and 003, step by step.
CREATE EXTENSION customer_identity;
SET search_path = customer_identity, public;
\pset footer off

-- A refusal is part of the story: run a statement that must fail and show why.
CREATE FUNCTION pg_temp.refused(statement text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE statement;
    RAISE EXCEPTION 'expected a refusal, but it succeeded: %', statement;
EXCEPTION WHEN OTHERS THEN
    IF SQLERRM LIKE 'expected a refusal%' THEN RAISE; END IF;
    RETURN 'refused with ' || SQLSTATE || ': ' || SQLERRM;
END $$;

\echo
\echo '=== Report 000: a seller is found from its customer; becoming a seller is atomic ==='
-- Ada registers as a customer of the marketplace.
SELECT customer_id, method, created
  FROM resolve_customer_identity(email => 'Ada@Example.com', name => 'Ada Lovelace');
-- She upgrades to a seller: the vendor and the link are created in one step.
SELECT upgrade_customer_to_vendor(
         (SELECT customer_id FROM resolve_customer_identity(email => 'ada@example.com')),
         'Ada''s Engines') AS new_vendor_id;
-- Every consumer-seller route can now find the seller from the customer id.
SELECT c.id AS customer_id, c.roles, vendor_for_customer(c.id) AS vendor_id
  FROM customer c WHERE c.email_normalized = 'ada@example.com';
-- Upgrading twice is refused, and no second vendor appears.
SELECT pg_temp.refused($$SELECT upgrade_customer_to_vendor(
         (SELECT id FROM customer_identity.customer WHERE email_normalized = 'ada@example.com'),
         'Ada again')$$);
SELECT count(*) AS vendors_named_ada FROM vendor WHERE name LIKE 'Ada%';

\echo
\echo '=== Report 002: every app user who checks out has exactly one customer row ==='
-- First checkout of app user u-42 in business "bakery": the customer is created.
SELECT customer_id, method, created
  FROM resolve_customer_identity(tenant_id => 'bakery', user_id => 'u-42',
                                 phone => '+1 (555) 010-4242', name => 'Grace');
-- Second checkout: the same row, found by user id (no duplicate).
SELECT customer_id, method, created
  FROM resolve_customer_identity(tenant_id => 'bakery', user_id => 'u-42');
-- The bakery is in the US: its owner says so once, and every phone it writes or resolves is
-- read as a US number, whatever way it is typed (README "Identifiers").
SELECT set_phone_region('US', 'bakery');
-- Staff had created a walk-in customer at the till, typing the local number; the app user
-- with that phone (confirmed by an SMS code at sign-up) arrives with the international form
-- the app stores, resolves to the walk-in, and the customer gains the user id.  A phone
-- proves who someone is only once verified (see report 003).
INSERT INTO customer (tenant_id, name, phone) VALUES ('bakery', 'Walk-in Linus', '(555) 010-7777');
SELECT customer_id, method, created
  FROM resolve_customer_identity(tenant_id => 'bakery', user_id => 'u-77', phone => '+1 555-010-7777',
                                 phone_verified => true);
SELECT name, user_id, phone, phone_normalized FROM customer WHERE tenant_id = 'bakery' ORDER BY id;
-- Phone numbers are unique per business: the same phone in another business is another customer.
SELECT customer_id, method, created
  FROM resolve_customer_identity(tenant_id => 'florist', phone => '+1 555 010 4242');
-- ...but within one business a second user cannot claim Grace's phone: an identity conflict.
SELECT pg_temp.refused($$SELECT * FROM customer_identity.resolve_customer_identity(
         tenant_id => 'bakery', user_id => 'u-99', phone => '+15550104242', create_missing => true)$$);
SELECT * FROM resolve_customer_identity(tenant_id => 'bakery', user_id => 'u-99',
                                        phone => '+15550104242', on_conflict => 'return');
-- No code path can write a duplicate, not even a raw INSERT.
SELECT pg_temp.refused($$INSERT INTO customer_identity.customer (tenant_id, phone)
                         VALUES ('bakery', '+1-555-010-4242')$$);

\echo
\echo '=== Report 003: checkout and payment webhook agree on one customer per vendor ==='
-- A vendor exists, with its contact email, but no customer record yet.
INSERT INTO vendor (name, primary_contact_email) VALUES ('Fas Motors', 'Orders@FasMotors.com');
-- A fresh install is `verified`: an email or phone only suggests who someone is until the
-- person confirmed it; the provider's id and the app's login prove it.
SELECT trust_policy();
-- A stranger at checkout types the vendor's email with a login and card of their own.  The
-- takeover is refused: nothing is written or linked, no customer is handed out; the claim
-- waits for the owner's review.
SELECT customer_id, vendor_id, method, created, claim_id
  FROM resolve_customer_identity(email => 'orders@fasmotors.com', user_id => 'mallory',
                                 external_customer_id => 'cus_Mallory');
SELECT customer_id AS fas_motors_customer FROM vendor WHERE name = 'Fas Motors';
-- The vendor's owner checks out, logged in with the email the platform verified at sign-up:
-- the vendor is found first, its customer is created with roles {customer,vendor} and linked.
SELECT customer_id, vendor_id, method, created
  FROM resolve_customer_identity(email => 'orders@fasmotors.com', name => 'Fas Motors',
                                 email_verified => true);
-- The payment webhook of that checkout (the platform opened it for the verified login)
-- arrives with the provider's customer id and the same email in another case: it resolves
-- to the same customer, which gains the provider id.
SELECT customer_id, vendor_id, method, created
  FROM resolve_customer_identity(external_customer_id => 'cus_Fas123',
                                 email => '  ORDERS@fasmotors.com ', email_verified => true);
-- From now on the provider id alone finds it (priority 1).
SELECT customer_id, vendor_id, method, created
  FROM resolve_customer_identity(external_customer_id => 'cus_Fas123');
SELECT v.name AS vendor, c.id AS customer_id, c.external_customer_id, c.roles
  FROM vendor v JOIN customer c ON c.id = v.customer_id WHERE v.name = 'Fas Motors';
-- The link is read-only: a manual write is refused, even for the table owner.
SELECT pg_temp.refused($$UPDATE customer_identity.vendor SET customer_id = NULL
                         WHERE name = 'Fas Motors'$$);
-- The vendor role cannot be dropped while linked.
SELECT pg_temp.refused($$UPDATE customer_identity.customer SET roles = '{customer}'
                         WHERE external_customer_id = 'cus_Fas123'$$);
-- A webhook that names another provider id for the same email is a conflict, not a duplicate.
SELECT pg_temp.refused($$SELECT * FROM customer_identity.resolve_customer_identity(
         external_customer_id => 'cus_Other999', email => 'orders@fasmotors.com')$$);
-- The owner's review queue: who claimed which identifier, through which call.  The
-- stranger's claim is rejected (accept_claim would have carried it out).
SELECT id, identifier, value, vendor_id, proposal->>'user_id' AS claimed_user_id, via, status
  FROM list_claims();
SELECT reject_claim(id, 'not the vendor') FROM list_claims() WHERE proposal->>'user_id' = 'mallory';

\echo
\echo '=== Report 001: everyone who registers through a vendor''s invite link is its customer ==='
INSERT INTO vendor (name, primary_contact_email) VALUES ('Vendor A', 'owner@vendor-a.example')
RETURNING id AS vendor_a \gset
-- Vendor A generates one invite link (valid 7 days); only the token's hash is stored.
SELECT create_invite_token(:vendor_a, expires_in => '7 days') AS invite \gset
SELECT left(:'invite', 4) || '…' AS token_prefix, length(:'invite') AS token_length;
-- Customers A and B register through the storefront, which passes the token in metadata:
-- whatever code path inserts the customer, the mapping is made in the same transaction.
INSERT INTO customer (name, email, metadata) VALUES
    ('Customer A', 'a@customers.example', jsonb_build_object('invite_token', :'invite', 'signup', 'web')),
    ('Customer B', 'b@customers.example', jsonb_build_object('invite_token', :'invite'));
-- Customer C already had an account; the app redeems the link for her explicitly.
SELECT vendor_id, customer_id, created
  FROM redeem_invite_token(:'invite', (SELECT customer_id FROM resolve_customer_identity(
                                           email => 'c@customers.example', name => 'Customer C')));
-- Clicking the link again changes nothing and uses nothing up.
SELECT created FROM redeem_invite_token(:'invite', (SELECT id FROM customer WHERE name = 'Customer C'));
-- Vendor A's dashboard: three customers, all mapped through the invite.
SELECT c.name, vc.source, c.metadata
  FROM vendor_customer vc JOIN customer c ON c.id = vc.customer_id
 WHERE vc.vendor_id = :vendor_a ORDER BY c.name;
-- The token is in no table: not in the customers' metadata, only its SHA-256 in invite_token.
SELECT (SELECT count(*) FROM customer WHERE metadata::text LIKE '%' || :'invite' || '%') AS customers_holding_token,
       (SELECT token_hash = sha256(convert_to(:'invite', 'UTF8')) FROM invite_token WHERE vendor_id = :vendor_a)
           AS stored_hash_matches;
SELECT invite_id, use_count, uses_left, expires_at > now() AS still_valid FROM pending_invites(:vendor_a);
-- The vendor rotates the link (it leaked): the old token stops working, the new one works.
SELECT rotate_invite_token(:'invite') AS new_invite \gset
SELECT pg_temp.refused(format('SELECT * FROM customer_identity.redeem_invite_token(%L, 1)', :'invite'));
SELECT revoke_invite_token(:'new_invite');
SELECT pg_temp.refused(format('SELECT * FROM customer_identity.redeem_invite_token(%L, 1)', :'new_invite'));
SELECT pg_temp.refused($$SELECT * FROM customer_identity.redeem_invite_token('cit_not-a-real-token', 1)$$);

\echo
\echo '=== Report 003, phase 3: adopting years of messy data ==='
-- A shop's old customers are loaded as they were, with the rules off (superuser only):
-- the same person under two spellings, a phone written three ways, a vendor with no link.
SET session_replication_role = replica;
INSERT INTO customer (tenant_id, name, email, phone, external_customer_id) VALUES
    ('legacy', 'Mia Wong', 'Mia@Shop.example', NULL, 'cus_mia'),
    ('legacy', NULL, ' mia@shop.example', '+1 555 010 3000', NULL),
    ('legacy', 'M. Wong', NULL, '+1 (555) 010-3000', NULL),
    ('legacy', 'Olu', 'olu@shop.example', NULL, NULL),
    ('legacy', 'Broken', 'broken-at-shop', NULL, NULL);
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES
    ('legacy', 'Olu''s Goods', 'OLU@shop.example'), ('legacy', 'Pop-up Stall', 'stall@shop.example');
RESET session_replication_role;
-- Dry run: the plan, nothing written.
SELECT action, customer_id, other_id, vendor_id, reason FROM reconcile('legacy');
-- Apply it, in one transaction.
SELECT action, customer_id, other_id, vendor_id FROM reconcile('legacy', dry_run => false);
SELECT id, name, email, phone_normalized, external_customer_id, roles, merged_into
  FROM customer WHERE tenant_id = 'legacy' ORDER BY id;
-- Both spellings, and every phone format, now find the one customer.
SELECT customer_id, method FROM resolve_customer_identity(tenant_id => 'legacy', email => 'MIA@shop.example ');
SELECT customer_id, method FROM resolve_customer_identity(tenant_id => 'legacy', phone => '+1.555.010.3000');
-- New data arrives as a staging table; duplicates inside the batch are caught too.
CREATE TEMP TABLE staging (id int, name text, email text, phone text);
INSERT INTO staging VALUES (1, 'Mia', 'mia@SHOP.example', NULL), (2, 'Ravi', 'ravi@shop.example', NULL),
                           (3, NULL, 'Ravi@Shop.example', '+1 555 010 4000'), (4, 'Typo', 'no-at-sign', NULL);
SELECT source_row, action, group_row, reason FROM import_customers('staging', 'legacy');
SELECT source_row, action, customer_id FROM import_customers('staging', 'legacy', dry_run => false);
-- Someone merges two different people by mistake (Olu, a vendor, into Ravi): the vendor
-- link moves with the merge...
SELECT merge_customers((SELECT id FROM customer WHERE tenant_id = 'legacy' AND email = 'ravi@shop.example'),
                       (SELECT id FROM customer WHERE tenant_id = 'legacy' AND email = 'olu@shop.example'));
SELECT v.name AS vendor, c.name AS linked_customer FROM vendor v JOIN customer c ON c.id = v.customer_id
 WHERE v.name = 'Olu''s Goods';
-- ...and unmerge puts everything back exactly: both rows, the link, the roles.
SELECT unmerge_customer((SELECT id FROM customer WHERE tenant_id = 'legacy' AND email = 'olu@shop.example'));
SELECT v.name AS vendor, c.name AS linked_customer, c.roles, c.archived_at IS NULL AS active
  FROM vendor v JOIN customer c ON c.id = v.customer_id WHERE v.name = 'Olu''s Goods';
-- The two spellings of Mia cannot be pulled apart again: that would recreate the duplicate.
SELECT pg_temp.refused($$SELECT customer_identity.unmerge_customer(
         (SELECT id FROM customer_identity.customer WHERE tenant_id = 'legacy' AND email = ' mia@shop.example'))$$);
-- Why was each row merged, linked or left alone?
SELECT event_type, customer_id, other_customer_id, vendor_id, detail->>'reason' AS reason
  FROM identity_event WHERE tenant_id = 'legacy' ORDER BY id;

\echo
\echo '=== The audit trail: what the extension decided ==='
SELECT id, tenant_id, event_type, customer_id, vendor_id, method, detail
  FROM identity_event WHERE tenant_id <> 'legacy' ORDER BY id;
