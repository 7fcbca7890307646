\set k random(1, :n)
SELECT * FROM customer_identity.resolve_customer_identity(external_customer_id => 'cus_' || :k);
