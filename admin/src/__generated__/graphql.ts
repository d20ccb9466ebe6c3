/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What an alert is about. */
export type AlertKind =
  /** Three delivery attempts failed; the parcel is held at the carrier: call the customer. */
  | 'DELIVERY_FAILED'
  /** A SKU's total available units fell below the low-stock threshold (10). */
  | 'LOW_STOCK'
  /** A message failed every delivery attempt of one handler: fix the cause, then replay it. */
  | 'MESSAGE_DEAD_LETTERED'
  /** An e-mail could not be delivered for good. */
  | 'NOTIFICATION_FAILED'
  /** An order not CONFIRMED in time went ON_HOLD: review it (SPEC §6: within 1 hour) and close it. */
  | 'ORDER_ON_HOLD'
  /** A refund failed its 3 attempts: retry it or record a manual refund. */
  | 'REFUND_ESCALATED';

/** Where an alert is in its life: one open alert per subject. */
export type AlertStatus =
  /** A staff member is on it. */
  | 'ACKNOWLEDGED'
  /** Raised; nobody has taken it yet. */
  | 'OPEN'
  /** Dealt with, by staff (with a note) or because its cause went away. */
  | 'RESOLVED';

/** A new coupon. */
export type CreateCouponInput = {
  /** 3-32 letters, digits, '-' or '_' (any case). */
  code: string | number;
  /** 1-200 characters. */
  description: string;
  /** At least 1; omitted: unlimited. */
  maxRedemptions?: number | null | undefined;
  /** 1-100 */
  percentOff: number;
  /** In the future; omitted: no expiry. */
  validUntil?: string | null | undefined;
};

/** A new product. */
export type CreateProductInput = {
  /** The maker's brand, if any. */
  brand?: string | null | undefined;
  /** The category to list it under. */
  category: string;
  /** Plain text. */
  description: string;
  /** Pictures, the main one first. */
  images?: Array<ProductImageInput> | null | undefined;
  /** 1-200 characters. */
  name: string;
  /** More than 0; USD only for now. */
  price: MoneyInput;
  /** 3-24 characters of A-Z, 0-9 and '-'; upper-cased. */
  sku: string | number;
  /** ACTIVE when left out. */
  status?: ProductStatus | null | undefined;
  /** Search keywords. */
  tags?: Array<string> | null | undefined;
};

/** An amount of money in minor units. */
export type MoneyInput = {
  /** The amount in minor units (cents). */
  cents: number;
  /** ISO 4217 currency code; USD only for now. */
  currency?: string;
};

/** What an e-mail is about. */
export type NotificationKind =
  /** The carrier could not deliver the parcel after three attempts. */
  | 'DELIVERY_FAILED'
  /** The order was cancelled: why, and what happens to the money. */
  | 'ORDER_CANCELLED'
  /** The order is paid and confirmed: items, totals, address, method and expected delivery. */
  | 'ORDER_CONFIRMED'
  /** The order could not be confirmed in time; customer service will look at it. */
  | 'ORDER_ON_HOLD'
  /** A single-use link to choose a new password. */
  | 'PASSWORD_RESET'
  /** The card was declined: use another card (with a link to reorder). */
  | 'PAYMENT_FAILED'
  /** Money went back to the customer: the amount. */
  | 'REFUND_COMPLETED'
  /** A return moved on (approved, rejected, received, refunded). */
  | 'RETURN_UPDATED'
  /** The parcel left: carrier, tracking number and link. */
  | 'SHIPMENT_DISPATCHED';

/** Where an e-mail is in its delivery. */
export type NotificationStatus =
  /** Refused for good (SMTP 5xx) or not accepted after the last attempt; staff are alerted. */
  | 'FAILED'
  /** Waiting for its first or next attempt (3 attempts: at once, after 5 and after 30 minutes). */
  | 'QUEUED'
  /** Accepted by the SMTP server. */
  | 'SENT';

/** Where an order is in its life. Terminal: CLOSED, CANCELLED (and ON_HOLD until staff act). */
export type OrderStatus =
  /** Cancelled before shipping (by the customer, staff, a declined card or missing stock); nothing is charged, or it was refunded. */
  | 'CANCELLED'
  /** The 30-day return window after delivery ended. */
  | 'CLOSED'
  /** Paid and stock committed; handed to fulfillment. */
  | 'CONFIRMED'
  /** The carrier delivered it; the 30-day return window runs. */
  | 'DELIVERED'
  /** Not confirmed within 5 minutes of placement: stock released, payment voided or refunded, staff alerted. */
  | 'ON_HOLD'
  /** Placed; stock and payment are being secured. */
  | 'PLACED'
  /** Handed to the carrier. */
  | 'SHIPPED';

