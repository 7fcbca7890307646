-- One claim however its email or phone is spelled (hostile application III, also noticed):
-- before 0.10.0 a claim's key was its proposal as given, so 'Ann@Example.test' and
-- ' ann@example.test ' opened two claims for one identity, and a caller could fill the
-- review queue with spellings of one value.  A claim's identity is now its identifiers as
-- normalized (identity_claim.claim_key).  As the application role, under `verified`.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(32000);
SELECT set_trust_policy('verified', 'spellings');
CREATE ROLE regress_ci_spelling_app NOLOGIN;
SELECT grant_application_role('regress_ci_spelling_app');
INSERT INTO customer (tenant_id, name, email, phone) VALUES ('spellings', 'Ann', 'ann@spellings.test', '+1 555 0320 001')
RETURNING id AS ann \gset

SET ROLE regress_ci_spelling_app;
-- four spellings of her email with one new login: one claim, opened once
SELECT method, claim_id AS email_claim FROM resolve_customer_identity(tenant_id => 'spellings',
    email => 'ann@spellings.test', user_id => 'ann-new-login') \gset
SELECT method, claim_id = :email_claim AS same_claim FROM resolve_customer_identity(tenant_id => 'spellings',
    email => 'ANN@Spellings.TEST', user_id => 'ann-new-login');
SELECT method, claim_id = :email_claim AS same_claim FROM resolve_customer_identity(tenant_id => 'spellings',
    email => '  Ann@spellings.test ', user_id => 'ann-new-login');
-- two spellings of her phone: one claim (another than the email's)
SELECT method, claim_id AS phone_claim FROM resolve_customer_identity(tenant_id => 'spellings',
    phone => '+1 (555) 0320-001', user_id => 'ann-phone-login') \gset
SELECT method, claim_id = :phone_claim AS same_claim, claim_id = :email_claim AS email_claim
  FROM resolve_customer_identity(tenant_id => 'spellings', phone => '+1-555-0320-001', user_id => 'ann-phone-login');
-- what differs beyond spelling is another claim: another login, a name
SELECT claim_id <> :email_claim AS another_claim FROM resolve_customer_identity(tenant_id => 'spellings',
    email => 'ann@spellings.test', user_id => 'someone-else');
SELECT claim_id <> :email_claim AS another_claim FROM resolve_customer_identity(tenant_id => 'spellings',
    email => 'ann@spellings.test', user_id => 'ann-new-login', name => 'Ann S');
RESET ROLE;
-- the queue: four open claims, each opened once (claim_opened events), the first spelling kept
SELECT id = :email_claim AS email_claim, id = :phone_claim AS phone_claim, value, proposal->>'email' AS email,
       proposal->>'phone' AS phone, proposal->>'user_id' AS user_id, claim_key IS NOT NULL AS keyed
  FROM identity_claim WHERE tenant_id = 'spellings' AND status = 'open' ORDER BY id;
SELECT count(*) AS claims_opened FROM identity_event WHERE tenant_id = 'spellings' AND event_type = 'claim_opened';
-- a decided claim frees its identity: the same call opens a new claim
SELECT reject_claim(:email_claim, 'not her');
SET ROLE regress_ci_spelling_app;
SELECT claim_id <> :email_claim AS new_claim FROM resolve_customer_identity(tenant_id => 'spellings',
    email => 'ANN@spellings.test', user_id => 'ann-new-login');
RESET ROLE;
-- erasing her closes the claims on her and drops their keys (a hash of her email is hers)
SELECT cardinality(erase_customer(:ann)) AS erased;
SELECT status, count(*), count(claim_key) AS keyed FROM identity_claim
 WHERE tenant_id = 'spellings' AND customer_id = :ann GROUP BY status ORDER BY status;

DROP OWNED BY regress_ci_spelling_app;
DROP ROLE regress_ci_spelling_app;
