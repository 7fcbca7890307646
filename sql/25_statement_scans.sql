-- A resolution keeps its index scans open for the whole statement that calls it and
-- rescans them per call (src/pg/statement_scans.cpp).  However a statement ends, nothing
-- stays open and nothing is wrong: an error in the middle of a batch, one caught in a
-- PL/pgSQL block, a statement timeout, cursors that end at commit, are held past it,
-- fail inside a savepoint or roll back to one.  A relation or buffer left open would
-- show as a WARNING at commit.  As the application role.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(25000);
CREATE ROLE regress_ci_scans_app NOLOGIN;
SELECT grant_application_role('regress_ci_scans_app');
GRANT USAGE ON SCHEMA regress TO regress_ci_scans_app;
GRANT SELECT, INSERT, DELETE ON ALL TABLES IN SCHEMA regress TO regress_ci_scans_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_scans_app;
SET ROLE regress_ci_scans_app;

INSERT INTO customer (tenant_id, name, external_customer_id, email, user_id)
SELECT 'scans', 'Customer ' || g, 'cus_' || g, 'c' || g || '@scans.example', 'u' || g
  FROM generate_series(1, 50) g;
INSERT INTO vendor (tenant_id, name, primary_contact_email) VALUES ('scans', 'Shop', 'shop@scans.example');

-- a batch of hits by each identifier: every row finds its own customer
SELECT count(*) AS calls,
       count(*) FILTER (WHERE r.customer_id = c.id AND r.method = 'external_customer_id') AS by_external_id
  FROM generate_series(1, 50) g
  JOIN customer c ON c.tenant_id = 'scans' AND c.name = 'Customer ' || g,
       LATERAL resolve_customer_identity(tenant_id => 'scans', external_customer_id => 'cus_' || g) r;
SELECT count(*) FILTER (WHERE r.customer_id = c.id AND r.method = 'user_id') AS by_user_id
  FROM generate_series(1, 50) g
  JOIN customer c ON c.tenant_id = 'scans' AND c.name = 'Customer ' || g,
       LATERAL resolve_customer_identity(tenant_id => 'scans', user_id => 'u' || g) r;
SELECT count(*) FILTER (WHERE r.customer_id = c.id AND r.method = 'customer_email') AS by_email
  FROM generate_series(1, 50) g
  JOIN customer c ON c.tenant_id = 'scans' AND c.name = 'Customer ' || g,
       LATERAL resolve_customer_identity(tenant_id => 'scans', email => 'C' || g || '@Scans.example') r;

-- hits, creations, enrichments and a vendor's own customer in one statement: the
-- creations' triggers probe through the same scans between the hits
SELECT r.method, r.created, count(*)
  FROM generate_series(40, 61) g,
       LATERAL resolve_customer_identity(tenant_id => 'scans',
           external_customer_id => CASE WHEN g <= 60 THEN 'cus_' || g END,
           email => CASE WHEN g <= 60 THEN 'c' || g || '@scans.example' ELSE 'shop@scans.example' END,
           phone => CASE WHEN g BETWEEN 45 AND 50 THEN '+1 555 0100 0' || g END) r
 GROUP BY 1, 2 ORDER BY 1, 2;
SELECT count(*) AS customers, count(phone) AS with_phone FROM customer WHERE tenant_id = 'scans';

-- an identity conflict on the last row ends the statement (CI001): nothing it created stays
SELECT regress.save_state();
SELECT count(*) FROM generate_series(70, 90) g,
       LATERAL resolve_customer_identity(tenant_id => 'scans', external_customer_id => 'cus_' || g,
           email => CASE WHEN g = 90 THEN 'c1@scans.example' END) r;
:sqlstate
SELECT regress.unchanged();
-- and the next statement of the session resolves as before
SELECT count(*) FILTER (WHERE r.method = 'user_id') AS hits
  FROM generate_series(1, 50) g, LATERAL resolve_customer_identity(tenant_id => 'scans', user_id => 'u' || g) r;

