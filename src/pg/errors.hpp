// Every SQLSTATE the extension raises, in one table (README "Errors" mirrors it).
#pragma once

extern "C" {
#include "postgres.h"

#include "utils/elog.h"
}

namespace ci::sqlstate {

constexpr int identity_conflict = MAKE_SQLSTATE('C', 'I', '0', '0', '1');  // CI001
constexpr int unknown_invite = MAKE_SQLSTATE('C', 'I', '0', '0', '2');     // CI002
constexpr int invite_expired = MAKE_SQLSTATE('C', 'I', '0', '0', '3');     // CI003
constexpr int invite_revoked = MAKE_SQLSTATE('C', 'I', '0', '0', '4');     // CI004
constexpr int invite_exhausted = MAKE_SQLSTATE('C', 'I', '0', '0', '5');   // CI005
constexpr int manual_link_write = MAKE_SQLSTATE('C', 'I', '0', '0', '6');  // CI006
constexpr int vendor_role_rule = MAKE_SQLSTATE('C', 'I', '0', '0', '7');   // CI007
constexpr int tenant_mismatch = MAKE_SQLSTATE('C', 'I', '0', '0', '8');    // CI008
constexpr int already_linked = MAKE_SQLSTATE('C', 'I', '0', '0', '9');     // CI009
constexpr int customer_archived = MAKE_SQLSTATE('C', 'I', '0', '1', '0');  // CI010
constexpr int unknown_id = MAKE_SQLSTATE('C', 'I', '0', '1', '1');         // CI011
constexpr int malformed_input = ERRCODE_INVALID_PARAMETER_VALUE;           // 22023
constexpr int null_argument = ERRCODE_NULL_VALUE_NOT_ALLOWED;              // 22004
constexpr int duplicate_identifier = ERRCODE_UNIQUE_VIOLATION;             // 23505
constexpr int append_only = ERRCODE_INSUFFICIENT_PRIVILEGE;                // 42501
constexpr int insufficient_privilege = ERRCODE_INSUFFICIENT_PRIVILEGE;     // 42501
constexpr int serialization_failure = ERRCODE_T_R_SERIALIZATION_FAILURE;   // 40001
constexpr int too_many = ERRCODE_PROGRAM_LIMIT_EXCEEDED;                    // 54000

}  // namespace ci::sqlstate
