-- identity_event: what each kind of decision records (created, enriched, linked,
-- unlinked, vendor_created, conflict), and that pure hits record nothing.
-- Tenant: audit_t1.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(6000);

-- The events written since the last mark are shown with:
--   SELECT ... FROM identity_event WHERE id > :mark ORDER BY id;
\set mark_events 'SELECT coalesce(max(id), 0) AS mark FROM identity_event \\gset'
\set new_events 'SELECT tenant_id, event_type, customer_id, other_customer_id, vendor_id, method, detail, actor = current_user AS actor_ok FROM identity_event WHERE id > :mark ORDER BY id;'

------------------------------------------------------------------------------
-- created: a new customer; detail holds the normalized identifiers given
------------------------------------------------------------------------------
:mark_events
SELECT * FROM resolve_customer_identity(tenant_id => 'audit_t1', external_customer_id => 'cus_one',
                                        user_id => 'user_one', email => ' One@Audit.Example',
                                        phone => '+1 (555) 010-1111', name => 'One');
:new_events

------------------------------------------------------------------------------
-- created + linked: a vendor's email with no customer yet
------------------------------------------------------------------------------
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('audit_t1', 'Audit Shop', 'shop@audit.example');
:mark_events
SELECT * FROM resolve_customer_identity(tenant_id => 'audit_t1', email => 'Shop@Audit.example');
:new_events

------------------------------------------------------------------------------
-- linked (by resolve): a vendor's email and an existing customer with it
------------------------------------------------------------------------------
INSERT INTO customer (tenant_id, name, email) VALUES ('audit_t1', 'Shop Two owner', 'shop2@audit.example');
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('audit_t1', 'Audit Shop Two', 'shop2@audit.example');
:mark_events
SELECT * FROM resolve_customer_identity(tenant_id => 'audit_t1', email => 'shop2@audit.example');
:new_events

------------------------------------------------------------------------------
-- enriched: detail lists the fields filled; method is how the customer was found
------------------------------------------------------------------------------
INSERT INTO customer (tenant_id, email) VALUES ('audit_t1', 'two@audit.example');
:mark_events
SELECT * FROM resolve_customer_identity(tenant_id => 'audit_t1', email => 'two@audit.example',
                                        external_customer_id => 'cus_two', name => 'Two');
:new_events

------------------------------------------------------------------------------
-- linked (link_vendor_to_customer), unlinked, linked (vendor role rule)
------------------------------------------------------------------------------
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('audit_t1', 'Two Shop', 'two@audit.example');
:mark_events
SELECT link_vendor_to_customer((SELECT id FROM vendor WHERE tenant_id = 'audit_t1' AND name = 'Two Shop'),
                               (SELECT id FROM customer WHERE tenant_id = 'audit_t1' AND email = 'two@audit.example'));
:new_events
:mark_events
SELECT unlink_vendor_from_customer((SELECT id FROM vendor WHERE tenant_id = 'audit_t1' AND name = 'Two Shop'));
:new_events
:mark_events
UPDATE customer SET roles = '{customer,vendor}' WHERE tenant_id = 'audit_t1' AND email = 'two@audit.example';
:new_events

------------------------------------------------------------------------------
-- vendor_created + linked: upgrade_customer_to_vendor
------------------------------------------------------------------------------
:mark_events
SELECT upgrade_customer_to_vendor((SELECT id FROM customer WHERE tenant_id = 'audit_t1' AND user_id = 'user_one'),
                                  'One Shop') IS NOT NULL AS upgraded;
:new_events

------------------------------------------------------------------------------
-- conflict: recorded in 'return' mode (both customers, the identifier, the message);
-- in 'raise' mode the error leaves no event
------------------------------------------------------------------------------
:mark_events
SELECT * FROM resolve_customer_identity(tenant_id => 'audit_t1', external_customer_id => 'cus_one',
                                        email => 'two@audit.example', on_conflict => 'return');
:new_events
:mark_events
SELECT * FROM resolve_customer_identity(tenant_id => 'audit_t1', external_customer_id => 'cus_one',
                                        phone => '+15550109999', on_conflict => 'return');
:new_events
SELECT regress.save_state();
SELECT * FROM resolve_customer_identity(tenant_id => 'audit_t1', external_customer_id => 'cus_one',
                                        email => 'two@audit.example');
:sqlstate
SELECT regress.unchanged();

------------------------------------------------------------------------------
-- Pure hits and no-ops record nothing
------------------------------------------------------------------------------
SELECT regress.save_state();
SELECT count(*) AS events_before FROM identity_event WHERE tenant_id = 'audit_t1';
-- found by each identifier, nothing new given (One's email is now also its vendor's: vendor_email)
SELECT method, created FROM resolve_customer_identity(tenant_id => 'audit_t1', external_customer_id => 'cus_one');
SELECT method, created FROM resolve_customer_identity(tenant_id => 'audit_t1', user_id => 'user_one');
SELECT method, created FROM resolve_customer_identity(tenant_id => 'audit_t1', email => 'one@audit.example');
SELECT method, created FROM resolve_customer_identity(tenant_id => 'audit_t1', email => 'shop@audit.example');
SELECT method, created FROM resolve_customer_identity(tenant_id => 'audit_t1', phone => '+15550101111');
SELECT method, created FROM resolve_customer_identity(tenant_id => 'audit_t1',
    customer_ref => (SELECT id FROM customer WHERE tenant_id = 'audit_t1' AND user_id = 'user_one'));
-- all identifiers at once, all agreeing, and a name when the customer has one
SELECT method, created FROM resolve_customer_identity(tenant_id => 'audit_t1', external_customer_id => 'cus_one',
    user_id => 'user_one', email => 'ONE@audit.example', phone => ' +1 555 010 1111', name => 'Another name',
    customer_ref => (SELECT id FROM customer WHERE tenant_id = 'audit_t1' AND user_id = 'user_one'));
-- nothing matches and create_missing is false
SELECT method, created FROM resolve_customer_identity(tenant_id => 'audit_t1', email => 'nobody@audit.example',
                                                      create_missing => false);
-- linking an already linked pair
SELECT link_vendor_to_customer((SELECT id FROM vendor WHERE tenant_id = 'audit_t1' AND name = 'Two Shop'),
                               (SELECT id FROM customer WHERE tenant_id = 'audit_t1' AND email = 'two@audit.example'));
SELECT regress.unchanged();
-- unlinking an unlinked vendor
INSERT INTO vendor (tenant_id, name) VALUES ('audit_t1', 'Lonely Shop') RETURNING id AS lonely \gset
SELECT regress.save_state();
SELECT unlink_vendor_from_customer(:lonely);
SELECT regress.unchanged();
SELECT count(*) AS events_after FROM identity_event WHERE tenant_id = 'audit_t1';

-- the whole trail of the tenant
SELECT * FROM regress.events('audit_t1');
