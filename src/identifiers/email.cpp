// Email canonicalization through ICU and libidn2; see email.hpp for what one identity is.
#include "email.hpp"

#include <idn2.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>

#include <cstddef>
#include <cstdlib>
#include <utility>

namespace ci {
namespace {

// The providers whose mailbox is the identity in provider mode: ONE table, documented in the
// README.  Each delivers "local+tag@domain" to "local@domain" (sub-addressing).  Gmail also
// ignores dots in the local part and serves googlemail.com as gmail.com (Google's own
// account-naming help).  Outlook.com keeps dots significant; its list is the domains Microsoft
// issues for Outlook.com accounts (outlook.com, hotmail.com, live.com, msn.com) and the
// country Hotmail domains with the largest user bases (UK, France, Germany, Italy); others
// stay exact.  iCloud's three domains, Fastmail's two and Proton's three are each one
// provider, but an account's addresses at its other domains are not always the same mailbox
// (an iCloud account made after 2012 has no me.com address), so no domain is mapped to
// another there.  A domain missing from the table costs a duplicate customer, never a wrong
// merge.
struct Provider {
    std::string_view domain;          // as canonical_email stores it: ASCII, lower case
    std::string_view mailbox_domain;  // the domain of the mailbox (usually the same)
    bool dots_ignored;                // dots in the local part do not change the mailbox
};
constexpr Provider kProviders[] = {
    {"gmail.com", "gmail.com", true},
    {"googlemail.com", "gmail.com", true},
    {"outlook.com", "outlook.com", false},
    {"hotmail.com", "hotmail.com", false},
    {"live.com", "live.com", false},
    {"msn.com", "msn.com", false},
    {"hotmail.co.uk", "hotmail.co.uk", false},
    {"hotmail.fr", "hotmail.fr", false},
    {"hotmail.de", "hotmail.de", false},
    {"hotmail.it", "hotmail.it", false},
    {"icloud.com", "icloud.com", false},
    {"me.com", "me.com", false},
    {"mac.com", "mac.com", false},
    {"fastmail.com", "fastmail.com", false},
    {"fastmail.fm", "fastmail.fm", false},
    {"proton.me", "proton.me", false},
    {"protonmail.com", "protonmail.com", false},
    {"pm.me", "pm.me", false},
};

// Longest domain and label that the fast path may leave to ASCII rules alone (RFC 1035).
constexpr std::size_t kMaxDomainBytes = 253;
constexpr std::size_t kMaxLabelBytes = 63;

// Builds a failed result carrying the given reason.
Normalized fail(std::string reason) { return Normalized{false, std::string(), std::move(reason)}; }

// True when every byte of the text is ASCII.
bool is_ascii(std::string_view s) {
    for (const char ch : s)
        if (static_cast<unsigned char>(ch) >= 0x80) return false;
    return true;
}

// The text with ASCII letters lower-cased: for ASCII, NFC is the identity and full case
// folding is exactly this (U+0041..U+005A fold to U+0061..U+007A, nothing else in ASCII folds).
std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char &ch : out)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

// The NFC and NFD instances of ICU (process-wide, immutable), or the reason there are none.
bool normalizers(const icu::Normalizer2 *&nfc, const icu::Normalizer2 *&nfd, std::string &error) {
    UErrorCode status = U_ZERO_ERROR;
    nfd = icu::Normalizer2::getNFDInstance(status);
    nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status)) return true;
    error = std::string("email could not be normalized (ICU: ") + u_errorName(status) + ")";
    return false;
}

// UTF-8 text as ICU's UTF-16 string (the input is valid UTF-8: check_email_shape said so).
icu::UnicodeString utf16(std::string_view text) {
    return icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
}

// ICU's result as UTF-8, or the error its status names.
bool utf8_result(const icu::UnicodeString &value, UErrorCode status, std::string &out,
                 std::string &error) {
    if (U_FAILURE(status)) {
        error = std::string("email could not be normalized (ICU: ") + u_errorName(status) + ")";
        return false;
    }
    out.clear();
    value.toUTF8String(out);
    return true;
}

// The local part as NFC(full_case_fold(NFD(x))).  NFD first because folding is not closed
// under canonical equivalence otherwise: "a" U+0345 U+0301 and its NFC "á" U+0345 fold to
// different NFC strings unless the marks are put in canonical order before U+0345 becomes
// iota.  NFC last so the stored value is composed, as people's keyboards write it.
bool fold_local_part(std::string_view local, std::string &out, std::string &error) {
    const icu::Normalizer2 *nfc = nullptr;
    const icu::Normalizer2 *nfd = nullptr;
    if (!normalizers(nfc, nfd, error)) return false;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = nfd->normalize(utf16(local), status);
    // Full default folding (not the Turkic one, no locale): "ß" becomes "ss", "ſ" "s".
    folded.foldCase(U_FOLD_CASE_DEFAULT);
    return utf8_result(nfc->normalize(folded, status), status, out, error);
}

// A non-ASCII domain in NFC (ICU), before UTS #46 maps it: its mapping (U+0345 to iota, as in
// the local part) is not closed under canonical equivalence, and libidn2's IDN2_NFC_INPUT did
// not make "a" U+0345 U+0301 and "á" U+0345 one domain (libidn2 2.3.3); NFC first does.
bool nfc_domain(std::string_view domain, std::string &out, std::string &error) {
    const icu::Normalizer2 *nfc = nullptr;
    const icu::Normalizer2 *nfd = nullptr;
    if (!normalizers(nfc, nfd, error)) return false;
    UErrorCode status = U_ZERO_ERROR;
    return utf8_result(nfc->normalize(utf16(domain), status), status, out, error);
}