/** Where a payment is in its life (authorize, capture, void, refund). */
export type PaymentStatus =
  /** The amount is held on the customer's payment method for 7 days. */
  | 'AUTHORIZED'
  /** Charged: at most the authorized amount. */
  | 'CAPTURED'
  /** The authorization was declined, or failed after 3 attempts. */
  | 'FAILED'
  /** Part of the capture went back to the customer. */
  | 'PARTIALLY_REFUNDED'
  /** Being authorized (never visible outside the authorizing step). */
  | 'PENDING'
  /** All of the capture went back to the customer. */
  | 'REFUNDED'
  /** The hold was released without a charge (or nothing was ever held). */
  | 'VOIDED';

/** A picture of a product. */
export type ProductImageInput = {
  /** Text describing the image, for screen readers. */
  altText: string;
  /** An http(s) URL. */
  url: string;
};

/** Whether a product can be bought. Only ACTIVE products can be added to a cart; the others say why not. */
export type ProductStatus =
  /** For sale: the only status addCartItem accepts. */
  | 'ACTIVE'
  /** Listed but not for sale yet; addCartItem refuses it (BAD_USER_INPUT, rule PRODUCT_NOT_ACTIVE). */
  | 'COMING_SOON'
  /** No longer sold; hidden from shoppers' listings, still resolvable for past carts and orders. */
  | 'DISCONTINUED'
  /** Listed but not for sale this season; addCartItem refuses it (BAD_USER_INPUT, rule PRODUCT_NOT_ACTIVE). */
  | 'OUT_OF_SEASON';

/** The warehouse's inspection of one SKU of a return. */
export type ReturnInspectionInput = {
  /** Units in sellable condition (restocked and refunded); the rest are written off and not refunded unless the reason was DEFECTIVE, WRONG_ITEM or DAMAGED_IN_TRANSIT. */
  acceptedQuantity: number;
  /** A SKU of the return. */
  sku: string | number;
};

/** Why a customer sends an item back; it decides the restocking fee and whether failed units are refunded. */
export type ReturnReason =
  /** Arrived damaged: no fee; refunded even if inspection fails it. */
  | 'DAMAGED_IN_TRANSIT'
  /** It does not work: no fee; refunded even if inspection fails it. */
  | 'DEFECTIVE'
  /** Changed mind: 15 % restocking fee; only sellable units are refunded. */
  | 'NO_LONGER_NEEDED'
  /** Anything else (customer service approves it): 15 % restocking fee; only sellable units are refunded. */
  | 'OTHER'
  /** Not what was ordered: no fee; refunded even if inspection fails it. */
  | 'WRONG_ITEM';

/** Where the return's refund is at payments. */
export type ReturnRefundStatus =
  /** Payments refunded it. */
  | 'COMPLETED'
  /** Payments could not refund it after its attempts; escalated to staff. */
  | 'FAILED'
  /** Asked of payments; not confirmed yet. */
  | 'REQUESTED';

/** Where a return is in its life. */
export type ReturnStatus =
  /** Approved; waiting for the parcel. */
  | 'APPROVED'
  /** Received and inspected; refund requested. */
  | 'RECEIVED'
  /** Payments refunded the refund amount; the return is over. */
  | 'REFUNDED'
  /** Customer service refused it (rejectionReason says why). */
  | 'REJECTED'
  /** Waiting for customer service (reason OTHER). */
  | 'REQUESTED';

/** What a session may do. Staff roles are everything but GUEST and CUSTOMER; ADMIN satisfies every staff check. */
export type Role =
  /** Staff: everything any staff role may do. */
  | 'ADMIN'
  /** Staff: products, prices and product status. */
  | 'CATALOG_MANAGER'
  /** A registered customer: their own carts, checkouts, orders and address book. */
  | 'CUSTOMER'
  /** Staff: reads customers and orders, cancels orders, handles refunds. */
  | 'CUSTOMER_SERVICE'
  /** An anonymous shopper with a guest session: browsing and a cart, no checkout. */
  | 'GUEST'
  /** Staff: stock, shipments and delivery attempts. */
  | 'WAREHOUSE';

/** What happened to a parcel. */
export type ShipmentEventType =
  /** Assigned to the warehouse holding the stock. */
  | 'ASSIGNED'
  /** The order was cancelled before the parcel left. */
  | 'CANCELLED'
  /** Delivered. */
  | 'DELIVERED'
  /** The carrier could not deliver this time. */
  | 'DELIVERY_ATTEMPT_FAILED'
  /** The third attempt failed; the carrier holds the parcel. */
  | 'DELIVERY_FAILED'
  /** Handed to the carrier. */
  | 'DISPATCHED'
  /** A carrier scan on the way. */
  | 'IN_TRANSIT'
  /** Orders asked for the shipment. */
  | 'REQUESTED';

