-- link_vendor_to_customer, unlink_vendor_from_customer, upgrade_customer_to_vendor,
-- vendor_for_customer, and report 000's story.  Tenants: link_t1, link_t2, story_t1.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(5000);

-- Setup (ids captured by name):
--   vendors  v1 (v1@link.example), v2 (v2@link.example), v_other (tenant link_t2),
--            v_diff (diff@link.example), v_noemail (no contact email)
--   customers c1 (' V1@Link.EXAMPLE ': same email as v1 up to case/whitespace), c2 (v2@...),
--            c_other_mail (other@link.example), c_archived, c_noemail (no email)
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('link_t1', 'Vendor 1', 'v1@link.example') RETURNING id AS v1 \gset
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('link_t1', 'Vendor 2', 'v2@link.example') RETURNING id AS v2 \gset
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('link_t2', 'Vendor other tenant', 'v2@link.example') RETURNING id AS v_other \gset
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('link_t1', 'Vendor diff', 'diff@link.example') RETURNING id AS v_diff \gset
INSERT INTO vendor (tenant_id, name) VALUES ('link_t1', 'Vendor no email') RETURNING id AS v_noemail \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('link_t1', 'C1', ' V1@Link.EXAMPLE ') RETURNING id AS c1 \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('link_t1', 'C2', 'v2@link.example') RETURNING id AS c2 \gset
INSERT INTO customer (tenant_id, name, email) VALUES ('link_t1', 'C other mail', 'other@link.example') RETURNING id AS c_other_mail \gset
INSERT INTO customer (tenant_id, name, email, archived_at) VALUES ('link_t1', 'C archived', 'diff@link.example', now()) RETURNING id AS c_archived \gset
INSERT INTO customer (tenant_id, name, roles) VALUES ('link_t1', 'C no email', '{customer,wholesale}') RETURNING id AS c_noemail \gset
SELECT * FROM regress.vendors('link_t1');
SELECT * FROM regress.customers('link_t1');

------------------------------------------------------------------------------
-- link_vendor_to_customer: link and role vendor in one step
------------------------------------------------------------------------------
-- same email up to case and whitespace is not "different": it links
SELECT link_vendor_to_customer(:v1, :c1);
SELECT v.customer_id = :c1 AS vendor_linked, c.roles, vendor_for_customer(:c1) = :v1 AS found_from_customer
  FROM vendor v, customer c WHERE v.id = :v1 AND c.id = :c1;
SELECT event_type, customer_id = :c1 AS customer_ok, vendor_id = :v1 AS vendor_ok, method, detail
  FROM identity_event WHERE tenant_id = 'link_t1' ORDER BY id;
-- idempotent for the same pair: no error, nothing written, no second 'linked' event
SELECT regress.save_state();
SELECT link_vendor_to_customer(:v1, :c1);
SELECT regress.unchanged();
SELECT count(*) AS linked_events FROM identity_event WHERE tenant_id = 'link_t1' AND event_type = 'linked';
-- a vendor without contact email links to a customer with an email
SELECT link_vendor_to_customer(:v_noemail, :c_other_mail);
SELECT vendor_for_customer(:c_other_mail) = :v_noemail AS linked,
       (SELECT roles FROM customer WHERE id = :c_other_mail) AS roles;

------------------------------------------------------------------------------
-- link_vendor_to_customer errors, each with nothing changed
------------------------------------------------------------------------------
-- the vendor is already linked to another customer: CI009
SELECT regress.save_state();
SELECT link_vendor_to_customer(:v1, :c2);
:sqlstate
SELECT regress.unchanged();
-- the customer is already linked to another vendor: CI009
SELECT regress.save_state();
SELECT link_vendor_to_customer(:v2, :c1);
:sqlstate
SELECT regress.unchanged();
-- vendor and customer of different tenants: CI008
SELECT regress.save_state();
SELECT link_vendor_to_customer(:v_other, :c2);
:sqlstate
SELECT regress.unchanged();
-- archived customer: CI010
SELECT regress.save_state();
SELECT link_vendor_to_customer(:v_diff, :c_archived);
:sqlstate
SELECT regress.unchanged();
-- both emails set and different: CI007
SELECT regress.save_state();
SELECT link_vendor_to_customer(:v_diff, :c2);
:sqlstate
SELECT regress.unchanged();
-- unknown vendor, unknown customer: CI011
SELECT regress.save_state();
SELECT link_vendor_to_customer(999999, :c2);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT link_vendor_to_customer(:v2, 999999);
:sqlstate
SELECT regress.unchanged();
-- NULL arguments: 22004
SELECT regress.save_state();
SELECT link_vendor_to_customer(NULL, :c2);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT link_vendor_to_customer(:v2, NULL);
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- unlink_vendor_from_customer: removes link and role
------------------------------------------------------------------------------
SELECT unlink_vendor_from_customer(:v1);
SELECT v.customer_id AS vendor_customer_id, c.roles, vendor_for_customer(:c1) AS vendor_for_c1
  FROM vendor v, customer c WHERE v.id = :v1 AND c.id = :c1;
-- (a customer without email links to a vendor with one) other roles are kept
SELECT link_vendor_to_customer(:v2, :c_noemail);
SELECT roles FROM customer WHERE id = :c_noemail;
SELECT unlink_vendor_from_customer(:v2);
SELECT roles, vendor_for_customer(id) AS vendor FROM customer WHERE id = :c_noemail;
-- unlinking an unlinked vendor is a no-op
SELECT regress.save_state();
SELECT unlink_vendor_from_customer(:v1);
SELECT regress.unchanged();
-- unknown vendor: CI011; NULL: 22004
SELECT regress.save_state();
SELECT unlink_vendor_from_customer(999999);
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT unlink_vendor_from_customer(NULL);
:sqlstate
SELECT regress.unchanged();
-- after unlinking, the vendor can be linked again (here to another customer)
SELECT link_vendor_to_customer(:v2, :c2);
SELECT vendor_for_customer(:c2) = :v2 AS relinked;
SELECT event_type, customer_id, vendor_id, method FROM identity_event
 WHERE tenant_id = 'link_t1' ORDER BY id;