// The domain through UTS #46 (non-transitional, so "ß", "ς", ZWJ and ZWNJ are kept as the
// registries now allocate them) to ASCII A-labels, without the trailing root dot.
bool idna_domain(std::string_view domain, std::string &out, std::string &error) {
    std::string input(domain);  // libidn2 reads a NUL-terminated string
    if (!is_ascii(domain) && !nfc_domain(domain, input, error)) return false;
    char *ascii = nullptr;
    const int rc = idn2_lookup_u8(reinterpret_cast<const std::uint8_t *>(input.c_str()),
                                  reinterpret_cast<std::uint8_t **>(&ascii), IDN2_NONTRANSITIONAL);
    if (rc != IDN2_OK) {
        error = std::string("email domain is not a valid domain name (") + idn2_strerror(rc) + ")";
        return false;
    }
    out.assign(ascii);
    idn2_free(ascii);
    if (!out.empty() && out.back() == '.') out.pop_back();
    if (out.empty()) {
        error = "email has an empty domain part";
        return false;
    }
    return true;
}

// True when UTS #46 would only lower-case this domain: letters, digits and hyphens in labels
// of 1 to 63 bytes, none starting or ending with a hyphen or holding "--" at its 3rd and 4th
// byte (which covers every "xn--" A-label), at most 253 bytes without the trailing dot.
// Anything else goes to libidn2, so the fast path never decides a case the library rejects.
bool plain_ascii_domain(std::string_view domain) {
    if (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
    if (domain.empty() || domain.size() > kMaxDomainBytes) return false;
    std::size_t label_start = 0;
    for (std::size_t i = 0; i <= domain.size(); ++i) {
        if (i == domain.size() || domain[i] == '.') {
            const std::string_view label = domain.substr(label_start, i - label_start);
            if (label.empty() || label.size() > kMaxLabelBytes) return false;
            if (label.front() == '-' || label.back() == '-') return false;
            if (label.size() >= 4 && label[2] == '-' && label[3] == '-') return false;
            label_start = i + 1;
            continue;
        }
        const char c = domain[i];
        const bool ldh =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (!ldh) return false;
    }
    return true;
}

// The provider of a canonical domain, or nullptr.
const Provider *find_provider(std::string_view domain) {
    for (const Provider &p : kProviders)
        if (p.domain == domain) return &p;
    return nullptr;
}

// The mailbox an address at a listed provider delivers to: "+tag" and, where the provider
// ignores them, dots dropped from the local part.  A local part that would be left empty
// ("+tag@gmail.com") is no mailbox of the provider's, and is kept as it is.
void to_mailbox(std::string &local, std::string &domain) {
    const Provider *provider = find_provider(domain);
    if (provider == nullptr) return;
    std::string mailbox = local.substr(0, local.find('+'));
    if (provider->dots_ignored) {
        std::string no_dots;
        for (const char ch : mailbox)
            if (ch != '.') no_dots.push_back(ch);
        mailbox = std::move(no_dots);
    }
    if (!mailbox.empty()) local = std::move(mailbox);
    domain.assign(provider->mailbox_domain);
}

// Both paths: the fast one takes ASCII parts whose canonical form is plain lower case.
Normalized canonicalize(std::string_view raw, EmailMode mode, bool fast_path) {
    const EmailShape shape = check_email_shape(raw);
    if (!shape.ok) return fail(shape.error);
    const std::string_view local_in = shape.address.substr(0, shape.at);
    const std::string_view domain_in = shape.address.substr(shape.at + 1);

    if (fast_path && mode == EmailMode::exact && is_ascii(local_in) &&
        plain_ascii_domain(domain_in)) {
        // As below, in one string: the address lower-cased, less the domain's trailing dot.
        std::string value = ascii_lower(shape.address);
        if (value.back() == '.') value.pop_back();
        return Normalized{true, std::move(value), std::string()};
    }
    std::string local;
    std::string domain;
    std::string error;
    if (fast_path && is_ascii(local_in)) {
        local = ascii_lower(local_in);
    } else if (!fold_local_part(local_in, local, error)) {
        return fail(std::move(error));
    }
    if (fast_path && plain_ascii_domain(domain_in)) {
        domain = ascii_lower(domain_in);
        if (domain.back() == '.') domain.pop_back();
    } else if (!idna_domain(domain_in, domain, error)) {
        return fail(std::move(error));
    }
    if (mode == EmailMode::provider) to_mailbox(local, domain);
    std::string value;
    value.reserve(local.size() + 1 + domain.size());
    value.append(local).append(1, '@').append(domain);
    return Normalized{true, std::move(value), std::string()};
}

}  // namespace

Normalized canonical_email(std::string_view raw, EmailMode mode) {
    return canonicalize(raw, mode, true);
}

Normalized canonical_email_through_libraries(std::string_view raw, EmailMode mode) {
    return canonicalize(raw, mode, false);
}

std::vector<std::string> email_identities_under_every_rule(std::string_view raw) {
    std::vector<std::string> identities;
    for (const Normalized &n : {normalize_email(raw), canonical_email(raw, EmailMode::exact),
                                canonical_email(raw, EmailMode::provider)})
        if (n.ok) identities.push_back(n.value);
    return identities;
}

std::string email_library_version() {
    UVersionInfo icu_version;
    u_getVersion(icu_version);
    char icu_text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(icu_version, icu_text);
    const char *idn2_text = idn2_check_version(nullptr);
    return std::string("ICU ") + icu_text + ", libidn2 " + (idn2_text ? idn2_text : "unknown");
}

}  // namespace ci
