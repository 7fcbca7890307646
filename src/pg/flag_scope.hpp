// A flag that is set for exactly the lifetime of a scope.
//
// Some writes are allowed only on one path: a merge writing merged_into, an unmerge
// restoring rows as they were, an erasure rewriting audit payloads.  The path sets its flag
// for the statements it runs; the trigger that guards the table asks for it.  The flag is
// cleared however the scope ends (return or exception, and pg_call turns every ERROR into
// an exception), so it never outlives the path.
#pragma once

namespace ci {

// Sets `flag` for the lifetime of the object.
class FlagScope {
  public:
    explicit FlagScope(bool &flag) : flag_(flag) { flag_ = true; }
    ~FlagScope() { flag_ = false; }
    FlagScope(const FlagScope &) = delete;
    FlagScope &operator=(const FlagScope &) = delete;

  private:
    bool &flag_;
};

}  // namespace ci
