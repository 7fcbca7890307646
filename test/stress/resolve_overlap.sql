-- one soak transaction; what it does and which errors it may end with: stress.resolve_overlap() in setup.sql
SELECT stress.resolve_overlap();
