-- Cases the soak test (test/stress) found, kept as regressions.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(13000);

-- 1. An email that only a merged-away customer held, and that an unlinked vendor has as
--    contact email: resolve finds the canonical customer through the alias and does not
--    try to link the vendor to it (the link needs the same email on both sides: CI007).
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('soak_t1', 'Shop', 'shop@soak.example')
RETURNING id AS shop_vendor \gset
SELECT customer_id AS shop_customer, method, created
  FROM resolve_customer_identity(tenant_id => 'soak_t1', email => 'shop@soak.example') \gset
SELECT unlink_vendor_from_customer(:shop_vendor);
INSERT INTO customer (tenant_id, name, email) VALUES ('soak_t1', 'B', 'b@soak.example')
RETURNING id AS other \gset
SELECT merge_customers(:other, :shop_customer);
SELECT customer_id = :other AS canonical, vendor_id, method, created
  FROM resolve_customer_identity(tenant_id => 'soak_t1', email => 'shop@soak.example');
SELECT customer_id FROM vendor WHERE id = :shop_vendor;

-- 2. Unmerge keeps role vendor on the canonical customer while another vendor is linked to
--    it (linked after the merge).
INSERT INTO customer (tenant_id, name) VALUES ('soak_t2', 'A') RETURNING id AS a \gset
INSERT INTO customer (tenant_id, name) VALUES ('soak_t2', 'D') RETURNING id AS d \gset
INSERT INTO vendor (tenant_id, name) VALUES ('soak_t2', 'V1') RETURNING id AS v1 \gset
INSERT INTO vendor (tenant_id, name) VALUES ('soak_t2', 'V2') RETURNING id AS v2 \gset
SELECT link_vendor_to_customer(:v1, :d);
SELECT merge_customers(:a, :d);
SELECT unlink_vendor_from_customer(:v1);
SELECT link_vendor_to_customer(:v2, :a);
SELECT unmerge_customer(:d);
SELECT id = :a AS is_a, roles, archived_at IS NOT NULL AS archived FROM customer
 WHERE id IN (:a, :d) ORDER BY id;
SELECT id = :v2 AS is_v2, customer_id = :a AS linked_to_a FROM vendor WHERE id IN (:v1, :v2) ORDER BY id;
