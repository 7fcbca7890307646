-- customer_identity 0.9.0 -> 0.10.0: the third hostile-application review (README
-- "Security").  A fresh install of 0.10.0 runs this script too (CMakeLists.txt).
\echo Use "ALTER EXTENSION customer_identity UPDATE TO '0.10.0'" to load this file. \quit

------------------------------------------------------------------------------
-- Bounded locks across tenants and paths
------------------------------------------------------------------------------

------------------------------------------------------------------------------
-- Erasure: every value a person ever had; bounded metadata
------------------------------------------------------------------------------

------------------------------------------------------------------------------
-- Clientele, redemption, unmerge and audit rows the application cannot forge
------------------------------------------------------------------------------

------------------------------------------------------------------------------
-- Import, table locks, claims
------------------------------------------------------------------------------
