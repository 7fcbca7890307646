-- Trust: the hostile-application findings, each run as an application role with exactly the
-- grants of grant_application_role, under the `verified` policy (tenant trust_v) with the
-- documented outcome and nothing changed; the same under `trusting` (tenant trust_t) where
-- the reports' rules apply as written.  Then the four reports' stories under both policies.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(14000);

SELECT set_trust_policy('verified', 'trust_v');
SELECT set_trust_policy('trusting', 'trust_t');
SELECT trust_policy('trust_v') AS trust_v, trust_policy('trust_t') AS trust_t,
       trust_policy('trust_other') AS default_policy;
-- bad policy values: 22023, nothing changed
SELECT regress.save_state();
SELECT set_trust_policy('lenient', 'trust_v');
:sqlstate
SELECT set_trust_policy(NULL, 'trust_v');
:sqlstate
SELECT set_trust_policy('verified', '  ');
:sqlstate
SELECT regress.unchanged();

CREATE ROLE regress_ci_hostile NOLOGIN NOSUPERUSER NOBYPASSRLS;
SELECT grant_application_role('regress_ci_hostile');
GRANT USAGE ON SCHEMA regress TO regress_ci_hostile;
GRANT SELECT, INSERT, DELETE ON ALL TABLES IN SCHEMA regress TO regress_ci_hostile;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_hostile;
CREATE SCHEMA trust_hostile AUTHORIZATION regress_ci_hostile;

-- In each tenant: a vendor with no customer yet, a vendor already linked to its customer
-- (the owner onboarded it, verified), and the attacker's own customer.
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES
    ('trust_v', 'New Shop', 'v@shop.test'), ('trust_t', 'New Shop', 'v@shop.test'),
    ('trust_v', 'Linked Shop', 'owner@linked.test'), ('trust_t', 'Linked Shop', 'owner@linked.test');
SELECT id AS new_shop_v FROM vendor WHERE tenant_id = 'trust_v' AND name = 'New Shop' \gset
SELECT id AS new_shop_t FROM vendor WHERE tenant_id = 'trust_t' AND name = 'New Shop' \gset
SELECT id AS linked_shop_v FROM vendor WHERE tenant_id = 'trust_v' AND name = 'Linked Shop' \gset
SELECT customer_id AS owner_v, method, created FROM resolve_customer_identity(tenant_id => 'trust_v',
    email => 'owner@linked.test', user_id => 'owner', email_verified => true) \gset
SELECT customer_id AS owner_t FROM resolve_customer_identity(tenant_id => 'trust_t',
    email => 'owner@linked.test', user_id => 'owner') \gset
SELECT vendor_for_customer(:owner_v) = :linked_shop_v AS owner_linked;
SELECT customer_id AS attacker_v FROM resolve_customer_identity(tenant_id => 'trust_v', user_id => 'attacker-own') \gset
SELECT customer_id AS attacker_t FROM resolve_customer_identity(tenant_id => 'trust_t', user_id => 'attacker-own') \gset

SET ROLE regress_ci_hostile;

------------------------------------------------------------------------------
-- 1. Takeover through an email match: a vendor with no customer yet
------------------------------------------------------------------------------
-- verified: nothing written, nothing linked, no customer returned; a claim for review
SELECT regress.save_state();
SELECT customer_id, vendor_id, method, created, claim_id IS NOT NULL AS claimed
  FROM resolve_customer_identity(tenant_id => 'trust_v', email => 'V@Shop.test', user_id => 'attacker',
                                 external_customer_id => 'cus_attacker');
SELECT regress.unchanged_except_events();
SELECT customer_id FROM vendor WHERE id = :new_shop_v;
SELECT count(*) AS attacker_customers FROM customer WHERE tenant_id = 'trust_v' AND user_id = 'attacker';
-- the same call again is the same claim, not a second one
SELECT claim_id AS claim_1 FROM resolve_customer_identity(tenant_id => 'trust_v', email => 'V@Shop.test',
    user_id => 'attacker', external_customer_id => 'cus_attacker') \gset