/** Where a parcel is in its life. */
export type ShipmentStatus =
  /** At the warehouse that holds the stock, waiting to be picked and dispatched. */
  | 'ASSIGNED'
  /** Reserved for a later phase (a warehouse that cannot pick the order); not used yet. */
  | 'BACKORDERED'
  /** The order was cancelled before the parcel left. */
  | 'CANCELLED'
  /** The carrier delivered it. */
  | 'DELIVERED'
  /** Three delivery attempts failed: the parcel is held at the carrier and customer service calls the customer. */
  | 'DELIVERY_FAILED'
  /** Handed to the carrier, with a tracking number. */
  | 'DISPATCHED'
  /** Opened for the order; assigned at once to the reserving warehouse. */
  | 'REQUESTED';

/** How fast an order travels; the price and delivery time of each are in Checkout.shippingOptions. */
export type ShippingMethod =
  /** $12.99, 2-3 business days */
  | 'EXPRESS'
  /** $24.99, 1 business day */
  | 'NEXT_DAY'
  /** $5.99, 5-7 business days */
  | 'STANDARD';

/** Why a stock row changed. */
export type StockMovementKind =
  /** A correction by staff (adjustStock): count, damage, loss. */
  | 'ADJUSTED'
  /** A reservation became firm when the order was paid. */
  | 'COMMITTED'
  /** A reservation was not committed within 30 minutes and lapsed. */
  | 'EXPIRED'
  /** Units arrived (receiveStock). */
  | 'RECEIVED'
  /** A reservation or commitment was given back (cancelled or failed order). */
  | 'RELEASED'
  /** Units held for a placed order. */
  | 'RESERVED'
  /** Units a customer sent back that passed inspection: from shipped back to available (returns). */
  | 'RETURNED'
  /** Opening stock of the development seed. */
  | 'SEEDED'
  /** Committed units left the warehouse. */
  | 'SHIPPED';

/** Fields left out stay as they are; brand: null removes the brand; an empty list removes all tags or images. */
export type UpdateProductInput = {
  /** Another brand; null removes it. */
  brand?: string | null | undefined;
  /** Another category. */
  category?: string | null | undefined;
  /** A new description. */
  description?: string | null | undefined;
  /** The new picture list (replaces the old one). */
  images?: Array<ProductImageInput> | null | undefined;
  /** A new display name. */
  name?: string | null | undefined;
  /** The new keyword list (replaces the old one). */
  tags?: Array<string> | null | undefined;
};

export type AdminAlertRowFragment = { id: string, kind: AlertKind, status: AlertStatus, summary: string, raisedAt: string, escalatedAt: string | null, acknowledgedBy: string | null, resolvedBy: string | null, resolution: string | null, sku: string | null, order: { id: string } | null };

export type AdminAlertsQueryVariables = Exact<{
  kind?: AlertKind | null | undefined;
  status?: AlertStatus | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminAlertsQuery = { alerts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: AlertKind, status: AlertStatus, summary: string, raisedAt: string, escalatedAt: string | null, acknowledgedBy: string | null, resolvedBy: string | null, resolution: string | null, sku: string | null, order: { id: string } | null }> } };

export type AdminAcknowledgeAlertMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminAcknowledgeAlertMutation = { acknowledgeAlert: { id: string, status: AlertStatus } };

export type AdminResolveAlertMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type AdminResolveAlertMutation = { resolveAlert: { id: string, status: AlertStatus } };

export type AdminCancelOrderMutationVariables = Exact<{
  orderId: string | number;
  reason: string;
}>;


export type AdminCancelOrderMutation = { cancelOrder: { id: string, status: OrderStatus, cancellationReason: string | null } };

export type AdminProductsQueryVariables = Exact<{
  search?: string | null | undefined;
  status?: ProductStatus | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminProductsQuery = { products: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ sku: string, name: string, category: string, status: ProductStatus, price: { formatted: string }, availability: { totalAvailable: number } }> } };

export type AdminCouponsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type AdminCouponsQuery = { coupons: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ code: string, description: string, percentOff: number, validUntil: string | null, redemptions: number, maxRedemptions: number | null, active: boolean }> } };

export type AdminCreateCouponMutationVariables = Exact<{
  input: CreateCouponInput;
}>;


export type AdminCreateCouponMutation = { createCoupon: { code: string } };

export type AdminDeactivateCouponMutationVariables = Exact<{
  code: string | number;
}>;


export type AdminDeactivateCouponMutation = { deactivateCoupon: { code: string, active: boolean } };

export type AdminDeadLettersQueryVariables = Exact<{
  context?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminDeadLettersQuery = { deadLetters: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, context: string, handler: string, subject: string, eventId: string, error: string, attempts: number, failedAt: string, payload: string, replayRequestedAt: string | null, replayedAt: string | null }> } };

export type AdminReplayDeadLetterMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminReplayDeadLetterMutation = { replayDeadLetter: { id: string, replayRequestedAt: string | null, replayedAt: string | null } };

export type AdminStockOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminStockOverviewQuery = { warehouses: Array<{ id: string, name: string }>, lowStock: Array<{ sku: string, available: number, reserved: number, warehouse: { id: string } }> };

