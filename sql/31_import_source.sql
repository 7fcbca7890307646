-- import_customers runs nobody's code (hostile application III, finding 11).  A role the
-- owner allowed to import (here regress_ci_importer) imports a staging table that the
-- application role made.  A query over that table would run the application's code with
-- the importer's rights: its row security policies, an index's expressions or partial
-- predicate (folded by the planner), a CHECK constraint (constraint exclusion).  The source
-- is now read by a heap scan: policies that apply are refused (42501), and everything else
-- of the table's is never evaluated.  Each function below raises if it ever runs as the
-- importer, so a pass means it did not run.
SET search_path = customer_identity;
\set sqlstate '\\echo SQLSTATE :LAST_ERROR_SQLSTATE'
SELECT regress.start_ids(31000);

CREATE ROLE regress_ci_import_app NOLOGIN;
SELECT grant_application_role('regress_ci_import_app');
CREATE ROLE regress_ci_importer NOLOGIN;
GRANT USAGE ON SCHEMA customer_identity TO regress_ci_importer;
GRANT EXECUTE ON FUNCTION import_customers(regclass, text, boolean) TO regress_ci_importer;
CREATE SCHEMA staging AUTHORIZATION regress_ci_import_app;
GRANT USAGE ON SCHEMA staging TO regress_ci_importer;
GRANT USAGE ON SCHEMA regress TO regress_ci_importer;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regress TO regress_ci_importer;
GRANT SELECT, INSERT, DELETE ON ALL TABLES IN SCHEMA regress TO regress_ci_importer;

SET ROLE regress_ci_import_app;
-- the application's trap: raises when it runs as anyone but the application
CREATE FUNCTION staging.trap(x int) RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF current_user <> 'regress_ci_import_app' THEN
        RAISE EXCEPTION 'the application''s code ran as %', current_user;
    END IF;
    RETURN x;
END $$;
CREATE FUNCTION staging.trap_bool() RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF current_user <> 'regress_ci_import_app' THEN
        RAISE EXCEPTION 'the application''s policy ran as %', current_user;
    END IF;
    RETURN true;
END $$;
-- a table with an expression index, a partial index and a CHECK on the trap
CREATE TABLE staging.indexed (id int PRIMARY KEY, email text, name text,
                              CHECK (staging.trap(id) > 0));
CREATE INDEX ON staging.indexed ((staging.trap(1) + id));
CREATE INDEX ON staging.indexed (email) WHERE staging.trap(1) = 1;
INSERT INTO staging.indexed VALUES (2, 'second@import-source.example', 'Second'),
                                   (1, 'first@import-source.example', 'First');
-- a table whose row security policy calls the trap
CREATE TABLE staging.policed (id int, email text);
INSERT INTO staging.policed VALUES (1, 'policed@import-source.example');
ALTER TABLE staging.policed ENABLE ROW LEVEL SECURITY;
CREATE POLICY anyone ON staging.policed FOR SELECT USING (staging.trap_bool());
GRANT SELECT ON staging.indexed, staging.policed TO regress_ci_importer;
RESET ROLE;

SET ROLE regress_ci_importer;
SET constraint_exclusion = on;  -- (the planner would fold the CHECK's trap(1) here)
-- what any query over the table does as the importer: the traps run (the planner folds
-- the index expression's and the CHECK's trap(1); the policy runs for every row)
SELECT count(*) FROM staging.indexed WHERE id > 0;
SELECT count(*) FROM staging.policed;
-- the indexed table: read without evaluating its indexes or CHECK, in id order
SELECT source_row, action, reason FROM import_customers('staging.indexed', 'import_source');
-- the policed table: refused before anything is read (42501), nothing written
SELECT regress.save_state();
SELECT * FROM import_customers('staging.policed', 'import_source', false);
:sqlstate
SELECT regress.unchanged();
RESET ROLE;
-- the owner of the source table (RLS does not apply to it unless forced) may import it
SET ROLE regress_ci_import_app;
SELECT has_function_privilege('customer_identity.import_customers(regclass, text, boolean)', 'EXECUTE') AS app_may_import;
RESET ROLE;
-- a superuser bypasses row security (forced or not): the owner's own import reads it
ALTER TABLE staging.policed FORCE ROW LEVEL SECURITY;
SELECT source_row, action FROM import_customers('staging.policed', 'import_source');

-- text conversions as a query's ::text made them: char(n) loses its padding, a boolean or
-- a number its own form; metadata as jsonb (json, text), an id of any ordered type
CREATE TABLE staging.typed (id numeric, external_customer_id char(12), user_id int8,
                            email varchar(80), name text, metadata json);
INSERT INTO staging.typed VALUES (10.5, 'cus_pad', 77, 'typed@import-source.example', 'Typed', '{"b": 1,  "a": [true]}'),
                                 (NULL, 'cus_nullid', NULL, NULL, NULL, NULL),
                                 (2, NULL, 78, NULL, 'Two', '{"n": 2}');
SELECT source_row, action, customer_id IS NOT NULL AS has_customer, reason
  FROM import_customers('staging.typed', 'import_source_typed', false);
SELECT external_customer_id, user_id, email, name, metadata FROM customer
 WHERE tenant_id = 'import_source_typed' ORDER BY id;
-- a metadata column of a type with no cast to jsonb: the cast's error, as before
CREATE TABLE staging.badmeta (email text, metadata int);
INSERT INTO staging.badmeta VALUES ('bad@import-source.example', 1);
SELECT * FROM import_customers('staging.badmeta', 'import_source');
:sqlstate

DROP SCHEMA staging CASCADE;
DROP OWNED BY regress_ci_import_app;
DROP OWNED BY regress_ci_importer;
DROP ROLE regress_ci_import_app, regress_ci_importer;