SELECT claim_id = :claim_1 AS same_claim FROM resolve_customer_identity(tenant_id => 'trust_v',
    email => 'V@Shop.test', user_id => 'attacker', external_customer_id => 'cus_attacker');
-- trusting: the reports' rule as written -- the caller becomes the vendor's customer
SELECT customer_id IS NOT NULL AS has_customer, vendor_id = :new_shop_t AS linked_to_vendor, method, created, claim_id
  FROM resolve_customer_identity(tenant_id => 'trust_t', email => 'V@Shop.test', user_id => 'attacker',
                                 external_customer_id => 'cus_attacker');

------------------------------------------------------------------------------
-- 2. Takeover of a vendor already linked: the attacker's ids onto the vendor's customer
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT customer_id, vendor_id, method, created, claim_id IS NOT NULL AS claimed
  FROM resolve_customer_identity(tenant_id => 'trust_v', email => 'owner@linked.test',
                                 external_customer_id => 'cus_attacker_2');
SELECT regress.unchanged_except_events();
-- (a user id other than the one it has is a conflict, as under either policy: CI001)
SELECT * FROM resolve_customer_identity(tenant_id => 'trust_v', email => 'owner@linked.test', user_id => 'attacker-2');
:sqlstate
SELECT regress.unchanged_except_events();
SELECT user_id, external_customer_id FROM customer WHERE id = :owner_v;
-- the owner's trust functions are not the application's (42501)
SELECT customer_identity.block_identifier('trust_v', 'phone', '+1 555 0199 000');
:sqlstate
-- trusting: the attacker's payment id lands on the vendor's customer
SELECT customer_id = :owner_t AS vendors_customer, method
  FROM resolve_customer_identity(tenant_id => 'trust_t', email => 'owner@linked.test',
                                 external_customer_id => 'cus_attacker_2');

------------------------------------------------------------------------------
-- 3. Direct writes: the attacker's own row takes the vendor's email and role vendor
------------------------------------------------------------------------------
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES
    ('trust_v', 'Third Shop', 'third@shop.test'), ('trust_t', 'Third Shop', 'third@shop.test');
SELECT regress.save_state();
UPDATE customer SET email = 'third@shop.test', roles = '{customer,vendor}' WHERE id = :attacker_v;
:sqlstate
SELECT regress.unchanged();
-- an INSERT the same way
INSERT INTO customer (tenant_id, email, roles) VALUES ('trust_v', 'third@shop.test', '{customer,vendor}');
:sqlstate
SELECT regress.unchanged();
-- a verification stamped earlier does not carry over to a new email
BEGIN;
UPDATE customer SET email = 'mine@attacker.test', email_verified_at = now() WHERE id = :attacker_v;
UPDATE customer SET email = 'third@shop.test', roles = '{customer,vendor}' WHERE id = :attacker_v;
:sqlstate
ROLLBACK;
SELECT regress.unchanged();
-- trusting: the write links the vendor to the attacker's row
UPDATE customer SET email = 'third@shop.test', roles = '{customer,vendor}' WHERE id = :attacker_t
RETURNING email, roles;
SELECT v.customer_id = :attacker_t AS linked FROM vendor v WHERE v.tenant_id = 'trust_t' AND v.name = 'Third Shop';

------------------------------------------------------------------------------
-- 4. Escalation through import_customers
------------------------------------------------------------------------------
-- A view over a function of the application's own, waiting for the owner's dry run
CREATE FUNCTION trust_hostile.escalate() RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE 'ALTER ROLE regress_ci_hostile SUPERUSER';
    RETURN 'boss@evil.test';
END $$;
CREATE VIEW trust_hostile.new_customers AS SELECT trust_hostile.escalate() AS email;
GRANT USAGE ON SCHEMA trust_hostile TO PUBLIC;
GRANT SELECT ON trust_hostile.new_customers TO PUBLIC;
-- A table with a column of a type of its own, whose cast to text is the application's code
CREATE TYPE trust_hostile.mail AS (address text);
CREATE FUNCTION trust_hostile.mail_text(trust_hostile.mail) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE 'ALTER ROLE regress_ci_hostile SUPERUSER';
    RETURN ($1).address;
