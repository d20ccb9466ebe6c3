/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AdminAlertRow on Alert {\n    id\n    kind\n    status\n    summary\n    raisedAt\n    escalatedAt\n    acknowledgedBy\n    resolvedBy\n    resolution\n    sku\n    order {\n      id\n    }\n  }\n": typeof types.AdminAlertRowFragmentDoc,
    "\n  query AdminAlerts($kind: AlertKind, $status: AlertStatus, $after: String) {\n    alerts(kind: $kind, status: $status, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...AdminAlertRow\n      }\n    }\n  }\n": typeof types.AdminAlertsDocument,
    "\n  mutation AdminAcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.AdminAcknowledgeAlertDocument,
    "\n  mutation AdminResolveAlert($id: ID!, $note: String) {\n    resolveAlert(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n": typeof types.AdminResolveAlertDocument,
    "\n  mutation AdminCancelOrder($orderId: ID!, $reason: String!) {\n    cancelOrder(orderId: $orderId, reason: $reason) {\n      id\n      status\n      cancellationReason\n    }\n  }\n": typeof types.AdminCancelOrderDocument,
    "\n  query AdminProducts($search: String, $status: ProductStatus, $after: String) {\n    products(search: $search, status: $status, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        sku\n        name\n        category\n        status\n        price {\n          formatted\n        }\n        availability {\n          totalAvailable\n        }\n      }\n    }\n  }\n": typeof types.AdminProductsDocument,
    "\n  query AdminCoupons($after: String) {\n    coupons(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        code\n        description\n        percentOff\n        validUntil\n        redemptions\n        maxRedemptions\n        active\n      }\n    }\n  }\n": typeof types.AdminCouponsDocument,
    "\n  mutation AdminCreateCoupon($input: CreateCouponInput!) {\n    createCoupon(input: $input) {\n      code\n    }\n  }\n": typeof types.AdminCreateCouponDocument,
    "\n  mutation AdminDeactivateCoupon($code: ID!) {\n    deactivateCoupon(code: $code) {\n      code\n      active\n    }\n  }\n": typeof types.AdminDeactivateCouponDocument,
    "\n  query AdminDeadLetters($context: String, $after: String) {\n    deadLetters(context: $context, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        context\n        handler\n        subject\n        eventId\n        error\n        attempts\n        failedAt\n        payload\n        replayRequestedAt\n        replayedAt\n      }\n    }\n  }\n": typeof types.AdminDeadLettersDocument,
    "\n  mutation AdminReplayDeadLetter($id: ID!) {\n    replayDeadLetter(id: $id) {\n      id\n      replayRequestedAt\n      replayedAt\n    }\n  }\n": typeof types.AdminReplayDeadLetterDocument,
    "\n  query AdminStockOverview {\n    warehouses {\n      id\n      name\n    }\n    lowStock {\n      sku\n      available\n      reserved\n      warehouse {\n        id\n      }\n    }\n  }\n": typeof types.AdminStockOverviewDocument,
    "\n  query AdminStock($sku: ID!) {\n    product(sku: $sku) {\n      sku\n      name\n      availability {\n        totalAvailable\n        lowStock\n        byWarehouse {\n          warehouse {\n            id\n            name\n          }\n          available\n          reserved\n          committed\n          shipped\n        }\n      }\n    }\n    stockMovements(sku: $sku, first: 20) {\n      id\n      kind\n      occurredAt\n      actor\n      reason\n      reference\n      deltaAvailable\n      warehouse {\n        id\n      }\n    }\n  }\n": typeof types.AdminStockDocument,
    "\n  mutation AdminReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!, $reference: String) {\n    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: $reference) {\n      sku\n      available\n    }\n  }\n": typeof types.AdminReceiveStockDocument,
    "\n  mutation AdminAdjustStock($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {\n      sku\n      available\n    }\n  }\n": typeof types.AdminAdjustStockDocument,
    "\n  mutation AdminApproveReturn($returnId: ID!) {\n    approveReturn(returnId: $returnId) {\n      id\n      status\n    }\n  }\n": typeof types.AdminApproveReturnDocument,
    "\n  mutation AdminRejectReturn($returnId: ID!, $reason: String!) {\n    rejectReturn(returnId: $returnId, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.AdminRejectReturnDocument,
    "\n  mutation AdminReceiveReturn($returnId: ID!, $items: [ReturnInspectionInput!]!) {\n    receiveReturn(returnId: $returnId, items: $items) {\n      id\n      status\n    }\n  }\n": typeof types.AdminReceiveReturnDocument,
    "\n  query AdminOrder($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      placedAt\n      cancellationReason\n      customer {\n        id\n        email\n        firstName\n        lastName\n      }\n      items {\n        product {\n          sku\n          name\n        }\n        quantity\n        unitPrice {\n          formatted\n        }\n        lineTotal {\n          formatted\n        }\n      }\n      shippingAddress {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      shippingMethod\n      subtotal {\n        formatted\n      }\n      shippingCost {\n        formatted\n      }\n      total {\n        formatted\n      }\n      timeline {\n        type\n        occurredAt\n        detail\n      }\n      payment {\n        id\n        status\n        amount {\n          formatted\n        }\n        captured {\n          formatted\n        }\n        refunded {\n          formatted\n        }\n        failureReason\n        attempts\n        attemptLog {\n          operation\n          attempt\n          succeeded\n          failureKind\n          failureMessage\n          startedAt\n        }\n        refunds {\n          id\n          amount {\n            formatted\n          }\n          reason\n          status\n          createdAt\n          completedAt\n          failureReason\n        }\n      }\n      shipments {\n        id\n        status\n        carrier\n        trackingNumber\n        deliveryAttempts\n        dispatchedAt\n        deliveredAt\n        warehouse {\n          id\n          name\n        }\n        timeline {\n          type\n          occurredAt\n          detail\n        }\n      }\n      notifications {\n        id\n        kind\n        to\n        subject\n        status\n        attempts\n        sentAt\n      }\n      returns {\n        id\n        status\n        requestedAt\n        comment\n        rejectionReason\n        refundAmount {\n          formatted\n        }\n        restockingFee {\n          formatted\n        }\n        refundStatus\n        refundFailureReason\n        label {\n          carrier\n          trackingNumber\n          labelUrl\n        }\n        items {\n          product {\n            sku\n          }\n          quantity\n          reason\n          acceptedQuantity\n          unitPrice {\n            formatted\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminOrderDocument,
    "\n  fragment AdminOrderRow on Order {\n    id\n    status\n    placedAt\n    total {\n      formatted\n    }\n    customer {\n      id\n      email\n    }\n  }\n": typeof types.AdminOrderRowFragmentDoc,
    "\n  query AdminOrders($status: OrderStatus, $oldestFirst: Boolean, $after: String) {\n    orders(status: $status, oldestFirst: $oldestFirst, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...AdminOrderRow\n      }\n    }\n  }\n": typeof types.AdminOrdersDocument,
    "\n  query AdminCustomersByEmail($email: String!) {\n    customers(email: $email, first: 10) {\n      id\n      email\n      firstName\n      lastName\n      orders(first: 50) {\n        totalCount\n        nodes {\n          ...AdminOrderRow\n        }\n      }\n    }\n  }\n": typeof types.AdminCustomersByEmailDocument,
    "\n  query AdminOverview {\n    placed: orders(status: PLACED, first: 1) {\n      totalCount\n    }\n    confirmed: orders(status: CONFIRMED, first: 1) {\n      totalCount\n    }\n    shipped: orders(status: SHIPPED, first: 1) {\n      totalCount\n    }\n    delivered: orders(status: DELIVERED, first: 1) {\n      totalCount\n    }\n    cancelled: orders(status: CANCELLED, first: 1) {\n      totalCount\n    }\n    closed: orders(status: CLOSED, first: 1) {\n      totalCount\n    }\n    onHold: orders(status: ON_HOLD, first: 1, oldestFirst: true) {\n      totalCount\n      nodes {\n        id\n        placedAt\n        timeline {\n          type\n          occurredAt\n        }\n      }\n    }\n  }\n": typeof types.AdminOverviewDocument,
    "\n  query AdminOverviewAlerts {\n    alerts(status: OPEN, first: 10) {\n      totalCount\n      nodes {\n        ...AdminAlertRow\n      }\n    }\n  }\n": typeof types.AdminOverviewAlertsDocument,
    "\n  subscription AdminOverviewAlertsRaised {\n    alertRaised {\n      id\n    }\n  }\n": typeof types.AdminOverviewAlertsRaisedDocument,
    "\n  subscription AdminOverviewOrderChanges {\n    orderUpdated {\n      status\n      previousStatus\n      order {\n        id\n      }\n    }\n  }\n": typeof types.AdminOverviewOrderChangesDocument,
    "\n  query AdminProduct($sku: ID!) {\n    categories\n    product(sku: $sku) {\n      sku\n      name\n      description\n      brand\n      category\n      tags\n      status\n      price {\n        cents\n        formatted\n      }\n    }\n  }\n": typeof types.AdminProductDocument,
    "\n  mutation AdminCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n": typeof types.AdminCreateProductDocument,
    "\n  mutation AdminUpdateProduct($sku: ID!, $input: UpdateProductInput!) {\n    updateProduct(sku: $sku, input: $input) {\n      sku\n      name\n    }\n  }\n": typeof types.AdminUpdateProductDocument,
    "\n  mutation AdminChangeProductPrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      sku\n      price {\n        formatted\n      }\n    }\n  }\n": typeof types.AdminChangeProductPriceDocument,
    "\n  mutation AdminChangeProductStatus($sku: ID!, $status: ProductStatus!, $reason: String) {\n    changeProductStatus(sku: $sku, status: $status, reason: $reason) {\n      sku\n      status\n    }\n  }\n": typeof types.AdminChangeProductStatusDocument,
    "\n  mutation AdminRetryRefund($refundId: ID!) {\n    retryRefund(refundId: $refundId) {\n      id\n      status\n      failureReason\n    }\n  }\n": typeof types.AdminRetryRefundDocument,
    "\n  mutation AdminRecordManualRefund($refundId: ID!, $reference: String!) {\n    recordManualRefund(refundId: $refundId, reference: $reference) {\n      id\n      status\n    }\n  }\n": typeof types.AdminRecordManualRefundDocument,
    "\n  query AdminShipments($status: ShipmentStatus!, $warehouseId: ID, $after: String) {\n    warehouses {\n      id\n      name\n    }\n    shipments(status: $status, warehouseId: $warehouseId, first: 25, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n      nodes {\n        id\n        status\n        createdAt\n        dispatchedAt\n        carrier\n        trackingNumber\n        deliveryAttempts\n        warehouse {\n          id\n        }\n        order {\n          id\n        }\n        items {\n          quantity\n          product {\n            sku\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminShipmentsDocument,
    "\n  mutation AdminDispatchShipment($shipmentId: ID!, $carrier: String) {\n    dispatchShipment(shipmentId: $shipmentId, carrier: $carrier) {\n      id\n      status\n      carrier\n      trackingNumber\n    }\n  }\n": typeof types.AdminDispatchShipmentDocument,
    "\n  mutation AdminRecordDeliveryAttempt($shipmentId: ID!, $delivered: Boolean!, $note: String) {\n    recordDeliveryAttempt(shipmentId: $shipmentId, delivered: $delivered, note: $note) {\n      id\n      status\n      deliveryAttempts\n    }\n  }\n": typeof types.AdminRecordDeliveryAttemptDocument,
    "\n  mutation AdminSignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      role\n      expiresAt\n    }\n  }\n": typeof types.AdminSignInDocument,
};
const documents: Documents = {
    "\n  fragment AdminAlertRow on Alert {\n    id\n    kind\n    status\n    summary\n    raisedAt\n    escalatedAt\n    acknowledgedBy\n    resolvedBy\n    resolution\n    sku\n    order {\n      id\n    }\n  }\n": types.AdminAlertRowFragmentDoc,
    "\n  query AdminAlerts($kind: AlertKind, $status: AlertStatus, $after: String) {\n    alerts(kind: $kind, status: $status, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...AdminAlertRow\n      }\n    }\n  }\n": types.AdminAlertsDocument,
    "\n  mutation AdminAcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      status\n    }\n  }\n": types.AdminAcknowledgeAlertDocument,
    "\n  mutation AdminResolveAlert($id: ID!, $note: String) {\n    resolveAlert(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n": types.AdminResolveAlertDocument,
    "\n  mutation AdminCancelOrder($orderId: ID!, $reason: String!) {\n    cancelOrder(orderId: $orderId, reason: $reason) {\n      id\n      status\n      cancellationReason\n    }\n  }\n": types.AdminCancelOrderDocument,
    "\n  query AdminProducts($search: String, $status: ProductStatus, $after: String) {\n    products(search: $search, status: $status, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        sku\n        name\n        category\n        status\n        price {\n          formatted\n        }\n        availability {\n          totalAvailable\n        }\n      }\n    }\n  }\n": types.AdminProductsDocument,
    "\n  query AdminCoupons($after: String) {\n    coupons(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        code\n        description\n        percentOff\n        validUntil\n        redemptions\n        maxRedemptions\n        active\n      }\n    }\n  }\n": types.AdminCouponsDocument,
    "\n  mutation AdminCreateCoupon($input: CreateCouponInput!) {\n    createCoupon(input: $input) {\n      code\n    }\n  }\n": types.AdminCreateCouponDocument,
    "\n  mutation AdminDeactivateCoupon($code: ID!) {\n    deactivateCoupon(code: $code) {\n      code\n      active\n    }\n  }\n": types.AdminDeactivateCouponDocument,
    "\n  query AdminDeadLetters($context: String, $after: String) {\n    deadLetters(context: $context, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        context\n        handler\n        subject\n        eventId\n        error\n        attempts\n        failedAt\n        payload\n        replayRequestedAt\n        replayedAt\n      }\n    }\n  }\n": types.AdminDeadLettersDocument,
    "\n  mutation AdminReplayDeadLetter($id: ID!) {\n    replayDeadLetter(id: $id) {\n      id\n      replayRequestedAt\n      replayedAt\n    }\n  }\n": types.AdminReplayDeadLetterDocument,
    "\n  query AdminStockOverview {\n    warehouses {\n      id\n      name\n    }\n    lowStock {\n      sku\n      available\n      reserved\n      warehouse {\n        id\n      }\n    }\n  }\n": types.AdminStockOverviewDocument,
    "\n  query AdminStock($sku: ID!) {\n    product(sku: $sku) {\n      sku\n      name\n      availability {\n        totalAvailable\n        lowStock\n        byWarehouse {\n          warehouse {\n            id\n            name\n          }\n          available\n          reserved\n          committed\n          shipped\n        }\n      }\n    }\n    stockMovements(sku: $sku, first: 20) {\n      id\n      kind\n      occurredAt\n      actor\n      reason\n      reference\n      deltaAvailable\n      warehouse {\n        id\n      }\n    }\n  }\n": types.AdminStockDocument,
    "\n  mutation AdminReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!, $reference: String) {\n    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: $reference) {\n      sku\n      available\n    }\n  }\n": types.AdminReceiveStockDocument,
    "\n  mutation AdminAdjustStock($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {\n      sku\n      available\n    }\n  }\n": types.AdminAdjustStockDocument,
    "\n  mutation AdminApproveReturn($returnId: ID!) {\n    approveReturn(returnId: $returnId) {\n      id\n      status\n    }\n  }\n": types.AdminApproveReturnDocument,
    "\n  mutation AdminRejectReturn($returnId: ID!, $reason: String!) {\n    rejectReturn(returnId: $returnId, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.AdminRejectReturnDocument,
    "\n  mutation AdminReceiveReturn($returnId: ID!, $items: [ReturnInspectionInput!]!) {\n    receiveReturn(returnId: $returnId, items: $items) {\n      id\n      status\n    }\n  }\n": types.AdminReceiveReturnDocument,
    "\n  query AdminOrder($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      placedAt\n      cancellationReason\n      customer {\n        id\n        email\n        firstName\n        lastName\n      }\n      items {\n        product {\n          sku\n          name\n        }\n        quantity\n        unitPrice {\n          formatted\n        }\n        lineTotal {\n          formatted\n        }\n      }\n      shippingAddress {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      shippingMethod\n      subtotal {\n        formatted\n      }\n      shippingCost {\n        formatted\n      }\n      total {\n        formatted\n      }\n      timeline {\n        type\n        occurredAt\n        detail\n      }\n      payment {\n        id\n        status\n        amount {\n          formatted\n        }\n        captured {\n          formatted\n        }\n        refunded {\n          formatted\n        }\n        failureReason\n        attempts\n        attemptLog {\n          operation\n          attempt\n          succeeded\n          failureKind\n          failureMessage\n          startedAt\n        }\n        refunds {\n          id\n          amount {\n            formatted\n          }\n          reason\n          status\n          createdAt\n          completedAt\n          failureReason\n        }\n      }\n      shipments {\n        id\n        status\n        carrier\n        trackingNumber\n        deliveryAttempts\n        dispatchedAt\n        deliveredAt\n        warehouse {\n          id\n          name\n        }\n        timeline {\n          type\n          occurredAt\n          detail\n        }\n      }\n      notifications {\n        id\n        kind\n        to\n        subject\n        status\n        attempts\n        sentAt\n      }\n      returns {\n        id\n        status\n        requestedAt\n        comment\n        rejectionReason\n        refundAmount {\n          formatted\n        }\n        restockingFee {\n          formatted\n        }\n        refundStatus\n        refundFailureReason\n        label {\n          carrier\n          trackingNumber\n          labelUrl\n        }\n        items {\n          product {\n            sku\n          }\n          quantity\n          reason\n          acceptedQuantity\n          unitPrice {\n            formatted\n          }\n        }\n      }\n    }\n  }\n": types.AdminOrderDocument,
    "\n  fragment AdminOrderRow on Order {\n    id\n    status\n    placedAt\n    total {\n      formatted\n    }\n    customer {\n      id\n      email\n    }\n  }\n": types.AdminOrderRowFragmentDoc,
    "\n  query AdminOrders($status: OrderStatus, $oldestFirst: Boolean, $after: String) {\n    orders(status: $status, oldestFirst: $oldestFirst, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...AdminOrderRow\n      }\n    }\n  }\n": types.AdminOrdersDocument,
    "\n  query AdminCustomersByEmail($email: String!) {\n    customers(email: $email, first: 10) {\n      id\n      email\n      firstName\n      lastName\n      orders(first: 50) {\n        totalCount\n        nodes {\n          ...AdminOrderRow\n        }\n      }\n    }\n  }\n": types.AdminCustomersByEmailDocument,
    "\n  query AdminOverview {\n    placed: orders(status: PLACED, first: 1) {\n      totalCount\n    }\n    confirmed: orders(status: CONFIRMED, first: 1) {\n      totalCount\n    }\n    shipped: orders(status: SHIPPED, first: 1) {\n      totalCount\n    }\n    delivered: orders(status: DELIVERED, first: 1) {\n      totalCount\n    }\n    cancelled: orders(status: CANCELLED, first: 1) {\n      totalCount\n    }\n    closed: orders(status: CLOSED, first: 1) {\n      totalCount\n    }\n    onHold: orders(status: ON_HOLD, first: 1, oldestFirst: true) {\n      totalCount\n      nodes {\n        id\n        placedAt\n        timeline {\n          type\n          occurredAt\n        }\n      }\n    }\n  }\n": types.AdminOverviewDocument,
    "\n  query AdminOverviewAlerts {\n    alerts(status: OPEN, first: 10) {\n      totalCount\n      nodes {\n        ...AdminAlertRow\n      }\n    }\n  }\n": types.AdminOverviewAlertsDocument,
    "\n  subscription AdminOverviewAlertsRaised {\n    alertRaised {\n      id\n    }\n  }\n": types.AdminOverviewAlertsRaisedDocument,
    "\n  subscription AdminOverviewOrderChanges {\n    orderUpdated {\n      status\n      previousStatus\n      order {\n        id\n      }\n    }\n  }\n": types.AdminOverviewOrderChangesDocument,
    "\n  query AdminProduct($sku: ID!) {\n    categories\n    product(sku: $sku) {\n      sku\n      name\n      description\n      brand\n      category\n      tags\n      status\n      price {\n        cents\n        formatted\n      }\n    }\n  }\n": types.AdminProductDocument,
    "\n  mutation AdminCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n": types.AdminCreateProductDocument,
    "\n  mutation AdminUpdateProduct($sku: ID!, $input: UpdateProductInput!) {\n    updateProduct(sku: $sku, input: $input) {\n      sku\n      name\n    }\n  }\n": types.AdminUpdateProductDocument,
    "\n  mutation AdminChangeProductPrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      sku\n      price {\n        formatted\n      }\n    }\n  }\n": types.AdminChangeProductPriceDocument,
    "\n  mutation AdminChangeProductStatus($sku: ID!, $status: ProductStatus!, $reason: String) {\n    changeProductStatus(sku: $sku, status: $status, reason: $reason) {\n      sku\n      status\n    }\n  }\n": types.AdminChangeProductStatusDocument,
    "\n  mutation AdminRetryRefund($refundId: ID!) {\n    retryRefund(refundId: $refundId) {\n      id\n      status\n      failureReason\n    }\n  }\n": types.AdminRetryRefundDocument,
    "\n  mutation AdminRecordManualRefund($refundId: ID!, $reference: String!) {\n    recordManualRefund(refundId: $refundId, reference: $reference) {\n      id\n      status\n    }\n  }\n": types.AdminRecordManualRefundDocument,
    "\n  query AdminShipments($status: ShipmentStatus!, $warehouseId: ID, $after: String) {\n    warehouses {\n      id\n      name\n    }\n    shipments(status: $status, warehouseId: $warehouseId, first: 25, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n      nodes {\n        id\n        status\n        createdAt\n        dispatchedAt\n        carrier\n        trackingNumber\n        deliveryAttempts\n        warehouse {\n          id\n        }\n        order {\n          id\n        }\n        items {\n          quantity\n          product {\n            sku\n          }\n        }\n      }\n    }\n  }\n": types.AdminShipmentsDocument,
    "\n  mutation AdminDispatchShipment($shipmentId: ID!, $carrier: String) {\n    dispatchShipment(shipmentId: $shipmentId, carrier: $carrier) {\n      id\n      status\n      carrier\n      trackingNumber\n    }\n  }\n": types.AdminDispatchShipmentDocument,
    "\n  mutation AdminRecordDeliveryAttempt($shipmentId: ID!, $delivered: Boolean!, $note: String) {\n    recordDeliveryAttempt(shipmentId: $shipmentId, delivered: $delivered, note: $note) {\n      id\n      status\n      deliveryAttempts\n    }\n  }\n": types.AdminRecordDeliveryAttemptDocument,
    "\n  mutation AdminSignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      role\n      expiresAt\n    }\n  }\n": types.AdminSignInDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminAlertRow on Alert {\n    id\n    kind\n    status\n    summary\n    raisedAt\n    escalatedAt\n    acknowledgedBy\n    resolvedBy\n    resolution\n    sku\n    order {\n      id\n    }\n  }\n"): typeof import('./graphql').AdminAlertRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAlerts($kind: AlertKind, $status: AlertStatus, $after: String) {\n    alerts(kind: $kind, status: $status, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...AdminAlertRow\n      }\n    }\n  }\n"): typeof import('./graphql').AdminAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').AdminAcknowledgeAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminResolveAlert($id: ID!, $note: String) {\n    resolveAlert(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').AdminResolveAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCancelOrder($orderId: ID!, $reason: String!) {\n    cancelOrder(orderId: $orderId, reason: $reason) {\n      id\n      status\n      cancellationReason\n    }\n  }\n"): typeof import('./graphql').AdminCancelOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminProducts($search: String, $status: ProductStatus, $after: String) {\n    products(search: $search, status: $status, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        sku\n        name\n        category\n        status\n        price {\n          formatted\n        }\n        availability {\n          totalAvailable\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AdminProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCoupons($after: String) {\n    coupons(first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        code\n        description\n        percentOff\n        validUntil\n        redemptions\n        maxRedemptions\n        active\n      }\n    }\n  }\n"): typeof import('./graphql').AdminCouponsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateCoupon($input: CreateCouponInput!) {\n    createCoupon(input: $input) {\n      code\n    }\n  }\n"): typeof import('./graphql').AdminCreateCouponDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeactivateCoupon($code: ID!) {\n    deactivateCoupon(code: $code) {\n      code\n      active\n    }\n  }\n"): typeof import('./graphql').AdminDeactivateCouponDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDeadLetters($context: String, $after: String) {\n    deadLetters(context: $context, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        context\n        handler\n        subject\n        eventId\n        error\n        attempts\n        failedAt\n        payload\n        replayRequestedAt\n        replayedAt\n      }\n    }\n  }\n"): typeof import('./graphql').AdminDeadLettersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReplayDeadLetter($id: ID!) {\n    replayDeadLetter(id: $id) {\n      id\n      replayRequestedAt\n      replayedAt\n    }\n  }\n"): typeof import('./graphql').AdminReplayDeadLetterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStockOverview {\n    warehouses {\n      id\n      name\n    }\n    lowStock {\n      sku\n      available\n      reserved\n      warehouse {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').AdminStockOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStock($sku: ID!) {\n    product(sku: $sku) {\n      sku\n      name\n      availability {\n        totalAvailable\n        lowStock\n        byWarehouse {\n          warehouse {\n            id\n            name\n          }\n          available\n          reserved\n          committed\n          shipped\n        }\n      }\n    }\n    stockMovements(sku: $sku, first: 20) {\n      id\n      kind\n      occurredAt\n      actor\n      reason\n      reference\n      deltaAvailable\n      warehouse {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').AdminStockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!, $reference: String) {\n    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: $reference) {\n      sku\n      available\n    }\n  }\n"): typeof import('./graphql').AdminReceiveStockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAdjustStock($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {\n      sku\n      available\n    }\n  }\n"): typeof import('./graphql').AdminAdjustStockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminApproveReturn($returnId: ID!) {\n    approveReturn(returnId: $returnId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').AdminApproveReturnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRejectReturn($returnId: ID!, $reason: String!) {\n    rejectReturn(returnId: $returnId, reason: $reason) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').AdminRejectReturnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReceiveReturn($returnId: ID!, $items: [ReturnInspectionInput!]!) {\n    receiveReturn(returnId: $returnId, items: $items) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').AdminReceiveReturnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrder($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      placedAt\n      cancellationReason\n      customer {\n        id\n        email\n        firstName\n        lastName\n      }\n      items {\n        product {\n          sku\n          name\n        }\n        quantity\n        unitPrice {\n          formatted\n        }\n        lineTotal {\n          formatted\n        }\n      }\n      shippingAddress {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      shippingMethod\n      subtotal {\n        formatted\n      }\n      shippingCost {\n        formatted\n      }\n      total {\n        formatted\n      }\n      timeline {\n        type\n        occurredAt\n        detail\n      }\n      payment {\n        id\n        status\n        amount {\n          formatted\n        }\n        captured {\n          formatted\n        }\n        refunded {\n          formatted\n        }\n        failureReason\n        attempts\n        attemptLog {\n          operation\n          attempt\n          succeeded\n          failureKind\n          failureMessage\n          startedAt\n        }\n        refunds {\n          id\n          amount {\n            formatted\n          }\n          reason\n          status\n          createdAt\n          completedAt\n          failureReason\n        }\n      }\n      shipments {\n        id\n        status\n        carrier\n        trackingNumber\n        deliveryAttempts\n        dispatchedAt\n        deliveredAt\n        warehouse {\n          id\n          name\n        }\n        timeline {\n          type\n          occurredAt\n          detail\n        }\n      }\n      notifications {\n        id\n        kind\n        to\n        subject\n        status\n        attempts\n        sentAt\n      }\n      returns {\n        id\n        status\n        requestedAt\n        comment\n        rejectionReason\n        refundAmount {\n          formatted\n        }\n        restockingFee {\n          formatted\n        }\n        refundStatus\n        refundFailureReason\n        label {\n          carrier\n          trackingNumber\n          labelUrl\n        }\n        items {\n          product {\n            sku\n          }\n          quantity\n          reason\n          acceptedQuantity\n          unitPrice {\n            formatted\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AdminOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminOrderRow on Order {\n    id\n    status\n    placedAt\n    total {\n      formatted\n    }\n    customer {\n      id\n      email\n    }\n  }\n"): typeof import('./graphql').AdminOrderRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOrders($status: OrderStatus, $oldestFirst: Boolean, $after: String) {\n    orders(status: $status, oldestFirst: $oldestFirst, first: 50, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...AdminOrderRow\n      }\n    }\n  }\n"): typeof import('./graphql').AdminOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCustomersByEmail($email: String!) {\n    customers(email: $email, first: 10) {\n      id\n      email\n      firstName\n      lastName\n      orders(first: 50) {\n        totalCount\n        nodes {\n          ...AdminOrderRow\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AdminCustomersByEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOverview {\n    placed: orders(status: PLACED, first: 1) {\n      totalCount\n    }\n    confirmed: orders(status: CONFIRMED, first: 1) {\n      totalCount\n    }\n    shipped: orders(status: SHIPPED, first: 1) {\n      totalCount\n    }\n    delivered: orders(status: DELIVERED, first: 1) {\n      totalCount\n    }\n    cancelled: orders(status: CANCELLED, first: 1) {\n      totalCount\n    }\n    closed: orders(status: CLOSED, first: 1) {\n      totalCount\n    }\n    onHold: orders(status: ON_HOLD, first: 1, oldestFirst: true) {\n      totalCount\n      nodes {\n        id\n        placedAt\n        timeline {\n          type\n          occurredAt\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AdminOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOverviewAlerts {\n    alerts(status: OPEN, first: 10) {\n      totalCount\n      nodes {\n        ...AdminAlertRow\n      }\n    }\n  }\n"): typeof import('./graphql').AdminOverviewAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminOverviewAlertsRaised {\n    alertRaised {\n      id\n    }\n  }\n"): typeof import('./graphql').AdminOverviewAlertsRaisedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminOverviewOrderChanges {\n    orderUpdated {\n      status\n      previousStatus\n      order {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').AdminOverviewOrderChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminProduct($sku: ID!) {\n    categories\n    product(sku: $sku) {\n      sku\n      name\n      description\n      brand\n      category\n      tags\n      status\n      price {\n        cents\n        formatted\n      }\n    }\n  }\n"): typeof import('./graphql').AdminProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n"): typeof import('./graphql').AdminCreateProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateProduct($sku: ID!, $input: UpdateProductInput!) {\n    updateProduct(sku: $sku, input: $input) {\n      sku\n      name\n    }\n  }\n"): typeof import('./graphql').AdminUpdateProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminChangeProductPrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      sku\n      price {\n        formatted\n      }\n    }\n  }\n"): typeof import('./graphql').AdminChangeProductPriceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminChangeProductStatus($sku: ID!, $status: ProductStatus!, $reason: String) {\n    changeProductStatus(sku: $sku, status: $status, reason: $reason) {\n      sku\n      status\n    }\n  }\n"): typeof import('./graphql').AdminChangeProductStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRetryRefund($refundId: ID!) {\n    retryRefund(refundId: $refundId) {\n      id\n      status\n      failureReason\n    }\n  }\n"): typeof import('./graphql').AdminRetryRefundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRecordManualRefund($refundId: ID!, $reference: String!) {\n    recordManualRefund(refundId: $refundId, reference: $reference) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').AdminRecordManualRefundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminShipments($status: ShipmentStatus!, $warehouseId: ID, $after: String) {\n    warehouses {\n      id\n      name\n    }\n    shipments(status: $status, warehouseId: $warehouseId, first: 25, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n      nodes {\n        id\n        status\n        createdAt\n        dispatchedAt\n        carrier\n        trackingNumber\n        deliveryAttempts\n        warehouse {\n          id\n        }\n        order {\n          id\n        }\n        items {\n          quantity\n          product {\n            sku\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AdminShipmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDispatchShipment($shipmentId: ID!, $carrier: String) {\n    dispatchShipment(shipmentId: $shipmentId, carrier: $carrier) {\n      id\n      status\n      carrier\n      trackingNumber\n    }\n  }\n"): typeof import('./graphql').AdminDispatchShipmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRecordDeliveryAttempt($shipmentId: ID!, $delivered: Boolean!, $note: String) {\n    recordDeliveryAttempt(shipmentId: $shipmentId, delivered: $delivered, note: $note) {\n      id\n      status\n      deliveryAttempts\n    }\n  }\n"): typeof import('./graphql').AdminRecordDeliveryAttemptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      role\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').AdminSignInDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
