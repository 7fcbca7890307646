// Email addresses canonicalized as the world writes them (issue 28): the local part through
// Unicode NFC and full case folding (ICU), the domain through IDNA / UTS #46 (libidn2) to
// ASCII, and, where asked, a mail provider's mailbox.  Pure C++, no PostgreSQL headers.
#pragma once

#include "normalize.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ci {

// How much of an address is its identity.
//   exact:    the address itself, canonicalized (case, Unicode form, domain spelling).
//   provider: for the providers in email.cpp's table, the mailbox the address delivers to
//             (sub-address "+tag" dropped; Gmail's dots dropped, googlemail.com is gmail.com).
enum class EmailMode { exact, provider };

// The canonical form of an email address, or the reason it is not one.
//
// The shape rules and their reasons are normalize_email's (check_email_shape).  Then:
//   local part: NFC(full_case_fold(NFD(x))), the canonical caseless form of Unicode chapter 3
//     (D145) kept composed: canonically equivalent spellings (NFC, NFD, marks in any order)
//     and every case of a letter give one value; full folding, so "Straße" is "strasse".
//   domain: NFC (ICU), then UTS #46 non-transitional processing (libidn2) to ASCII A-labels
//     (NFC first: UTS #46 alone does not give canonically equivalent domains one form), "bücher.de"
//     and "XN--BCHER-KVA.de" both "xn--bcher-kva.de", full-width letters and dots mapped, one
//     trailing dot (the DNS root) removed.  The stored domain is therefore always ASCII.  The
//     domain is not put through the local part's full folding: "straße.de" and "strasse.de"
//     are two registered domains, and non-transitional UTS #46 keeps them apart.  A domain
//     libidn2 rejects (bad A-label, leading or trailing hyphen, label over 63 bytes, ...) is an
//     error whose reason is libidn2's.
// The results depend on the Unicode data of ICU and libidn2: email_library_version() names
// the versions that derived them.
Normalized canonical_email(std::string_view raw, EmailMode mode);

// canonical_email without its fast path for ASCII input: every address through ICU and
// libidn2.  The reference the fast path is tested against (test/unit/email_test.cpp).
Normalized canonical_email_through_libraries(std::string_view raw, EmailMode mode);

// The identities of an address under every rule a tenant may have (0.9.0's
// normalize_email, exact, provider), those it has: erasure's search keys are the same
// whatever a tenant's rules are (event_search.hpp).
std::vector<std::string> email_identities_under_every_rule(std::string_view raw);

// "ICU <version>, libidn2 <version>", as the libraries report themselves at run time.
std::string email_library_version();

}  // namespace ci
