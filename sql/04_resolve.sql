-- resolve_customer_identity: the resolution order, first match wins, enrichment,
-- conflicts in both modes, customer_ref, normalization in lookups, tenants, bad input.
-- Tenants: res_t1 (main), res_t2, and 'default' (the default tenant).
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(4000);

------------------------------------------------------------------------------
-- Step 6: nothing matches, the customer is created (created = true only here)
------------------------------------------------------------------------------
-- Alice by external id, Bob by user id, Carol by email, Dan by phone
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', external_customer_id => 'cus_alice', name => 'Alice');
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', user_id => 'user_bob', name => 'Bob');
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => 'carol@example.com', name => 'Carol');
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', phone => '+15550100000', name => 'Dan');
SELECT * FROM regress.customers('res_t1');
-- their ids, for the rest of the file
SELECT max(id) FILTER (WHERE name = 'Alice') AS alice, max(id) FILTER (WHERE name = 'Bob') AS bob,
       max(id) FILTER (WHERE name = 'Carol') AS carol, max(id) FILTER (WHERE name = 'Dan') AS dan
  FROM customer WHERE tenant_id = 'res_t1' \gset

------------------------------------------------------------------------------
-- Steps 1, 2, 3 (customer email), 4, 5: each identifier finds its customer
------------------------------------------------------------------------------
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', external_customer_id => 'cus_alice');
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', user_id => 'user_bob');
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => 'carol@example.com');
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', phone => '+15550100000');
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', customer_ref => :dan);
-- lookups normalize: email trimmed and lower-cased, phone formatting dropped
INSERT INTO customer (tenant_id, name, email) VALUES ('res_t1', 'Ax', 'a@x.com');
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => ' A@X.COM ');
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', phone => '+1 555-010-0000');
-- no duplicate was created by any of these
SELECT count(*) AS customers FROM customer WHERE tenant_id = 'res_t1';

------------------------------------------------------------------------------
-- Step 3, vendor first: the three cases of a vendor whose contact email matches
------------------------------------------------------------------------------
-- (i) the vendor is already linked: its customer is returned
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('res_t1', 'Vendor One', 'v1@example.com')
RETURNING id AS v1 \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('res_t1', 'V1 owner', 'v1@example.com')
RETURNING id AS v1_owner \gset
SELECT link_vendor_to_customer(:v1, :v1_owner);
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => 'V1@Example.com');
-- (ii) unlinked vendor, and an active customer with that email: the customer is linked to it
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('res_t1', 'Vendor Two', 'v2@example.com');
INSERT INTO customer (tenant_id, name, email) VALUES ('res_t1', 'V2 owner', 'v2@example.com');
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => 'v2@example.com');
SELECT c.name, c.roles, v.name AS vendor FROM customer c JOIN vendor v ON v.customer_id = c.id
 WHERE c.tenant_id = 'res_t1' AND c.email = 'v2@example.com';
-- (iii) unlinked vendor and no customer: one is created with roles {customer,vendor} and linked
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('res_t1', 'Vendor Three', 'v3@example.com');
-- ... but not when create_missing is false: no row, nothing written
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => 'v3@example.com', create_missing => false);
SELECT regress.unchanged();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => ' V3@example.com', name => 'V3 owner');
SELECT c.name, c.email, c.roles, v.name AS vendor FROM customer c JOIN vendor v ON v.customer_id = c.id
 WHERE c.tenant_id = 'res_t1' AND c.email_normalized = 'v3@example.com';
-- a second call finds the same customer through the (now linked) vendor
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => 'v3@example.com');
-- vendor_id is the linked vendor also when the customer is found by another identifier
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', customer_ref => :v1_owner);
SELECT * FROM regress.vendors('res_t1');

------------------------------------------------------------------------------
-- create_missing => false: zero rows and nothing written when nothing matches
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', external_customer_id => 'cus_nobody',
                                        email => 'nobody@example.com', create_missing => false);
SELECT regress.unchanged();
-- ... and a match is still returned
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', user_id => 'user_bob', create_missing => false);

------------------------------------------------------------------------------
-- The first match in the order wins; the customer is enriched with what it lacks
------------------------------------------------------------------------------
-- external id of Alice + unknown email: Alice, who gains the email
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', external_customer_id => 'cus_alice',
                                        email => 'alice@example.com');
-- user id of Bob + unknown phone: Bob, who gains the phone
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', user_id => 'user_bob', phone => '555 010 0002');
-- email of Carol + unknown phone + a name she lacks? (she has one): Carol, gains the phone only
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => 'carol@example.com',
                                        phone => '555-010-0003', name => 'Not Carol');
