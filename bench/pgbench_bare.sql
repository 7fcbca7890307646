\set k random(1, :n)
SELECT id FROM customer_identity.customer WHERE tenant_id = 'default' AND external_customer_id = 'cus_' || :k AND archived_at IS NULL;
