// One canonicalization of emails and phones per tenant (README "Identifiers"): the rule
// every path -- the row triggers, resolution, claims, blocked values, import, reconcile,
// erasure and check_integrity -- derives a stored or compared identifier with.
//
//   phone  legacy         0.9's normalize_phone(text): digits and a leading '+' (an upgraded
//                         database until the owner opts in)
//          international  a number written with its country code ('+...', 'tel:+...') through
//                         libphonenumber to E.164; a national one keeps the legacy form (the
//                         default of a fresh install)
//          <region>       every spelling libphonenumber reads in that region to E.164
//   email  legacy         0.9's normalize_email(text): ASCII letters lower-cased
//          exact          NFC, full case folding, the domain through UTS #46 (email.hpp)
//          provider       exact, then the mailbox of the providers in email.cpp's table
//
// The rules come from identifier_rules (the tenant's row, else the default row with tenant_id
// NULL, else international + exact), cached per backend and forgotten when the table changes
// (settings_cache.hpp).  Each stored row records which rules and library versions derived its
// normalized columns (identifiers_derived_by, derivation()).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "email.hpp"
#include "normalize.hpp"
#include "phone.hpp"

namespace ci::identifier_rules {

enum class PhoneForm { legacy, international, regional };
enum class EmailForm { legacy, exact, provider };

// The rules in force for one tenant.
struct Rules {
    PhoneForm phone = PhoneForm::international;
    std::string region;  // ISO 3166-1 alpha-2, upper case; empty unless regional
    EmailForm email = EmailForm::exact;

    // What derives values under these rules, with the library versions that do it
    // ("phone US (libphonenumber ...); email exact (ICU ..., libidn2 ...)").
    const std::string &description() const;
    // The 64-bit hash of the description stored with each row; nullopt for legacy + legacy
    // (rows written before 0.10.0 carry NULL, and so do those written under 0.9's rules).
    const std::optional<std::int64_t> &derivation() const;

  private:
    // Both are read on first need: the version of libphonenumber loads the phone library
    // (phone_loader.cpp), which a session that only looks emails up never needs.
    void describe() const;
    mutable bool described_ = false;
    mutable std::string description_;
    mutable std::optional<std::int64_t> derivation_;
};

// The tenant's rules: its own row, else the default row, else the built-in default.  The
// reference lives until the cache is emptied: by any catalog access that processes
// invalidations (a probe, an SPI statement), so copy what is needed past one.
const Rules &rules_of(const std::string &tenant);

// The rule names as SQL spells them: 'legacy', 'international' or the region; 'legacy',
// 'exact' or 'provider'.
std::string phone_rule_name(const Rules &rules);
const char *email_rule_name(EmailForm form);

// The identity of a raw email or phone under the rules, or the reason it is none.  A plainly
// written phone is read from libphonenumber's metadata (plain_phone, about 0.1 microseconds);
// the others are remembered per backend (a small cache of recent parses: libphonenumber's
// parser costs 12-20 microseconds a number).
Normalized email_identity(const Rules &rules, std::string_view raw);
Normalized phone_identity(const Rules &rules, std::string_view raw);

// The same for a value a caller passed or a row carries: NULL stays NULL; a malformed value
// raises 22023 naming `what`; with `limit`, a raw value longer than input.hpp's maximum is
// refused first (without it, a legacy row keeps the value it had).
std::optional<std::string> checked_email(const std::string &tenant,
                                         std::optional<std::string_view> raw,
                                         const char *what = "email", bool limit = true);
std::optional<std::string> checked_phone(const std::string &tenant,
                                         std::optional<std::string_view> raw,
                                         const char *what = "phone", bool limit = true);

// Was a stored value derived under other rules or library versions than these (reconcile
// re-derives it; check_integrity does not call it corruption)?  The row records what derived
// it (derived_by); NULL is 0.9.0's rules when the value is what they derive from the raw one
// (a NULL row holding anything else was written with the rules off: stale).
bool derived_otherwise(const std::optional<std::int64_t> &derived_by, const Rules &rules,
                       const std::optional<std::string> &stored,
                       const std::optional<std::string> &raw, bool email);

// Registers the cache with settings_cache; called from _PG_init.
void init();

}  // namespace ci::identifier_rules