END $$;
CREATE CAST (trust_hostile.mail AS text) WITH FUNCTION trust_hostile.mail_text(trust_hostile.mail);
CREATE TABLE trust_hostile.typed_customers (email trust_hostile.mail);
INSERT INTO trust_hostile.typed_customers VALUES (ROW('typed@evil.test'));
GRANT SELECT ON trust_hostile.typed_customers TO PUBLIC;
RESET ROLE;
SELECT regress.save_state();
SELECT * FROM import_customers('trust_hostile.new_customers', 'trust_v');
:sqlstate
SELECT * FROM import_customers('trust_hostile.typed_customers', 'trust_v', dry_run => false);
:sqlstate
SELECT rolsuper FROM pg_roles WHERE rolname = 'regress_ci_hostile';
SELECT regress.unchanged();
-- An application role the owner lets import: a temporary view reading a server file
GRANT EXECUTE ON FUNCTION import_customers(regclass, text, boolean) TO regress_ci_hostile;
SET ROLE regress_ci_hostile;
CREATE TEMP VIEW stolen AS SELECT 'file@evil.test'::text AS email, pg_read_file('PG_VERSION') AS name;
SELECT regress.save_state();
SELECT * FROM import_customers('pg_temp.stolen', 'trust_v', dry_run => false);
:sqlstate
SELECT regress.unchanged();
-- a plain table it may read is imported, read with its own rights
CREATE TEMP TABLE plain_rows (id int, email text, name text);
INSERT INTO plain_rows VALUES (1, 'plain@import.test', 'Plain Import');
SELECT source_row, action, reason FROM import_customers('pg_temp.plain_rows', 'trust_v');
-- a table it may not read is refused (42501) even though the owner could read it
SELECT * FROM import_customers('customer_identity.trust_policy', 'trust_v');
:sqlstate
RESET ROLE;
REVOKE EXECUTE ON FUNCTION import_customers(regclass, text, boolean) FROM regress_ci_hostile;

------------------------------------------------------------------------------
-- 5. Tenant binding: a role bound to one tenant stays there whatever it sets
------------------------------------------------------------------------------
-- (isolation off so far: the per-connection setting is all there is)
SELECT bind_role_to_tenant('regress_ci_hostile', 'trust_v');
SELECT role_id, tenant_id FROM tenant_binding;
SELECT relname, relrowsecurity FROM pg_class
 WHERE relnamespace = 'customer_identity'::regnamespace AND relname IN ('customer', 'identity_claim')
 ORDER BY relname;
-- superusers and the owner are not bound by row-level security: binding them is 22023
SELECT bind_role_to_tenant(current_user::regrole, 'trust_v');
:sqlstate
-- isolation cannot be switched off under a binding
SELECT set_tenant_isolation(false);
:sqlstate
SET ROLE regress_ci_hostile;
SET customer_identity.tenant = 'trust_t';
SELECT current_tenant();
SELECT tenant_id, count(*) FROM customer GROUP BY tenant_id ORDER BY tenant_id;
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'trust_t', user_id => 'x');
:sqlstate
INSERT INTO customer (tenant_id, user_id) VALUES ('trust_t', 'planted');
:sqlstate
UPDATE customer SET name = 'renamed' WHERE tenant_id = 'trust_t';
SELECT vendor_for_customer(:owner_t) AS other_tenants_link;
RESET customer_identity.tenant;
SELECT current_tenant();
RESET ROLE;
SELECT regress.unchanged();
-- the session role's binding holds after SET ROLE to a role that is not bound
CREATE ROLE regress_ci_unbound NOLOGIN NOSUPERUSER NOBYPASSRLS;
SELECT grant_application_role('regress_ci_unbound');
GRANT regress_ci_unbound TO regress_ci_hostile;
SET SESSION AUTHORIZATION regress_ci_hostile;
SET ROLE regress_ci_unbound;
SET customer_identity.tenant = 'trust_t';
SELECT current_user, session_user, current_tenant();
SELECT count(*) FILTER (WHERE tenant_id = 'trust_t') AS trust_t_rows FROM customer;
RESET ROLE;
RESET customer_identity.tenant;
RESET SESSION AUTHORIZATION;
-- a role that is not bound keeps the per-connection setting (a pool serving many tenants)
SET ROLE regress_ci_unbound;
SET customer_identity.tenant = 'trust_t';
SELECT current_tenant(), count(*) > 0 AS sees_trust_t FROM customer WHERE tenant_id = 'trust_t';
RESET customer_identity.tenant;
RESET ROLE;
SELECT unbind_role_from_tenant('regress_ci_hostile');
SELECT count(*) AS bindings FROM tenant_binding;
SELECT set_tenant_isolation(false);
SELECT event_type, detail FROM regress.events('trust_v') WHERE event_type LIKE 'role_%';