-- a linked vendor's email + unknown user id: the vendor's customer, who gains the user id
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => 'v1@example.com', user_id => 'user_v1');
-- phone of Dan + customer_ref of Dan: phone wins
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', phone => '+15550100000', customer_ref => :dan);
-- external id of Alice + customer_ref of Alice + user id of nobody: external id wins, user id filled
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', external_customer_id => 'cus_alice',
                                        customer_ref => :alice, user_id => 'user_alice');
-- customer_ref alone fills every missing identifier and the name
INSERT INTO customer (tenant_id) VALUES ('res_t1') RETURNING id AS erin \gset
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', customer_ref => :erin,
                                        external_customer_id => 'cus_erin', user_id => 'user_erin',
                                        email => 'Erin@Example.com', phone => '+44 20 7946 0001',
                                        name => 'Erin');
SELECT * FROM regress.customers('res_t1');
-- what enrichment recorded (filled fields)
SELECT event_type, customer_id, method, detail FROM identity_event
 WHERE tenant_id = 'res_t1' AND event_type = 'enriched' ORDER BY id;
-- a pure hit with a name for a customer that has one changes nothing
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', external_customer_id => 'cus_alice', name => 'Someone Else');
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- Conflicts, on_conflict => 'raise': CI001 naming both customers, nothing changed
------------------------------------------------------------------------------
-- (a) a given identifier belongs to a different customer (Carol's email with Alice's external id)
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', external_customer_id => 'cus_alice',
                                        email => 'carol@example.com');
:sqlstate
SELECT regress.unchanged();
-- (a) ... also when the other identifier would only be filled in (Dan's phone with Bob's user id)
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', user_id => 'user_bob', phone => '+15550100000',
                                        external_customer_id => 'cus_bob_new');
:sqlstate
SELECT regress.unchanged();
-- (b) the matched customer holds a different value (Alice has another email)
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', external_customer_id => 'cus_alice',
                                        email => 'alice.other@example.com');
:sqlstate
SELECT regress.unchanged();
-- (b) ... also together with a field that would be filled (Carol has another phone; no user id)
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => 'carol@example.com',
                                        phone => '+15550109999', user_id => 'user_carol');
:sqlstate
SELECT regress.unchanged();
-- customer_ref pointing at another customer than the higher-priority match
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', external_customer_id => 'cus_alice',
                                        customer_ref => :carol);
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- Conflicts, on_conflict => 'return': one row (NULL, NULL, conflict, false), one
-- 'conflict' event, nothing else changed
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', external_customer_id => 'cus_alice',
                                        email => 'carol@example.com', on_conflict => 'return');
SELECT regress.unchanged_except_events();
SELECT event_type, customer_id, other_customer_id, vendor_id, method, detail FROM identity_event
 WHERE tenant_id = 'res_t1' AND id > (SELECT max(id) - 1 FROM identity_event WHERE tenant_id = 'res_t1');
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', external_customer_id => 'cus_alice',
                                        email => 'alice.other@example.com', on_conflict => 'return');
SELECT regress.unchanged_except_events();
SELECT event_type, customer_id, other_customer_id, vendor_id, method, detail FROM identity_event
 WHERE tenant_id = 'res_t1' AND id > (SELECT max(id) - 1 FROM identity_event WHERE tenant_id = 'res_t1');
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', external_customer_id => 'cus_alice',
                                        customer_ref => :carol, on_conflict => 'return');
SELECT regress.unchanged_except_events();
SELECT event_type, customer_id, other_customer_id, vendor_id, method, detail FROM identity_event
 WHERE tenant_id = 'res_t1' AND id > (SELECT max(id) - 1 FROM identity_event WHERE tenant_id = 'res_t1');
