-- The soak's starting data, written as the database owner through the extension's rules:
-- 4 tenants (st1..st4), stress.size() customers each, 100 vendors each (40 linked to their
-- customer, 30 without contact email, 30 with an email no customer has yet), 3 invite
-- tokens per vendor, and some clientele redeemed through them.
SET client_min_messages = warning;
SET search_path = customer_identity, public;

-- customers: tenants interleaved, so that random ids spread over every tenant
INSERT INTO customer (tenant_id, name, email, phone, external_customer_id, user_id)
SELECT stress.tenant(t), 'Customer ' || i,
       CASE WHEN i % 10 <> 0 THEN 'c' || i || '@' || stress.tenant(t) || '.example' END,
       CASE WHEN i % 3 = 0 THEN '+1 555 ' || lpad(i::text, 7, '0') END,
       CASE WHEN i % 2 = 0 THEN 'cus_' || i END,
       CASE WHEN i % 4 <> 3 THEN 'u_' || i END
  FROM generate_series(1, stress.size()) i, generate_series(1, 4) t
 ORDER BY i, t;

INSERT INTO vendor (tenant_id, name, primary_contact_email, metadata)
SELECT stress.tenant(t), 'Vendor ' || i,
       CASE WHEN i <= 40 THEN 'c' || i || '@' || stress.tenant(t) || '.example'
            WHEN i > 70 THEN 'shop' || i || '@' || stress.tenant(t) || '.example' END,
       jsonb_build_object('i', i)
  FROM generate_series(1, 100) i, generate_series(1, 4) t
 ORDER BY i, t;

SELECT link_vendor_to_customer(v.id, c.id)
  FROM vendor v JOIN customer c ON c.tenant_id = v.tenant_id AND c.name = 'Customer ' || (v.metadata->>'i')
 WHERE (v.metadata->>'i')::int <= 40;

-- tokens: first one unlimited per vendor (ids 1..400), then 3 uses, then expiring at once
SELECT stress.keep_token(v.tenant_id, v.id, create_invite_token(v.id, interval '7 days', NULL)) FROM vendor v;
SELECT stress.keep_token(v.tenant_id, v.id, create_invite_token(v.id, interval '7 days', 3)) FROM vendor v;
SELECT stress.keep_token(v.tenant_id, v.id, create_invite_token(v.id, interval '1 second', 3)) FROM vendor v;

-- clientele: the unlimited token of each vendor, redeemed by 5 customers of its tenant
SELECT count(*) FROM stress.token k, generate_series(1, 5) n,
       LATERAL redeem_invite_token(k.token, stress.pick_customer(k.tenant_id)) r
 WHERE k.id <= (SELECT count(*) FROM vendor);

ANALYZE;