------------------------------------------------------------------------------
-- 6. Bounds: caller(), roles, lengths
------------------------------------------------------------------------------
SET ROLE regress_ci_hostile;
SELECT customer_identity.caller();
:sqlstate
-- a million roles are one role
UPDATE customer SET roles = array_fill('customer'::text, ARRAY[1000000]) WHERE id = :attacker_v
RETURNING roles;
UPDATE customer SET roles = '{retail,customer,retail,wholesale,customer}' WHERE id = :attacker_v
RETURNING roles;
SELECT regress.save_state();
UPDATE customer SET name = repeat('n', 501) WHERE id = :attacker_v;
:sqlstate
UPDATE customer SET email = repeat('e', 311) || '@evil.test' WHERE id = :attacker_v;
:sqlstate
UPDATE customer SET phone = repeat('1', 65) WHERE id = :attacker_v;
:sqlstate
INSERT INTO vendor (tenant_id, name) VALUES ('trust_v', repeat('v', 501));
:sqlstate
SELECT * FROM resolve_customer_identity(tenant_id => 'trust_v', user_id => 'long', phone => repeat('2', 65));
:sqlstate
SELECT regress.unchanged();
RESET ROLE;

------------------------------------------------------------------------------
-- The reports' stories under both policies
------------------------------------------------------------------------------
-- 000: a seller's own customer, created and linked in one step (no email match involved)
SELECT customer_id AS seller_v FROM resolve_customer_identity(tenant_id => 'trust_v', user_id => 'seller') \gset
SELECT customer_id AS seller_t FROM resolve_customer_identity(tenant_id => 'trust_t', user_id => 'seller') \gset
SELECT upgrade_customer_to_vendor(:seller_v, 'Seller V') = vendor_for_customer(:seller_v) AS v_ok,
       upgrade_customer_to_vendor(:seller_t, 'Seller T') = vendor_for_customer(:seller_t) AS t_ok;
-- 002: checkout by user id, under both
SELECT method, created FROM resolve_customer_identity(tenant_id => 'trust_v', user_id => 'buyer', email => 'buyer@shop.test');
SELECT method, created FROM resolve_customer_identity(tenant_id => 'trust_t', user_id => 'buyer', email => 'buyer@shop.test');
SELECT method, created FROM resolve_customer_identity(tenant_id => 'trust_v', user_id => 'buyer');
-- 003: the payment webhook for a vendor (provider id + contact email).  Under `verified` it
-- carries out the link when the platform verified the email (the vendor's own checkout,
-- logged in); an unverified one is a claim.
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES
    ('trust_v', 'Webhook Shop', 'pay@webhook.test'), ('trust_t', 'Webhook Shop', 'pay@webhook.test');
SELECT method, created, claim_id IS NOT NULL AS claimed FROM resolve_customer_identity(tenant_id => 'trust_v',
    external_customer_id => 'cus_webhook', email => 'pay@webhook.test');
SELECT method, created, vendor_id IS NOT NULL AS linked, claim_id FROM resolve_customer_identity(tenant_id => 'trust_v',
    external_customer_id => 'cus_webhook', email => 'pay@webhook.test', email_verified => true);
