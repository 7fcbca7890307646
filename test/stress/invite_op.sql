-- one soak transaction; what it does and which errors it may end with: stress.invite_op() in setup.sql
SELECT stress.invite_op();
