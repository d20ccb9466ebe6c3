export { customerAddressSnapshotSchema, type CustomerAddressSnapshot } from './address-snapshot.js';
export { CustomerRegistered } from './customer-registered.event.js';
export { CustomerAddressAdded } from './customer-address-added.event.js';
export { CustomerAddressUpdated } from './customer-address-updated.event.js';
export { CustomerAddressRemoved } from './customer-address-removed.event.js';
export { CustomerDefaultAddressChanged } from './customer-default-address-changed.event.js';
export { CustomerProfileUpdated } from './customer-profile-updated.event.js';
export { PasswordResetRequested } from './password-reset-requested.event.js';
export { SessionRevoked } from './session-revoked.event.js';