SELECT method, created, vendor_id IS NOT NULL AS linked, claim_id FROM resolve_customer_identity(tenant_id => 'trust_t',
    external_customer_id => 'cus_webhook', email => 'pay@webhook.test');
-- the redelivery finds it by the provider's id under both
SELECT method, created FROM resolve_customer_identity(tenant_id => 'trust_v', external_customer_id => 'cus_webhook', email => 'pay@webhook.test');
SELECT method, created FROM resolve_customer_identity(tenant_id => 'trust_t', external_customer_id => 'cus_webhook', email => 'pay@webhook.test');
SELECT email, roles, email_verified_at IS NOT NULL AS verified FROM customer
 WHERE external_customer_id = 'cus_webhook' ORDER BY tenant_id;
-- the vendor's customer whose email was verified earlier is linked by a webhook that adds
-- nothing (its own verified email is the proof); one that adds the provider id needs the
-- call's verification
INSERT INTO customer (tenant_id, email, email_verified_at) VALUES ('trust_v', 'early@webhook.test', now());
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('trust_v', 'Early Shop', 'early@webhook.test');
SELECT method, created, claim_id IS NOT NULL AS claimed FROM resolve_customer_identity(tenant_id => 'trust_v',
    email => 'early@webhook.test', external_customer_id => 'cus_early');
SELECT method, vendor_id IS NOT NULL AS linked, claim_id FROM resolve_customer_identity(tenant_id => 'trust_v',
    email => 'early@webhook.test');
-- 001: registration through an invite, as an INSERT; a new customer enrolls under both
SELECT create_invite_token(:linked_shop_v) AS invite_v \gset
SELECT create_invite_token(v.id) AS invite_t FROM vendor v WHERE v.tenant_id = 'trust_t' AND v.name = 'Linked Shop' \gset
INSERT INTO customer (tenant_id, email, metadata) VALUES ('trust_v', 'new@member.test', jsonb_build_object('invite_token', :'invite_v'));
INSERT INTO customer (tenant_id, email, metadata) VALUES ('trust_t', 'new@member.test', jsonb_build_object('invite_token', :'invite_t'));
SELECT c.tenant_id, c.email FROM vendor_customer vc JOIN customer c ON c.id = vc.customer_id
 WHERE c.email = 'new@member.test' ORDER BY c.tenant_id;
-- ... an upsert that inserts nothing enrolls nobody, under either policy (0.6.0): the
-- existing customer with that email did not register, a stranger typed the email (the
-- attack as the review wrote it, run as the application role)
INSERT INTO customer (tenant_id, email) VALUES ('trust_v', 'known@member.test'), ('trust_t', 'known@member.test'),
    ('trust_v', 'bystander@member.test');
SELECT regress.save_state();
SET ROLE regress_ci_hostile;
INSERT INTO customer (tenant_id, email, metadata)
VALUES ('trust_v', 'known@member.test', jsonb_build_object('invite_token', :'invite_v'))
ON CONFLICT DO NOTHING;
INSERT INTO customer (tenant_id, email, metadata, email_verified_at)
VALUES ('trust_v', 'known@member.test', jsonb_build_object('invite_token', :'invite_v'), now())
ON CONFLICT DO NOTHING;
INSERT INTO customer (tenant_id, email, metadata)
VALUES ('trust_t', 'known@member.test', jsonb_build_object('invite_token', :'invite_t'))
ON CONFLICT DO NOTHING;
-- ... nor does a row given the id of an existing customer (OVERRIDING SYSTEM VALUE) that
-- collides on that id
INSERT INTO customer (id, tenant_id, email, metadata) OVERRIDING SYSTEM VALUE
SELECT c.id, 'trust_v', 'other@member.test', jsonb_build_object('invite_token', :'invite_v')
  FROM customer c WHERE c.tenant_id = 'trust_v' AND c.email = 'known@member.test'
