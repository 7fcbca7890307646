-- The review queue: an unverified claim under `verified` (tenant queue_v) is listed for the
-- owner, accepted (carried out as verified, the reviewer on record) or rejected; every
-- decision is in identity_event; the application role can make claims but not decide them.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(15000);
SELECT set_trust_policy('verified', 'queue_v');

CREATE ROLE regress_ci_queue_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
SELECT grant_application_role('regress_ci_queue_app');
CREATE ROLE regress_ci_reviewer NOLOGIN NOSUPERUSER NOBYPASSRLS;

INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('queue_v', 'Queue Shop', 'shop@queue.test')
RETURNING id AS shop \gset
INSERT INTO customer (tenant_id, name, email, phone) VALUES ('queue_v', 'Ann', 'ann@queue.test', '+1 555 0150 001')
RETURNING id AS ann \gset

-- Claims, made by the application: a vendor's email from a payment webhook, Ann's email from
-- a checkout with a new login, Ann's phone from a registration form.
SET ROLE regress_ci_queue_app;
SELECT method, claim_id AS vendor_claim FROM resolve_customer_identity(tenant_id => 'queue_v',
    email => 'Shop@Queue.test', external_customer_id => 'cus_shop') \gset
SELECT method, claim_id AS ann_claim FROM resolve_customer_identity(tenant_id => 'queue_v',
    email => 'ann@queue.test', user_id => 'ann-login', name => 'Ann Q') \gset
SELECT method, claim_id AS phone_claim FROM resolve_customer_identity(tenant_id => 'queue_v',
    phone => '+1 (555) 0150-001', user_id => 'phone-login') \gset
SELECT :vendor_claim < :ann_claim AND :ann_claim < :phone_claim AS three_claims;
-- the application can neither list nor decide (42501)
SELECT * FROM list_claims('queue_v');
:sqlstate
SELECT * FROM accept_claim(:ann_claim);
:sqlstate
SELECT reject_claim(:ann_claim);
:sqlstate
SELECT count(*) FROM identity_claim;
:sqlstate
RESET ROLE;

-- The owner's list: who claimed which identifier of which customer or vendor, when, how
SELECT id = :vendor_claim AS vendor_claim, kind, identifier, value, customer_id, vendor_id, proposal, via,
       claimed_by, created_at IS NOT NULL AS dated, status
  FROM list_claims('queue_v');
SELECT count(*) AS all_tenants_open FROM list_claims() WHERE tenant_id = 'queue_v';

-- Accept: the link the webhook proposed, carried out now, the reviewer recorded
GRANT EXECUTE ON FUNCTION accept_claim(bigint, text), reject_claim(bigint, text), list_claims(text, text)
    TO regress_ci_reviewer;
GRANT USAGE ON SCHEMA customer_identity TO regress_ci_reviewer;
SET ROLE regress_ci_reviewer;
SELECT customer_id IS NOT NULL AS has_customer, vendor_id = :shop AS shop, method, created
  FROM accept_claim(:vendor_claim, 'called the shop, it is their Stripe account');
RESET ROLE;
SELECT c.email, c.external_customer_id, c.roles, c.email_verified_at IS NOT NULL AS verified,
       v.id = :shop AS linked
  FROM customer c JOIN vendor v ON v.customer_id = c.id WHERE c.tenant_id = 'queue_v';
SELECT status, decided_by, decided_at IS NOT NULL AS decided, decision_note, result_customer_id IS NOT NULL AS result
  FROM identity_claim WHERE id = :vendor_claim;
-- the same webhook now resolves by the provider's id
SELECT method, created FROM resolve_customer_identity(tenant_id => 'queue_v', email => 'shop@queue.test',
    external_customer_id => 'cus_shop');

-- Accept Ann's claim: her new login is written onto her customer
SELECT customer_id = :ann AS ann, method, created FROM accept_claim(:ann_claim);
SELECT user_id, name, email_verified_at IS NOT NULL AS email_verified FROM customer WHERE id = :ann;

-- Reject the phone claim: nothing carried out
SELECT regress.save_state();
SELECT reject_claim(:phone_claim, 'not the same person');
SELECT regress.unchanged_except_events();
SELECT user_id FROM customer WHERE id = :ann;

-- Decided claims cannot be decided again (55000); unknown ones are CI011; nothing changed
SELECT regress.save_state();
\set VERBOSITY sqlstate
SELECT * FROM accept_claim(:phone_claim);
:sqlstate
SELECT reject_claim(:ann_claim);
:sqlstate
\set VERBOSITY default
SELECT * FROM accept_claim(999999);
:sqlstate
SELECT * FROM accept_claim(NULL);
:sqlstate
SELECT regress.unchanged();
SELECT id = :vendor_claim AS v, id = :ann_claim AS a, status FROM list_claims('queue_v', NULL);
SELECT count(*) AS open_claims FROM list_claims('queue_v');

-- A claim that can no longer be carried out stays open: the owner sees why
SELECT claim_id AS bob_claim FROM resolve_customer_identity(tenant_id => 'queue_v',
    email => 'ann@queue.test', external_customer_id => 'cus_bob') \gset
UPDATE customer SET external_customer_id = 'cus_ann' WHERE id = :ann;
SELECT regress.save_state();
SELECT * FROM accept_claim(:bob_claim);
:sqlstate
SELECT regress.unchanged();
SELECT status FROM identity_claim WHERE id = :bob_claim;
SELECT reject_claim(:bob_claim, 'Ann has her own payment id');

-- A registration claim, as 0.5.0 opened them (an invite upsert that landed on Ann through
-- her email; 0.6.0 opens none: an upsert that inserts nothing enrolls nobody).  One still
-- open after the update can be accepted.
SELECT create_invite_token(:shop) AS invite \gset
SELECT regress.save_state();
INSERT INTO customer (tenant_id, email, metadata)
VALUES ('queue_v', 'ANN@queue.test', jsonb_build_object('invite_token', :'invite'))
ON CONFLICT DO NOTHING;
-- (a token nobody can redeem, in an upsert that inserts nothing: nothing is redeemed, so
-- nothing fails either)
INSERT INTO customer (tenant_id, email, metadata)
VALUES ('queue_v', 'ann@queue.test', jsonb_build_object('invite_token', 'cit_' || repeat('A', 43)))
ON CONFLICT DO NOTHING;
SELECT regress.unchanged();
INSERT INTO identity_claim (tenant_id, kind, identifier, value, customer_id, vendor_id, proposal, via)
SELECT 'queue_v', 'registration', 'email', 'ann@queue.test', :ann, :shop,
       jsonb_build_object('invite_id', i.id, 'customer_id', :ann), 'registration'
  FROM invite_token i WHERE i.vendor_id = :shop
RETURNING id AS reg_claim \gset
SELECT count(*) AS ann_in_clientele FROM vendor_customer WHERE customer_id = :ann;
SELECT vendor_id = :shop AS shop, customer_id = :ann AS ann, method, created FROM accept_claim(:reg_claim);
SELECT source, invite_id IS NOT NULL AS via_invite FROM vendor_customer WHERE customer_id = :ann;
SELECT use_count FROM invite_token WHERE vendor_id = :shop;

-- The audit trail: each claim opened, each decision
SELECT event_type, method, detail - 'claim_id' AS detail, actor
  FROM identity_event WHERE tenant_id = 'queue_v' AND event_type LIKE 'claim_%' ORDER BY id;

DROP OWNED BY regress_ci_queue_app, regress_ci_reviewer;
DROP ROLE regress_ci_queue_app, regress_ci_reviewer;
