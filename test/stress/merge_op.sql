-- one soak transaction; what it does and which errors it may end with: stress.merge_op() in setup.sql
SELECT stress.merge_op();