-- the same error caught in a PL/pgSQL block, then another batch in the same transaction
DO $$
DECLARE
    n int;
BEGIN
    BEGIN
        SELECT count(*) INTO n FROM generate_series(70, 90) g,
               LATERAL customer_identity.resolve_customer_identity(tenant_id => 'scans',
                   external_customer_id => 'cus_' || g,
                   email => CASE WHEN g = 90 THEN 'c1@scans.example' END) r;
    EXCEPTION WHEN SQLSTATE 'CI001' THEN
        RAISE NOTICE 'caught %', SQLSTATE;
    END;
    SELECT count(*) INTO n FROM generate_series(1, 50) g,
           LATERAL customer_identity.resolve_customer_identity(tenant_id => 'scans', user_id => 'u' || g) r;
    RAISE NOTICE 'then % hits', n;
END $$;
SELECT regress.unchanged();

-- a statement timeout the caller sets cancels a batch somewhere in its probes (57014)
SET statement_timeout = '20ms';
SELECT count(*) FROM generate_series(1, 10000000) g,
       LATERAL resolve_customer_identity(tenant_id => 'scans', external_customer_id => 'cus_' || (g % 50 + 1)) r;
:sqlstate
RESET statement_timeout;
SELECT regress.unchanged();

-- a cursor left open ends at commit; one fetched inside a savepoint that rolls back goes on
BEGIN;
DECLARE hits CURSOR FOR
SELECT g, r.customer_id = (SELECT c.id FROM customer c WHERE c.tenant_id = 'scans' AND c.user_id = 'u' || g)
           AS right_customer
  FROM generate_series(1, 50) g,
       LATERAL resolve_customer_identity(tenant_id => 'scans', external_customer_id => 'cus_' || g) r;
FETCH 2 FROM hits;
SAVEPOINT inside;
FETCH 2 FROM hits;
SELECT count(*) AS hits_in_savepoint FROM generate_series(1, 50) g,
       LATERAL resolve_customer_identity(tenant_id => 'scans', user_id => 'u' || g) r;
ROLLBACK TO SAVEPOINT inside;
FETCH 2 FROM hits;
COMMIT;

-- first fetched inside a savepoint that rolls back: the scans opened there stay the cursor's
BEGIN;
DECLARE late CURSOR FOR
SELECT g, r.method FROM generate_series(1, 50) g,
       LATERAL resolve_customer_identity(tenant_id => 'scans', user_id => 'u' || g) r;
SAVEPOINT first_fetch;
FETCH 2 FROM late;
ROLLBACK TO SAVEPOINT first_fetch;
FETCH 2 FROM late;
COMMIT;

-- a cursor that fails inside a savepoint (division by zero on its third row), then closes
BEGIN;
DECLARE failing CURSOR FOR
SELECT g, 1 / (3 - g) AS boom, r.method FROM generate_series(1, 50) g,
       LATERAL resolve_customer_identity(tenant_id => 'scans', user_id => 'u' || g) r;
SAVEPOINT before_failure;
FETCH 5 FROM failing;
:sqlstate
ROLLBACK TO SAVEPOINT before_failure;
CLOSE failing;
SELECT count(*) AS hits_after FROM generate_series(1, 50) g,
       LATERAL resolve_customer_identity(tenant_id => 'scans', email => 'c' || g || '@scans.example') r;
COMMIT;

-- a cursor held past its transaction keeps resolving after the commit
BEGIN;
DECLARE held CURSOR WITH HOLD FOR
SELECT g, r.method FROM generate_series(1, 4) g,
       LATERAL resolve_customer_identity(tenant_id => 'scans', external_customer_id => 'cus_' || g) r
 ORDER BY g;
FETCH 2 FROM held;
COMMIT;
FETCH 2 FROM held;
CLOSE held;
SELECT regress.unchanged();
RESET ROLE;
SELECT * FROM check_integrity('scans');

DROP OWNED BY regress_ci_scans_app;
DROP ROLE regress_ci_scans_app;
