-- The vendor email rule (CI007) on every path: a vendor and the customer linked to it keep
-- one email.  Changing a linked vendor's contact email, a linked customer's email, or merging
-- a customer that carries a link into one with another email fails with CI007, nothing
-- changed; the same writes that keep the emails equal go through.  As the application role.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(18000);
CREATE ROLE regress_ci_email_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
SELECT grant_application_role('regress_ci_email_app');
GRANT USAGE ON SCHEMA regress TO regress_ci_email_app;
GRANT SELECT, INSERT, DELETE ON ALL TABLES IN SCHEMA regress TO regress_ci_email_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_email_app;
SET ROLE regress_ci_email_app;

INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('email_rule', 'Shop', 'shop@rule.test')
RETURNING id AS shop \gset
SELECT customer_id AS shop_customer FROM resolve_customer_identity(tenant_id => 'email_rule', email => 'shop@rule.test') \gset
SELECT customer_id AS victim FROM resolve_customer_identity(tenant_id => 'email_rule', email => 'victim@rule.test') \gset

-- A linked vendor's contact email changed to someone else's: CI007, nothing changed
SELECT regress.save_state();
UPDATE vendor SET primary_contact_email = 'victim@rule.test' WHERE id = :shop;
:sqlstate
SELECT regress.unchanged();
-- (so resolving by the victim's email still finds the victim, not the vendor's customer)
SELECT customer_id = :victim AS victim, method FROM resolve_customer_identity(tenant_id => 'email_rule', email => 'victim@rule.test');
-- the same email in another spelling is the same email: allowed
UPDATE vendor SET primary_contact_email = 'SHOP@Rule.test' WHERE id = :shop RETURNING primary_contact_email_normalized;
-- removing it is allowed too (the rule binds where both have one)
BEGIN;
UPDATE vendor SET primary_contact_email = NULL WHERE id = :shop RETURNING primary_contact_email_normalized;
ROLLBACK;

-- A linked customer's email changed to another: CI007, nothing changed
SELECT regress.save_state();
UPDATE customer SET email = 'other@rule.test' WHERE id = :shop_customer;
:sqlstate
SELECT regress.unchanged();
UPDATE customer SET email = ' Shop@RULE.test' WHERE id = :shop_customer RETURNING email_normalized;

-- A merge that would carry the link onto a customer with another email: CI007, nothing changed
SELECT regress.save_state();
SELECT merge_customers(:victim, :shop_customer);
:sqlstate
SELECT regress.unchanged();
SELECT vendor_for_customer(:shop_customer) = :shop AS still_linked;
-- onto a customer without an email it goes through: the canonical takes the duplicate's email
SELECT customer_id AS no_email FROM resolve_customer_identity(tenant_id => 'email_rule', user_id => 'no-email') \gset
SELECT merge_customers(:no_email, :shop_customer);
SELECT c.email_normalized, vendor_for_customer(c.id) = :shop AS linked FROM customer c WHERE c.id = :no_email;

-- Resolution filling in the email of a linked customer that has none: the vendor's email
-- is the one it may get; another is CI007, nothing changed
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('email_rule', 'Third', 'third@rule.test')
RETURNING id AS third \gset
SELECT customer_id AS third_customer FROM resolve_customer_identity(tenant_id => 'email_rule', user_id => 'third-owner') \gset
RESET ROLE;
SELECT link_vendor_to_customer(:third, :third_customer);
SET ROLE regress_ci_email_app;
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'email_rule', user_id => 'third-owner', email => 'else@rule.test');
:sqlstate
SELECT regress.unchanged();
SELECT method FROM resolve_customer_identity(tenant_id => 'email_rule', user_id => 'third-owner', email => 'Third@rule.test');
SELECT email_normalized FROM customer WHERE id = :third_customer;

-- The link functions keep their rule (CI007), unchanged
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('email_rule', 'Second', 'second@rule.test')
RETURNING id AS second \gset
SELECT link_vendor_to_customer(:second, :victim);
:sqlstate
RESET ROLE;

DROP OWNED BY regress_ci_email_app;
DROP ROLE regress_ci_email_app;
