// A phone number's identity through Google's libphonenumber (pure C++, no PostgreSQL
// headers): the E.164 form of what a person wrote, however they wrote it, in the region
// the number is expected from (README "Identifiers").
//
// libphonenumber keeps one process-wide PhoneNumberUtil (a leaky singleton, safe to share
// between threads).  Its first use in a process loads the compiled-in metadata of every
// region and costs about 10 ms; every later call reuses it.  Nothing here throws but
// std::bad_alloc, and the library's logger is a NullLogger: nothing reaches the server's
// stdout or stderr.
//
// In the server the library is not linked into customer_identity.so, which every session of an
// application role preloads: phone.cpp is built into customer_identity_phone.so, and
// phone_loader.cpp implements these functions by calling into it, loading it on a backend's
// first use (phone_api.hpp).  phone_endings needs only ICU and stays in the main module
// (phone_endings.cpp).  The unit tests link phone.cpp directly.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ci {

// Outcome of canonicalizing one phone: ok with the identity (and the extension, if one was
// written: not part of the identity), or not ok with a short human-readable reason.
struct PhoneIdentity {
    bool ok = false;
    // E.164 ("+442079460000"); for a national number without a region, normalize_phone's form.
    std::string value;
    // The extension's digits as written ("123" of "x123"), empty when there is none.
    std::string extension;
    // True when libphonenumber derived the value (false: normalize_phone's legacy form).
    bool parsed = false;
    std::string error;
};

// The identity of a phone written in a region (ISO 3166-1 alpha-2, any case).  With a
// region, every spelling libphonenumber reads (national, international, E.164, tel: URIs,
// the region's international prefix, a "(0)" trunk prefix after the country code,
// extensions) gives the E.164 form, if the number is possible there (its length: not
// "valid", which changes with every metadata release).  A number dialled with "00" where
// the region's own international prefix is another is read after the "00" when only that
// reading is a valid number (phone.cpp, dialled_with_00).  Without a region (empty), a number
// written with its country code ("+...", "tel:...") is parsed the same way, and any other
// keeps normalize_phone's form exactly.  Letters are refused but as an extension's marker.
PhoneIdentity canonical_phone(std::string_view raw, std::string_view region);

// The digits of a phone as written, for each reading of where its number ends: all of
// them; those before an extension's mark (a letter: "x", "ext.", "доб"; '#', '~', ',', ';'
// and their full-width forms); and, for "... - 12#" (libphonenumber reads a group of up to
// five digits closed by '#' as an extension), those before that group.  Whatever the rules
// (a region, none, 0.9's digits), the identity of any spelling of a number ends with the
// last digits of one of them: a region changes how a number starts, never how it ends
// (erasure's search keys, event_search.hpp).  Digits of any script count, as libphonenumber
// reads them; a "tel:" scheme is skipped; not UTF-8: none.
std::vector<std::string> phone_endings(std::string_view raw);

// canonical_phone's value for a plainly written phone (ASCII digits, spaces, '-', '.', '(',
// ')' and at most a leading '+') that is a possible number, read from libphonenumber's
// compiled-in metadata without its parser (about 0.1 us against 12-20); nullopt when the
// spelling, the region's prefixes or the result need the parser -- canonical_phone then
// decides, and gives the same value either way.
std::optional<std::string> plain_phone(std::string_view raw, std::string_view region);

// canonical_phone without that shortcut: every phone through libphonenumber's Parse (the
// unit tests compare the two).
PhoneIdentity canonical_phone_parsed(std::string_view raw, std::string_view region);

// True when libphonenumber has metadata for the region (ISO 3166-1 alpha-2, any case).
bool known_region(std::string_view region);

// What derives the identities: libphonenumber's version as the loaded library's file names
// it, a fingerprint of its compiled-in metadata, and the reading of "00"
// ("libphonenumber 8.12, metadata ..., 00 from any region").
std::string phone_library_version();

}  // namespace ci