------------------------------------------------------------------------------
-- upgrade_customer_to_vendor: creates a vendor with the customer's email, linked
------------------------------------------------------------------------------
INSERT INTO customer (tenant_id, name, email) VALUES ('link_t1', 'Upgrader', 'Up@Link.example') RETURNING id AS c_up \gset
SELECT upgrade_customer_to_vendor(:c_up, 'Upgrader Shop') AS v_up \gset
SELECT v.name, v.primary_contact_email, v.primary_contact_email_normalized, v.customer_id = :c_up AS linked,
       vendor_for_customer(:c_up) = :v_up AS found_from_customer
  FROM vendor v WHERE v.id = :v_up;
SELECT roles FROM customer WHERE id = :c_up;
SELECT event_type, customer_id = :c_up AS customer_ok, vendor_id = :v_up AS vendor_ok, method, detail
  FROM identity_event WHERE tenant_id = 'link_t1' AND customer_id = :c_up ORDER BY id;
-- a customer without an email: the vendor has no contact email either
SELECT upgrade_customer_to_vendor(:c_noemail, 'No Mail Shop') AS v_nomail \gset
SELECT name, primary_contact_email, customer_id = :c_noemail AS linked FROM vendor WHERE id = :v_nomail;
SELECT roles FROM customer WHERE id = :c_noemail;
-- already linked: CI009 and no vendor created
SELECT count(*) AS vendors_before FROM vendor WHERE tenant_id = 'link_t1';
SELECT regress.save_state();
SELECT upgrade_customer_to_vendor(:c_up, 'Second Shop');
:sqlstate
SELECT regress.unchanged();
SELECT count(*) AS vendors_after FROM vendor WHERE tenant_id = 'link_t1';
-- archived: CI010; unknown: CI011
SELECT regress.save_state();
SELECT upgrade_customer_to_vendor(:c_archived, 'Archived Shop');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT upgrade_customer_to_vendor(999999, 'Ghost Shop');
:sqlstate
SELECT regress.unchanged();
-- blank vendor_name: 22023
SELECT regress.save_state();
SELECT upgrade_customer_to_vendor(:c1, '');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT upgrade_customer_to_vendor(:c1, E'  \t');
:sqlstate
SELECT regress.unchanged();
-- NULL arguments: 22004
SELECT regress.save_state();
SELECT upgrade_customer_to_vendor(NULL, 'Null Shop');
:sqlstate
SELECT regress.unchanged();
SELECT regress.save_state();
SELECT upgrade_customer_to_vendor(:c1, NULL);
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- vendor_for_customer: the linked vendor, or NULL
------------------------------------------------------------------------------
SELECT vendor_for_customer(:c_up) = :v_up AS linked_customer,
       vendor_for_customer(:c1) IS NULL AS unlinked_customer,
       vendor_for_customer(999999) IS NULL AS unknown_customer,
       vendor_for_customer(NULL) IS NULL AS null_customer;

------------------------------------------------------------------------------
-- Report 000: a consumer upgrades to a seller atomically, and the seller is found
-- from the consumer's customer id (no more "member_customer_id" lookups)
------------------------------------------------------------------------------
-- the consumer checks out as an app user: a customer is found or created
SELECT customer_id AS consumer FROM resolve_customer_identity(tenant_id => 'story_t1', user_id => 'app_user_42',
                                                               email => 'maker@story.example', name => 'Maker') \gset
-- before the upgrade, no seller for this customer
SELECT vendor_for_customer(:consumer) IS NULL AS no_seller_yet;
-- an upgrade rolled back with its transaction leaves neither a seller nor the role
BEGIN;
SELECT upgrade_customer_to_vendor(:consumer, 'Maker Goods') IS NOT NULL AS upgraded_in_tx;
ROLLBACK;
SELECT vendor_for_customer(:consumer) IS NULL AS still_no_seller,
       (SELECT count(*) FROM vendor WHERE tenant_id = 'story_t1') AS sellers,
       (SELECT roles FROM customer WHERE id = :consumer) AS roles;
-- the upgrade: one call creates the seller and links it
SELECT upgrade_customer_to_vendor(:consumer, 'Maker Goods') AS seller \gset
-- every consumer-seller route finds the seller from the customer id
SELECT v.name AS seller, v.primary_contact_email, vendor_for_customer(:consumer) = :seller AS found
  FROM vendor v WHERE v.id = vendor_for_customer(:consumer);
-- and resolving the consumer again reports the seller too
SELECT customer_id = :consumer AS same_customer, vendor_id = :seller AS seller_found, method, created
  FROM resolve_customer_identity(tenant_id => 'story_t1', user_id => 'app_user_42');
-- a second upgrade attempt (double submit) fails and creates nothing
SELECT regress.save_state();
SELECT upgrade_customer_to_vendor(:consumer, 'Maker Goods');
:sqlstate
SELECT regress.unchanged();
SELECT count(*) AS sellers FROM vendor WHERE tenant_id = 'story_t1';
-- the link cannot be broken by a direct write either
SELECT regress.save_state();
UPDATE vendor SET customer_id = NULL WHERE id = :seller;
:sqlstate
SELECT regress.unchanged();

-- final state
SELECT * FROM regress.vendors('link_t1');
SELECT * FROM regress.customers('link_t1');
SELECT * FROM regress.events('link_t1');
SELECT * FROM regress.events('story_t1');
