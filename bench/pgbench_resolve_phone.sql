\set k random(1, :n)
SELECT * FROM customer_identity.resolve_customer_identity(phone => bench.typed_phone_of(:k));
