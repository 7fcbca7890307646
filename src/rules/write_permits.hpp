// Backend-local write permits: the writes only one path of the extension may make.
//
// A merge writes merged_into and archived_at, an unmerge restores rows as they were (their
// updated_at included), an erasure rewrites audit payloads, reconcile re-derives identifiers.  The path holds its permit for
// the statements it runs (FlagScope); the trigger that guards the table asks for it here.
// The permits live with the rules that check them, so the triggers need not know the
// operations that hold them.
#pragma once

namespace ci::write_permits {

// Held while merge_customers archives the duplicate and fills the canonical customer.
bool &merging();

// Held while unmerge_customer writes rows back as they were.
bool &restoring();

// Held while erase_customer rewrites audit payloads (the one UPDATE identity_event allows).
bool &erasing();

// Held while reconcile and block_identifier rewrite a raw column with itself to derive its
// normalized one again: under rules changed since the row was derived, the trigger otherwise
// keeps the row's derived values until one of its raw identifiers changes.
bool &rederiving();

// True while merge or unmerge writes merged_into / archived_at: the only writers of
// merged_into (the customer trigger refuses any other with CI006).
inline bool merge_writing() { return merging() || restoring(); }

}  // namespace ci::write_permits
