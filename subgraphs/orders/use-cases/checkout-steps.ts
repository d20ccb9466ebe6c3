import { badInput } from '../../../platform/errors.js';
import { checkAddressInput, verificationWarnings, verifiedShippingAddress, type AddressInput, type ShippingAddress } from '../domain/address.js';
import type { CheckoutCommand } from '../domain/checkout.js';
import type { ShippingMethod } from '../domain/shipping.js';
import type { VerificationStatus } from '../../../platform/address-verification/address-verifier.js';
import type { CheckoutRecord } from '../store/checkout.entity.js';
import { ProjectionRepository } from '../store/projection.repository.js';
import { findOwnCheckoutToChange } from './checkout-access.js';
import { changeOwnCheckout } from './checkout-changes.js';
import { waitFor } from '../../../platform/arrivals.js';
import { isUuid, type OrdersDeps, type OrdersScope } from './scope.js';

/**
 * Step 1: a saved address of the customer's (from orders' projection of their address book,
 * waited for briefly when it was just added) or an inline one, verified here. Either way the
 * checkout keeps an immutable copy and the verdict as warnings, which never block (PO).
 */
export async function setCheckoutShippingAddress(
  deps: OrdersDeps,
  scope: OrdersScope,
  checkoutId: string,
  addressId: string | null | undefined,
  address: AddressInput | null | undefined,
): Promise<CheckoutRecord> {
  const found = await findOwnCheckoutToChange(deps, scope, checkoutId);
  const checkout = found.checkout;
  if ((addressId == null) === (address == null)) {
    throw badInput('Give either addressId (a saved address) or address (an inline one)', { addressId: 'exactly one of addressId and address', address: 'exactly one of addressId and address' });
  }
  const command: CheckoutCommand = addressId != null ? await savedAddress(deps, scope, checkout.customerId, addressId) : await inlineAddress(deps, address!);
  const record = await changeOwnCheckout(deps, scope, found, command);
  scope.log.info({ checkoutId, saved: addressId != null }, 'checkout shipping address set');
  return record;
}

async function savedAddress(deps: OrdersDeps, scope: OrdersScope, customerId: string, addressId: string): Promise<CheckoutCommand> {
  const notInBook = () => badInput('This address is not in your address book', { addressId: 'not one of your saved addresses' });
  if (!isUuid(addressId)) throw notInBook();
  const projections = new ProjectionRepository(scope.em);
  // customers announces a new address by event: give the projection a moment to catch up
  const found = await waitFor(async () => {
    const row = await projections.findAddress(addressId);
    return row && (row.customerId !== customerId || row.removed || row.line1 !== null) ? row : null;
  }, deps.checkoutWaitMs, { arrival: { arrivals: deps.arrivals, key: addressId } });
  if (!found || found.customerId !== customerId || found.removed) throw notInBook();
  const address: ShippingAddress = {
    nickname: found.nickname,
    line1: found.line1!,
    line2: found.line2,
    city: found.city!,
    region: found.region!,
    postalCode: found.postalCode!,
    country: found.country!,
  };
  // verified (or corrected) when it was saved; only a doubtful verdict is worth repeating here
  const verification = (found.verification ?? 'UNVERIFIED') as VerificationStatus;
  const warnings = verification === 'CORRECTED' ? [] : verificationWarnings(verification);
  return { type: 'SelectSavedAddress', addressId, address, warnings };
}

async function inlineAddress(deps: OrdersDeps, input: AddressInput): Promise<CheckoutCommand> {
  const checked = checkAddressInput(input);
  if (!checked.ok) throw badInput('The address is invalid', Object.fromEntries(Object.entries(checked.fields).map(([field, problem]) => [`address.${field}`, problem])));
  // outside any transaction: the service may take seconds (then UNVERIFIED)
  const outcome = await deps.addressVerification.verify(checked.postal);
  const { address, warnings } = verifiedShippingAddress(checked.nickname, checked.postal, outcome);
  return { type: 'EnterAddress', address, warnings };
}

/** Step 2. */
export async function setCheckoutShippingMethod(deps: OrdersDeps, scope: OrdersScope, checkoutId: string, method: ShippingMethod): Promise<CheckoutRecord> {
  return changeOwnCheckout(deps, scope, await findOwnCheckoutToChange(deps, scope, checkoutId), { type: 'ChooseShippingMethod', method });
}

/** Step 3: a provider token, never card data; never logged. */
export async function setCheckoutPaymentMethod(deps: OrdersDeps, scope: OrdersScope, checkoutId: string, paymentToken: string): Promise<CheckoutRecord> {
  return changeOwnCheckout(deps, scope, await findOwnCheckoutToChange(deps, scope, checkoutId), { type: 'SetPaymentToken', token: paymentToken });
}