ON CONFLICT DO NOTHING;
RESET ROLE;
SELECT regress.unchanged();
-- ... nor does a row an upsert's WHERE skipped, even when the next row of the same
-- statement updates a customer (which it may: only the clientele must not change)
SELECT count(*) AS clientele_before FROM vendor_customer WHERE vendor_id = :linked_shop_v;
SET ROLE regress_ci_hostile;
INSERT INTO customer (tenant_id, email, name, metadata)
VALUES ('trust_v', 'known@member.test', 'skipped', jsonb_build_object('invite_token', :'invite_v')),
       ('trust_v', 'bystander@member.test', 'updated', '{}')
ON CONFLICT (tenant_id, email_normalized) WHERE archived_at IS NULL AND email_normalized IS NOT NULL
DO UPDATE SET name = EXCLUDED.name WHERE EXCLUDED.name = 'updated';
RESET ROLE;
SELECT count(*) AS clientele_after FROM vendor_customer WHERE vendor_id = :linked_shop_v;
SELECT email, name FROM customer WHERE tenant_id = 'trust_v' AND email LIKE '%@member.test' ORDER BY email;
SELECT count(*) AS registration_claims FROM identity_claim WHERE kind = 'registration';
-- ... nor does ON CONFLICT DO UPDATE, which updates the existing customer instead of
-- inserting: no row was inserted, so nobody registered, under either policy (0.10.0;
-- before, it enrolled the existing customer)
INSERT INTO customer (tenant_id, email, metadata)
VALUES ('trust_v', 'known@member.test', jsonb_build_object('invite_token', :'invite_v')),
       ('trust_t', 'known@member.test', jsonb_build_object('invite_token', :'invite_t'))
ON CONFLICT (tenant_id, email_normalized) WHERE archived_at IS NULL AND email_normalized IS NOT NULL
DO UPDATE SET metadata = EXCLUDED.metadata;
SELECT c.tenant_id, vc.source FROM vendor_customer vc JOIN customer c ON c.id = vc.customer_id
 WHERE c.email = 'known@member.test' ORDER BY c.tenant_id;

-- reconcile (the owner's cleanup): a vendor without a customer is linked to the customer
-- with its contact email -- under `verified` only when that customer verified it, so a
-- stranger who registered with a vendor's email does not become the vendor this way either.
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES
    ('trust_v', 'Squatted Shop', 'squat@shop.test'), ('trust_t', 'Squatted Shop', 'squat@shop.test'),
    ('trust_v', 'Proven Shop', 'proven@shop.test');
INSERT INTO customer (tenant_id, user_id, email) VALUES
    ('trust_v', 'squatter', 'squat@shop.test'), ('trust_t', 'squatter', 'squat@shop.test');
INSERT INTO customer (tenant_id, user_id, email, email_verified_at) VALUES
    ('trust_v', 'prover', 'proven@shop.test', now());
SELECT action, reason FROM reconcile('trust_v', dry_run => false)
 WHERE reason LIKE '%squat@%' OR reason LIKE '%proven@%' ORDER BY action, reason;
SELECT action, reason FROM reconcile('trust_t', dry_run => false)
 WHERE reason LIKE '%squat@%' ORDER BY action, reason;
SELECT v.tenant_id, v.name, c.user_id AS linked_to FROM vendor v LEFT JOIN customer c ON c.id = v.customer_id
 WHERE v.name IN ('Squatted Shop', 'Proven Shop') ORDER BY v.tenant_id, v.name;

-- What the verified tenant's audit trail says about the attacks: claims, no links to the
-- attacker, no enrichment of the vendors' customers.
SELECT event_type, count(*) FROM regress.events('trust_v') GROUP BY event_type ORDER BY event_type;
SELECT identifier, value, customer_id = :owner_v AS of_owner, vendor_id, proposal->>'user_id' AS claimed_user_id,
       via, claimed_by, status
  FROM identity_claim WHERE tenant_id = 'trust_v' AND kind = 'resolve' ORDER BY id;

-- The roles go (their grants with them), so later files see the extension as installed.
SET client_min_messages = warning;
DROP SCHEMA trust_hostile CASCADE;
RESET client_min_messages;
DROP OWNED BY regress_ci_hostile, regress_ci_unbound;
DROP ROLE regress_ci_hostile, regress_ci_unbound;