export type AdminStockQueryVariables = Exact<{
  sku: string | number;
}>;


export type AdminStockQuery = { product: { sku: string, name: string, availability: { totalAvailable: number, lowStock: boolean, byWarehouse: Array<{ available: number, reserved: number, committed: number, shipped: number, warehouse: { id: string, name: string } }> } } | null, stockMovements: Array<{ id: string, kind: StockMovementKind, occurredAt: string, actor: string, reason: string | null, reference: string | null, deltaAvailable: number, warehouse: { id: string } }> };

export type AdminReceiveStockMutationVariables = Exact<{
  sku: string | number;
  warehouseId: string | number;
  quantity: number;
  reference?: string | null | undefined;
}>;


export type AdminReceiveStockMutation = { receiveStock: { sku: string, available: number } };

export type AdminAdjustStockMutationVariables = Exact<{
  sku: string | number;
  warehouseId: string | number;
  delta: number;
  reason: string;
}>;


export type AdminAdjustStockMutation = { adjustStock: { sku: string, available: number } };

export type AdminApproveReturnMutationVariables = Exact<{
  returnId: string | number;
}>;


export type AdminApproveReturnMutation = { approveReturn: { id: string, status: ReturnStatus } };

export type AdminRejectReturnMutationVariables = Exact<{
  returnId: string | number;
  reason: string;
}>;


export type AdminRejectReturnMutation = { rejectReturn: { id: string, status: ReturnStatus } };

export type AdminReceiveReturnMutationVariables = Exact<{
  returnId: string | number;
  items: Array<ReturnInspectionInput> | ReturnInspectionInput;
}>;


export type AdminReceiveReturnMutation = { receiveReturn: { id: string, status: ReturnStatus } };

export type AdminOrderQueryVariables = Exact<{
  id: string | number;
}>;


export type AdminOrderQuery = { order: { id: string, status: OrderStatus, placedAt: string, cancellationReason: string | null, shippingMethod: ShippingMethod, customer: { id: string, email: string, firstName: string, lastName: string }, items: Array<{ quantity: number, product: { sku: string, name: string }, unitPrice: { formatted: string }, lineTotal: { formatted: string } }>, shippingAddress: { line1: string, line2: string | null, city: string, region: string, postalCode: string, country: string }, subtotal: { formatted: string }, shippingCost: { formatted: string }, total: { formatted: string }, timeline: Array<{ type: string, occurredAt: string, detail: string | null }>, payment: { id: string, status: PaymentStatus, failureReason: string | null, attempts: number, amount: { formatted: string }, captured: { formatted: string }, refunded: { formatted: string }, attemptLog: Array<{ operation: string, attempt: number, succeeded: boolean, failureKind: string | null, failureMessage: string | null, startedAt: string }>, refunds: Array<{ id: string, reason: string, status: string, createdAt: string, completedAt: string | null, failureReason: string | null, amount: { formatted: string } }> } | null, shipments: Array<{ id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null, deliveryAttempts: number, dispatchedAt: string | null, deliveredAt: string | null, warehouse: { id: string, name: string } | null, timeline: Array<{ type: ShipmentEventType, occurredAt: string, detail: string | null }> }>, notifications: Array<{ id: string, kind: NotificationKind, to: string, subject: string, status: NotificationStatus, attempts: number, sentAt: string | null }>, returns: Array<{ id: string, status: ReturnStatus, requestedAt: string, comment: string | null, rejectionReason: string | null, refundStatus: ReturnRefundStatus | null, refundFailureReason: string | null, refundAmount: { formatted: string }, restockingFee: { formatted: string }, label: { carrier: string, trackingNumber: string, labelUrl: string } | null, items: Array<{ quantity: number, reason: ReturnReason, acceptedQuantity: number | null, product: { sku: string }, unitPrice: { formatted: string } }> }> } | null };

export type AdminOrderRowFragment = { id: string, status: OrderStatus, placedAt: string, total: { formatted: string }, customer: { id: string, email: string } };

export type AdminOrdersQueryVariables = Exact<{
  status?: OrderStatus | null | undefined;
  oldestFirst?: boolean | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminOrdersQuery = { orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, status: OrderStatus, placedAt: string, total: { formatted: string }, customer: { id: string, email: string } }> } };

export type AdminCustomersByEmailQueryVariables = Exact<{
  email: string;
}>;


export type AdminCustomersByEmailQuery = { customers: Array<{ id: string, email: string, firstName: string, lastName: string, orders: { totalCount: number, nodes: Array<{ id: string, status: OrderStatus, placedAt: string, total: { formatted: string }, customer: { id: string, email: string } }> } }> };

export type AdminOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminOverviewQuery = { placed: { totalCount: number }, confirmed: { totalCount: number }, shipped: { totalCount: number }, delivered: { totalCount: number }, cancelled: { totalCount: number }, closed: { totalCount: number }, onHold: { totalCount: number, nodes: Array<{ id: string, placedAt: string, timeline: Array<{ type: string, occurredAt: string }> }> } };