SELECT count(*) AS conflict_events FROM identity_event WHERE tenant_id = 'res_t1' AND event_type = 'conflict';
-- no conflict: 'return' behaves like 'raise'
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', external_customer_id => 'cus_alice', on_conflict => 'return');
-- errors other than conflicts are raised in 'return' mode too
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', customer_ref => 999999, on_conflict => 'return');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => 'bad email', on_conflict => 'return');
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- customer_ref: unknown (CI011), other tenant (CI008), merged (followed), archived (CI010)
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', customer_ref => 999999);
:sqlstate
SELECT regress.unchanged();
SELECT customer_id AS frank FROM resolve_customer_identity(tenant_id => 'res_t2', email => 'frank@example.com', name => 'Frank') \gset
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', customer_ref => :frank);
:sqlstate
SELECT regress.unchanged();
-- Gina (old record) merged into Gina (new record): the ref follows to the active one
INSERT INTO customer (tenant_id, name, email) VALUES ('res_t1', 'Gina old', 'gina.old@example.com')
RETURNING id AS gina_old \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('res_t1', 'Gina', 'gina@example.com')
RETURNING id AS gina \gset
-- (merged_into is written only by merges: a legacy merge is loaded with the rules off)
SET session_replication_role = replica;
UPDATE customer SET archived_at = now(), merged_into = :gina WHERE id = :gina_old;
RESET session_replication_role;
SELECT :gina AS gina, :gina_old AS gina_old;
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', customer_ref => :gina_old);
-- ... so the old ref and the active customer's email agree: no conflict
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => 'gina@example.com', customer_ref => :gina_old);
-- ... and the archived record's own email is an alias of the customer it was merged into:
-- it resolves to Gina, with no conflict and nothing written
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => 'gina.old@example.com', customer_ref => :gina_old);
SELECT regress.unchanged();
-- an archived customer that was not merged: CI010
INSERT INTO customer (tenant_id, name, archived_at) VALUES ('res_t1', 'Gone', now()) RETURNING id AS gone \gset
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', customer_ref => :gone);
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- Per tenant: the same email in two tenants is two customers
------------------------------------------------------------------------------
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t2', email => 'carol@example.com');
SELECT tenant_id, id, email_normalized FROM customer
 WHERE email_normalized = 'carol@example.com' AND tenant_id LIKE 'res_%' ORDER BY tenant_id;

------------------------------------------------------------------------------
-- Bad input: 22023, nothing changed
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => NULL, email => 'x@example.com');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => '', email => 'x@example.com');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => '   ', email => 'x@example.com');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => 'x@example.com', on_conflict => 'ignore');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => 'x@example.com', on_conflict => NULL);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => 'x@example.com', create_missing => NULL);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', name => 'No identifiers');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity();
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', email => 'not-an-email');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', phone => '12');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', external_customer_id => '');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', external_customer_id => '  ', email => 'x@example.com');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'res_t1', user_id => ' ');
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- Calling conventions: named notation with every default, positional notation
------------------------------------------------------------------------------
-- all defaults: tenant 'default', create_missing true, on_conflict 'raise'
SELECT * FROM resolve_customer_identity(email => 'defaults@example.com');
SELECT tenant_id, email FROM customer WHERE email = 'defaults@example.com';
SELECT * FROM resolve_customer_identity(email => 'defaults@example.com');
-- positional: tenant, external id, email, customer_ref, user id, phone, name, create_missing, on_conflict
SELECT * FROM resolve_customer_identity('res_t1', 'cus_hank', 'hank@example.com', NULL, 'user_hank',
                                        '+15550100077', 'Hank', true, 'raise');
SELECT * FROM resolve_customer_identity('res_t1', 'cus_hank');
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity('res_t1', NULL, NULL, NULL, NULL, NULL, NULL, false, 'return');
:sqlstate
SELECT regress.unchanged();
SELECT * FROM resolve_customer_identity('res_t1', NULL, 'nobody@example.com', NULL, NULL, NULL, NULL, false, 'return');
SELECT (resolve_customer_identity('res_t1', NULL, 'hank@example.com')).*;

------------------------------------------------------------------------------
-- Two vendors with the customer's email: an older unlinked one (e.g. imported by a
-- sync job) and the one upgrade_customer_to_vendor created and linked.  The email
-- identifies that customer, found through its linked vendor: a pure hit, no error.
------------------------------------------------------------------------------
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('res_t3', 'Imported Shop', 'seller@res3.example');
INSERT INTO customer (tenant_id, name, email) VALUES ('res_t3', 'Seller', 'seller@res3.example') RETURNING id AS seller \gset
SELECT upgrade_customer_to_vendor(:seller, 'Seller Shop') AS seller_shop \gset
SELECT regress.save_state();
SELECT customer_id = :seller AS seller_found, vendor_id = :seller_shop AS its_vendor, method, created
  FROM resolve_customer_identity(tenant_id => 'res_t3', email => 'seller@res3.example');
SELECT regress.unchanged();

-- final state
SELECT * FROM regress.customers('res_t1');
SELECT * FROM regress.customers('res_t2');
SELECT * FROM regress.events('res_t1');
SELECT * FROM regress.events('res_t2');
