\set k random(1, :n)
SELECT id FROM customer_identity.customer WHERE tenant_id = 'default' AND phone_normalized = bench.phone_of(:k) AND archived_at IS NULL;