export type AdminOverviewAlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminOverviewAlertsQuery = { alerts: { totalCount: number, nodes: Array<{ id: string, kind: AlertKind, status: AlertStatus, summary: string, raisedAt: string, escalatedAt: string | null, acknowledgedBy: string | null, resolvedBy: string | null, resolution: string | null, sku: string | null, order: { id: string } | null }> } };

export type AdminOverviewAlertsRaisedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AdminOverviewAlertsRaisedSubscription = { alertRaised: { id: string } };

export type AdminOverviewOrderChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AdminOverviewOrderChangesSubscription = { orderUpdated: { status: OrderStatus, previousStatus: OrderStatus | null, order: { id: string } } };

export type AdminProductQueryVariables = Exact<{
  sku: string | number;
}>;


export type AdminProductQuery = { categories: Array<string>, product: { sku: string, name: string, description: string, brand: string | null, category: string, tags: Array<string>, status: ProductStatus, price: { cents: number, formatted: string } } | null };

export type AdminCreateProductMutationVariables = Exact<{
  input: CreateProductInput;
}>;


export type AdminCreateProductMutation = { createProduct: { sku: string } };

export type AdminUpdateProductMutationVariables = Exact<{
  sku: string | number;
  input: UpdateProductInput;
}>;


export type AdminUpdateProductMutation = { updateProduct: { sku: string, name: string } };

export type AdminChangeProductPriceMutationVariables = Exact<{
  sku: string | number;
  price: MoneyInput;
}>;


export type AdminChangeProductPriceMutation = { changeProductPrice: { sku: string, price: { formatted: string } } };

export type AdminChangeProductStatusMutationVariables = Exact<{
  sku: string | number;
  status: ProductStatus;
  reason?: string | null | undefined;
}>;


export type AdminChangeProductStatusMutation = { changeProductStatus: { sku: string, status: ProductStatus } };

export type AdminRetryRefundMutationVariables = Exact<{
  refundId: string | number;
}>;


export type AdminRetryRefundMutation = { retryRefund: { id: string, status: string, failureReason: string | null } };

export type AdminRecordManualRefundMutationVariables = Exact<{
  refundId: string | number;
  reference: string;
}>;


export type AdminRecordManualRefundMutation = { recordManualRefund: { id: string, status: string } };

export type AdminShipmentsQueryVariables = Exact<{
  status: ShipmentStatus;
  warehouseId?: string | number | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminShipmentsQuery = { warehouses: Array<{ id: string, name: string }>, shipments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, status: ShipmentStatus, createdAt: string, dispatchedAt: string | null, carrier: string | null, trackingNumber: string | null, deliveryAttempts: number, warehouse: { id: string } | null, order: { id: string }, items: Array<{ quantity: number, product: { sku: string } }> }> } };

export type AdminDispatchShipmentMutationVariables = Exact<{
  shipmentId: string | number;
  carrier?: string | null | undefined;
}>;


export type AdminDispatchShipmentMutation = { dispatchShipment: { id: string, status: ShipmentStatus, carrier: string | null, trackingNumber: string | null } };

export type AdminRecordDeliveryAttemptMutationVariables = Exact<{
  shipmentId: string | number;
  delivered: boolean;
  note?: string | null | undefined;
}>;


export type AdminRecordDeliveryAttemptMutation = { recordDeliveryAttempt: { id: string, status: ShipmentStatus, deliveryAttempts: number } };

