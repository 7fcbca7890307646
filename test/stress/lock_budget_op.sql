-- one soak transaction; what it does and which errors it may end with: stress.lock_budget_op() in setup.sql
SELECT stress.lock_budget_op();
