\set k random(1, :n)
SELECT id AS customer_id, NULL::bigint AS vendor_id, 'external_customer_id'::text AS method, false AS created, NULL::bigint AS claim_id FROM customer_identity.customer WHERE tenant_id = 'default' AND external_customer_id = 'cus_' || :k AND archived_at IS NULL;
