-- An application role that is neither superuser nor table owner, with exactly the grants
-- grant_application_role gives (README "Security"), runs the stories; the rules still bind it.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(7000);

CREATE ROLE regress_ci_app NOLOGIN NOSUPERUSER;
SELECT customer_identity.grant_application_role('regress_ci_app');
GRANT USAGE ON SCHEMA regress TO regress_ci_app;
GRANT SELECT, INSERT, DELETE ON ALL TABLES IN SCHEMA regress TO regress_ci_app;

SET ROLE regress_ci_app;
SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user;

-- report 002: an app user checks out twice: one customer
SELECT customer_id, method, created FROM resolve_customer_identity(tenant_id => 'app_t1', user_id => 'u-1', phone => '555 010 1111');
SELECT customer_id, method, created FROM resolve_customer_identity(tenant_id => 'app_t1', user_id => 'u-1');

-- report 003: vendor found by email, its customer created and linked; webhook enriches it
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('app_t1', 'App Shop', 'shop@app.example');
SELECT customer_id, vendor_id, method, created FROM resolve_customer_identity(tenant_id => 'app_t1', email => 'shop@app.example');
SELECT customer_id, vendor_id, method, created FROM resolve_customer_identity(tenant_id => 'app_t1', external_customer_id => 'cus_app', email => 'SHOP@app.example');

-- report 000: upgrade, find the seller from the customer, unlink and link again
INSERT INTO customer (tenant_id, name, email) VALUES ('app_t1', 'Seller', 'seller@app.example') RETURNING id AS seller \gset
SELECT upgrade_customer_to_vendor(:seller, 'Seller Shop') AS seller_vendor \gset
SELECT vendor_for_customer(:seller) = :seller_vendor AS seller_found;
SELECT unlink_vendor_from_customer(:seller_vendor);
SELECT link_vendor_to_customer(:seller_vendor, :seller);
SELECT roles FROM customer WHERE id = :seller;

-- report 001: an invite link; one customer registers with it, another redeems it
SELECT create_invite_token(:seller_vendor, max_uses => 5) AS invite \gset
INSERT INTO customer (tenant_id, name, email, metadata)
VALUES ('app_t1', 'Invited', 'invited@app.example', jsonb_build_object('invite_token', :'invite'));
SELECT created FROM redeem_invite_token(:'invite', (SELECT id FROM customer WHERE tenant_id = 'app_t1' AND user_id = 'u-1'));
SELECT c.name, c.user_id, vc.source FROM vendor_customer vc JOIN customer c ON c.id = vc.customer_id
 WHERE vc.vendor_id = :seller_vendor ORDER BY c.name;
SELECT use_count, uses_left FROM pending_invites(:seller_vendor);
SELECT revoke_invite_token(:'invite');

-- the rules hold for this role too: no manual link, no duplicate, no audit rewrite
SELECT regress.save_state();
UPDATE vendor SET customer_id = NULL WHERE id = :seller_vendor;
:sqlstate
SELECT regress.unchanged();
INSERT INTO customer (tenant_id, email) VALUES ('app_t1', 'Seller@App.example');
:sqlstate
SELECT regress.unchanged();
DELETE FROM identity_event WHERE tenant_id = 'app_t1';
:sqlstate
SELECT regress.unchanged();
RESET ROLE;

SELECT event_type, method FROM identity_event WHERE tenant_id = 'app_t1' ORDER BY id;
REVOKE ALL ON ALL TABLES IN SCHEMA regress FROM regress_ci_app;
REVOKE ALL ON SCHEMA regress FROM regress_ci_app;
DROP OWNED BY regress_ci_app;
DROP ROLE regress_ci_app;