export type AdminSignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type AdminSignInMutation = { login: { token: string, role: Role, expiresAt: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AdminAlertRowFragmentDoc = new TypedDocumentString(`
    fragment AdminAlertRow on Alert {
  id
  kind
  status
  summary
  raisedAt
  escalatedAt
  acknowledgedBy
  resolvedBy
  resolution
  sku
  order {
    id
  }
}
    `, {"fragmentName":"AdminAlertRow"}) as unknown as TypedDocumentString<AdminAlertRowFragment, unknown>;
export const AdminOrderRowFragmentDoc = new TypedDocumentString(`
    fragment AdminOrderRow on Order {
  id
  status
  placedAt
  total {
    formatted
  }
  customer {
    id
    email
  }
}
    `, {"fragmentName":"AdminOrderRow"}) as unknown as TypedDocumentString<AdminOrderRowFragment, unknown>;
export const AdminAlertsDocument = new TypedDocumentString(`
    query AdminAlerts($kind: AlertKind, $status: AlertStatus, $after: String) {
  alerts(kind: $kind, status: $status, first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...AdminAlertRow
    }
  }
}
    fragment AdminAlertRow on Alert {
  id
  kind
  status
  summary
  raisedAt
  escalatedAt
  acknowledgedBy
  resolvedBy
  resolution
  sku
  order {
    id
  }
}`) as unknown as TypedDocumentString<AdminAlertsQuery, AdminAlertsQueryVariables>;
export const AdminAcknowledgeAlertDocument = new TypedDocumentString(`
    mutation AdminAcknowledgeAlert($id: ID!) {
  acknowledgeAlert(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AdminAcknowledgeAlertMutation, AdminAcknowledgeAlertMutationVariables>;
export const AdminResolveAlertDocument = new TypedDocumentString(`
    mutation AdminResolveAlert($id: ID!, $note: String) {
  resolveAlert(id: $id, note: $note) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AdminResolveAlertMutation, AdminResolveAlertMutationVariables>;
export const AdminCancelOrderDocument = new TypedDocumentString(`
    mutation AdminCancelOrder($orderId: ID!, $reason: String!) {
  cancelOrder(orderId: $orderId, reason: $reason) {
    id
    status
    cancellationReason
  }
}
    `) as unknown as TypedDocumentString<AdminCancelOrderMutation, AdminCancelOrderMutationVariables>;
export const AdminProductsDocument = new TypedDocumentString(`
    query AdminProducts($search: String, $status: ProductStatus, $after: String) {
  products(search: $search, status: $status, first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      sku
      name
      category
      status
      price {
        formatted
      }
      availability {
        totalAvailable
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdminProductsQuery, AdminProductsQueryVariables>;
export const AdminCouponsDocument = new TypedDocumentString(`
    query AdminCoupons($after: String) {
  coupons(first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      code
      description
      percentOff
      validUntil
      redemptions
      maxRedemptions
      active
    }
  }
}
    `) as unknown as TypedDocumentString<AdminCouponsQuery, AdminCouponsQueryVariables>;
export const AdminCreateCouponDocument = new TypedDocumentString(`
    mutation AdminCreateCoupon($input: CreateCouponInput!) {
  createCoupon(input: $input) {
    code
  }
}
    `) as unknown as TypedDocumentString<AdminCreateCouponMutation, AdminCreateCouponMutationVariables>;
export const AdminDeactivateCouponDocument = new TypedDocumentString(`
    mutation AdminDeactivateCoupon($code: ID!) {
  deactivateCoupon(code: $code) {
    code
    active
  }
}
    `) as unknown as TypedDocumentString<AdminDeactivateCouponMutation, AdminDeactivateCouponMutationVariables>;
export const AdminDeadLettersDocument = new TypedDocumentString(`
    query AdminDeadLetters($context: String, $after: String) {
  deadLetters(context: $context, first: 25, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      context
      handler
      subject
      eventId
      error
      attempts
      failedAt
      payload
      replayRequestedAt
      replayedAt
    }
  }
}
    `) as unknown as TypedDocumentString<AdminDeadLettersQuery, AdminDeadLettersQueryVariables>;
export const AdminReplayDeadLetterDocument = new TypedDocumentString(`
    mutation AdminReplayDeadLetter($id: ID!) {
  replayDeadLetter(id: $id) {
    id
    replayRequestedAt
    replayedAt
  }
}
    `) as unknown as TypedDocumentString<AdminReplayDeadLetterMutation, AdminReplayDeadLetterMutationVariables>;
export const AdminStockOverviewDocument = new TypedDocumentString(`
    query AdminStockOverview {
  warehouses {
    id
    name
  }
  lowStock {
    sku
    available
    reserved
    warehouse {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AdminStockOverviewQuery, AdminStockOverviewQueryVariables>;
export const AdminStockDocument = new TypedDocumentString(`
    query AdminStock($sku: ID!) {
  product(sku: $sku) {
    sku
    name
    availability {
      totalAvailable
      lowStock
      byWarehouse {
        warehouse {
          id
          name
        }
        available
        reserved
        committed
        shipped
      }
    }
  }
  stockMovements(sku: $sku, first: 20) {
    id
    kind
    occurredAt
    actor
    reason
    reference
    deltaAvailable
    warehouse {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AdminStockQuery, AdminStockQueryVariables>;
export const AdminReceiveStockDocument = new TypedDocumentString(`
    mutation AdminReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!, $reference: String) {
  receiveStock(
    sku: $sku
    warehouseId: $warehouseId
    quantity: $quantity
    reference: $reference
  ) {
    sku
    available
  }
}
    `) as unknown as TypedDocumentString<AdminReceiveStockMutation, AdminReceiveStockMutationVariables>;
export const AdminAdjustStockDocument = new TypedDocumentString(`
    mutation AdminAdjustStock($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {
  adjustStock(
    sku: $sku
    warehouseId: $warehouseId
    delta: $delta
    reason: $reason
  ) {
    sku
    available
  }
}
    `) as unknown as TypedDocumentString<AdminAdjustStockMutation, AdminAdjustStockMutationVariables>;
export const AdminApproveReturnDocument = new TypedDocumentString(`
    mutation AdminApproveReturn($returnId: ID!) {
  approveReturn(returnId: $returnId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AdminApproveReturnMutation, AdminApproveReturnMutationVariables>;
export const AdminRejectReturnDocument = new TypedDocumentString(`
    mutation AdminRejectReturn($returnId: ID!, $reason: String!) {
  rejectReturn(returnId: $returnId, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AdminRejectReturnMutation, AdminRejectReturnMutationVariables>;
export const AdminReceiveReturnDocument = new TypedDocumentString(`
    mutation AdminReceiveReturn($returnId: ID!, $items: [ReturnInspectionInput!]!) {
  receiveReturn(returnId: $returnId, items: $items) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AdminReceiveReturnMutation, AdminReceiveReturnMutationVariables>;
export const AdminOrderDocument = new TypedDocumentString(`
    query AdminOrder($id: ID!) {
  order(id: $id) {
    id
    status
    placedAt
    cancellationReason
    customer {
      id
      email
      firstName
      lastName
    }
    items {
      product {
        sku
        name
      }
      quantity
      unitPrice {
        formatted
      }
      lineTotal {
        formatted
      }
    }
    shippingAddress {
      line1
      line2
      city
      region
      postalCode
      country
    }
    shippingMethod
    subtotal {
      formatted
    }
    shippingCost {
      formatted
    }
    total {
      formatted
    }
    timeline {
      type
      occurredAt
      detail
    }
    payment {
      id
      status
      amount {
        formatted
      }
      captured {
        formatted
      }
      refunded {
        formatted
      }
      failureReason
      attempts
      attemptLog {
        operation
        attempt
        succeeded
        failureKind
        failureMessage
        startedAt
      }
      refunds {
        id
        amount {
          formatted
        }
        reason
        status
        createdAt
        completedAt
        failureReason
      }
    }
    shipments {
      id
      status
      carrier
      trackingNumber
      deliveryAttempts
      dispatchedAt
      deliveredAt
      warehouse {
        id
        name
      }
      timeline {
        type
        occurredAt
        detail
      }
    }
    notifications {
      id
      kind
      to
      subject
      status
      attempts
      sentAt
    }
    returns {
      id
      status
      requestedAt
      comment
      rejectionReason
      refundAmount {
        formatted
      }
      restockingFee {
        formatted
      }
      refundStatus
      refundFailureReason
      label {
        carrier
        trackingNumber
        labelUrl
      }
      items {
        product {
          sku
        }
        quantity
        reason
        acceptedQuantity
        unitPrice {
          formatted
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdminOrderQuery, AdminOrderQueryVariables>;
export const AdminOrdersDocument = new TypedDocumentString(`
    query AdminOrders($status: OrderStatus, $oldestFirst: Boolean, $after: String) {
  orders(status: $status, oldestFirst: $oldestFirst, first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...AdminOrderRow
    }
  }
}
    fragment AdminOrderRow on Order {
  id
  status
  placedAt
  total {
    formatted
  }
  customer {
    id
    email
  }
}`) as unknown as TypedDocumentString<AdminOrdersQuery, AdminOrdersQueryVariables>;
export const AdminCustomersByEmailDocument = new TypedDocumentString(`
    query AdminCustomersByEmail($email: String!) {
  customers(email: $email, first: 10) {
    id
    email
    firstName
    lastName
    orders(first: 50) {
      totalCount
      nodes {
        ...AdminOrderRow
      }
    }
  }
}
    fragment AdminOrderRow on Order {
  id
  status
  placedAt
  total {
    formatted
  }
  customer {
    id
    email
  }
}`) as unknown as TypedDocumentString<AdminCustomersByEmailQuery, AdminCustomersByEmailQueryVariables>;
export const AdminOverviewDocument = new TypedDocumentString(`
    query AdminOverview {
  placed: orders(status: PLACED, first: 1) {
    totalCount
  }
  confirmed: orders(status: CONFIRMED, first: 1) {
    totalCount
  }
  shipped: orders(status: SHIPPED, first: 1) {
    totalCount
  }
  delivered: orders(status: DELIVERED, first: 1) {
    totalCount
  }
  cancelled: orders(status: CANCELLED, first: 1) {
    totalCount
  }
  closed: orders(status: CLOSED, first: 1) {
    totalCount
  }
  onHold: orders(status: ON_HOLD, first: 1, oldestFirst: true) {
    totalCount
    nodes {
      id
      placedAt
      timeline {
        type
        occurredAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdminOverviewQuery, AdminOverviewQueryVariables>;
export const AdminOverviewAlertsDocument = new TypedDocumentString(`
    query AdminOverviewAlerts {
  alerts(status: OPEN, first: 10) {
    totalCount
    nodes {
      ...AdminAlertRow
    }
  }
}
    fragment AdminAlertRow on Alert {
  id
  kind
  status
  summary
  raisedAt
  escalatedAt
  acknowledgedBy
  resolvedBy
  resolution
  sku
  order {
    id
  }
}`) as unknown as TypedDocumentString<AdminOverviewAlertsQuery, AdminOverviewAlertsQueryVariables>;
export const AdminOverviewAlertsRaisedDocument = new TypedDocumentString(`
    subscription AdminOverviewAlertsRaised {
  alertRaised {
    id
  }
}
    `) as unknown as TypedDocumentString<AdminOverviewAlertsRaisedSubscription, AdminOverviewAlertsRaisedSubscriptionVariables>;
export const AdminOverviewOrderChangesDocument = new TypedDocumentString(`
    subscription AdminOverviewOrderChanges {
  orderUpdated {
    status
    previousStatus
    order {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AdminOverviewOrderChangesSubscription, AdminOverviewOrderChangesSubscriptionVariables>;
export const AdminProductDocument = new TypedDocumentString(`
    query AdminProduct($sku: ID!) {
  categories
  product(sku: $sku) {
    sku
    name
    description
    brand
    category
    tags
    status
    price {
      cents
      formatted
    }
  }
}
    `) as unknown as TypedDocumentString<AdminProductQuery, AdminProductQueryVariables>;
export const AdminCreateProductDocument = new TypedDocumentString(`
    mutation AdminCreateProduct($input: CreateProductInput!) {
  createProduct(input: $input) {
    sku
  }
}
    `) as unknown as TypedDocumentString<AdminCreateProductMutation, AdminCreateProductMutationVariables>;
export const AdminUpdateProductDocument = new TypedDocumentString(`
    mutation AdminUpdateProduct($sku: ID!, $input: UpdateProductInput!) {
  updateProduct(sku: $sku, input: $input) {
    sku
    name
  }
}
    `) as unknown as TypedDocumentString<AdminUpdateProductMutation, AdminUpdateProductMutationVariables>;
export const AdminChangeProductPriceDocument = new TypedDocumentString(`
    mutation AdminChangeProductPrice($sku: ID!, $price: MoneyInput!) {
  changeProductPrice(sku: $sku, price: $price) {
    sku
    price {
      formatted
    }
  }
}
    `) as unknown as TypedDocumentString<AdminChangeProductPriceMutation, AdminChangeProductPriceMutationVariables>;
export const AdminChangeProductStatusDocument = new TypedDocumentString(`
    mutation AdminChangeProductStatus($sku: ID!, $status: ProductStatus!, $reason: String) {
  changeProductStatus(sku: $sku, status: $status, reason: $reason) {
    sku
    status
  }
}
    `) as unknown as TypedDocumentString<AdminChangeProductStatusMutation, AdminChangeProductStatusMutationVariables>;
export const AdminRetryRefundDocument = new TypedDocumentString(`
    mutation AdminRetryRefund($refundId: ID!) {
  retryRefund(refundId: $refundId) {
    id
    status
    failureReason
  }
}
    `) as unknown as TypedDocumentString<AdminRetryRefundMutation, AdminRetryRefundMutationVariables>;
export const AdminRecordManualRefundDocument = new TypedDocumentString(`
    mutation AdminRecordManualRefund($refundId: ID!, $reference: String!) {
  recordManualRefund(refundId: $refundId, reference: $reference) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AdminRecordManualRefundMutation, AdminRecordManualRefundMutationVariables>;
export const AdminShipmentsDocument = new TypedDocumentString(`
    query AdminShipments($status: ShipmentStatus!, $warehouseId: ID, $after: String) {
  warehouses {
    id
    name
  }
  shipments(status: $status, warehouseId: $warehouseId, first: 25, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    totalCount
    nodes {
      id
      status
      createdAt
      dispatchedAt
      carrier
      trackingNumber
      deliveryAttempts
      warehouse {
        id
      }
      order {
        id
      }
      items {
        quantity
        product {
          sku
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdminShipmentsQuery, AdminShipmentsQueryVariables>;
export const AdminDispatchShipmentDocument = new TypedDocumentString(`
    mutation AdminDispatchShipment($shipmentId: ID!, $carrier: String) {
  dispatchShipment(shipmentId: $shipmentId, carrier: $carrier) {
    id
    status
    carrier
    trackingNumber
  }
}
    `) as unknown as TypedDocumentString<AdminDispatchShipmentMutation, AdminDispatchShipmentMutationVariables>;
export const AdminRecordDeliveryAttemptDocument = new TypedDocumentString(`
    mutation AdminRecordDeliveryAttempt($shipmentId: ID!, $delivered: Boolean!, $note: String) {
  recordDeliveryAttempt(
    shipmentId: $shipmentId
    delivered: $delivered
    note: $note
  ) {
    id
    status
    deliveryAttempts
  }
}
    `) as unknown as TypedDocumentString<AdminRecordDeliveryAttemptMutation, AdminRecordDeliveryAttemptMutationVariables>;
export const AdminSignInDocument = new TypedDocumentString(`
    mutation AdminSignIn($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    token
    role
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<AdminSignInMutation, AdminSignInMutationVariables>;