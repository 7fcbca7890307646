'use strict';
// Typed errors for the SQLSTATEs of the customer_identity extension.
// Each keeps the server's code, message, detail and hint; the driver error is `cause`.

// Base class: any error the extension (or PostgreSQL on its behalf) raised.
class CustomerIdentityError extends Error {
  constructor(pgError) {
    super(pgError.message, { cause: pgError });
    this.name = new.target.name;
    this.code = pgError.code;
    this.detail = pgError.detail;
    this.hint = pgError.hint;
    this.constraint = pgError.constraint;
  }

  // True when the whole transaction may simply be run again.
  get retryable() {
    return false;
  }
}

class IdentityConflictError extends CustomerIdentityError {} // CI001
class InviteError extends CustomerIdentityError {} // CI002..CI005
class UnknownInviteTokenError extends InviteError {} // CI002
class ExpiredInviteTokenError extends InviteError {} // CI003
class RevokedInviteTokenError extends InviteError {} // CI004
class InviteUsedUpError extends InviteError {} // CI005
class ManualLinkWriteError extends CustomerIdentityError {} // CI006
class VendorRoleError extends CustomerIdentityError {} // CI007
class TenantMismatchError extends CustomerIdentityError {} // CI008
class AlreadyLinkedError extends CustomerIdentityError {} // CI009
class ArchivedCustomerError extends CustomerIdentityError {} // CI010
class UnknownIdError extends CustomerIdentityError {} // CI011
class MalformedInputError extends CustomerIdentityError {} // 22023
class NullArgumentError extends CustomerIdentityError {} // 22004
class PermissionDeniedError extends CustomerIdentityError {} // 42501

// 23505 from a direct INSERT/UPDATE; `identifier` is the column the DETAIL names.
class DuplicateIdentifierError extends CustomerIdentityError {
  constructor(pgError) {
    super(pgError);
    const m = /^Key \(tenant_id, (\w+)\)=/.exec(pgError.detail || '');
    this.identifier = m ? m[1] : undefined;
  }
}

// 40001: another transaction committed the same identifier after our snapshot.
class SerializationFailure extends CustomerIdentityError {
  // Run the transaction again.
  get retryable() {
    return true;
  }
}

const BY_CODE = {
  CI001: IdentityConflictError,
  CI002: UnknownInviteTokenError,
  CI003: ExpiredInviteTokenError,
  CI004: RevokedInviteTokenError,
  CI005: InviteUsedUpError,
  CI006: ManualLinkWriteError,
  CI007: VendorRoleError,
  CI008: TenantMismatchError,
  CI009: AlreadyLinkedError,
  CI010: ArchivedCustomerError,
  CI011: UnknownIdError,
  22023: MalformedInputError,
  22004: NullArgumentError,
  23505: DuplicateIdentifierError,
  42501: PermissionDeniedError,
  40001: SerializationFailure,
};

// The typed error for a driver error, or the error itself when its code is not ours.
function toIdentityError(err) {
  const Cls = err && typeof err.code === 'string' && BY_CODE[err.code];
  return Cls && !(err instanceof CustomerIdentityError) ? new Cls(err) : err;
}

module.exports = {
  CustomerIdentityError,
  IdentityConflictError,
  InviteError,
  UnknownInviteTokenError,
  ExpiredInviteTokenError,
  RevokedInviteTokenError,
  InviteUsedUpError,
  ManualLinkWriteError,
  VendorRoleError,
  TenantMismatchError,
  AlreadyLinkedError,
  ArchivedCustomerError,
  UnknownIdError,
  MalformedInputError,
  NullArgumentError,
  PermissionDeniedError,
  DuplicateIdentifierError,
  SerializationFailure,
  toIdentityError,
};
