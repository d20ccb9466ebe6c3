/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "\n  query AdminTestOrderStatus($id: ID!) {\n    order(id: $id) {\n      status\n      cancellationReason\n      shipments {\n        id\n        status\n      }\n    }\n  }\n": typeof types.AdminTestOrderStatusDocument,
    "\n  query AdminTestDeadLetters {\n    deadLetters(context: \"fulfillment\", first: 100) {\n      nodes {\n        id\n        eventId\n      }\n    }\n  }\n": typeof types.AdminTestDeadLettersDocument,
    "\n  query CartTestCartProducts($id: ID!) {\n    cart(id: $id) {\n      items {\n        product {\n          sku\n          name\n          price {\n            cents\n          }\n        }\n      }\n    }\n  }\n": typeof types.CartTestCartProductsDocument,
    "\n  query CartTestCartCustomer($id: ID!) {\n    cart(id: $id) {\n      customer {\n        id\n        email\n      }\n      items {\n        quantity\n        product {\n          sku\n          name\n        }\n      }\n    }\n  }\n": typeof types.CartTestCartCustomerDocument,
    "\n  mutation CartTestReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!) {\n    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: \"cart test\") {\n      available\n    }\n  }\n": typeof types.CartTestReceiveStockDocument,
    "\n  fragment CartTestCart on Cart {\n    id\n    status\n    itemCount\n    subtotal {\n      cents\n      currency\n      formatted\n    }\n    expiresAt\n    updatedAt\n    customer {\n      id\n    }\n    items {\n      quantity\n      unitPrice {\n        cents\n        currency\n      }\n      lineTotal {\n        cents\n      }\n      product {\n        sku\n      }\n    }\n  }\n": typeof types.CartTestCartFragmentDoc,
    "\n  mutation CartTestCreateCart {\n    createCart {\n      ...CartTestCart\n    }\n  }\n  \n": typeof types.CartTestCreateCartDocument,
    "\n  query CartTestCart($id: ID!) {\n    cart(id: $id) {\n      ...CartTestCart\n    }\n  }\n  \n": typeof types.CartTestCartDocument,
    "\n  query CartTestMyCart {\n    myCart {\n      ...CartTestCart\n    }\n  }\n  \n": typeof types.CartTestMyCartDocument,
    "\n  mutation CartTestAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        ...CartTestCart\n      }\n      warnings {\n        sku\n        code\n        message\n      }\n    }\n  }\n  \n": typeof types.CartTestAddItemDocument,
    "\n  mutation CartTestChangeQuantity($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    changeCartItemQuantity(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        ...CartTestCart\n      }\n      warnings {\n        sku\n        code\n      }\n    }\n  }\n  \n": typeof types.CartTestChangeQuantityDocument,
    "\n  mutation CartTestRemoveItem($cartId: ID!, $sku: ID!) {\n    removeCartItem(cartId: $cartId, sku: $sku) {\n      cart {\n        ...CartTestCart\n      }\n      warnings {\n        sku\n        code\n      }\n    }\n  }\n  \n": typeof types.CartTestRemoveItemDocument,
    "\n  mutation CartTestClearCart($cartId: ID!) {\n    clearCart(cartId: $cartId) {\n      ...CartTestCart\n    }\n  }\n  \n": typeof types.CartTestClearCartDocument,
    "\n  mutation CartTestMergeCart($guestToken: String!) {\n    mergeCart(guestToken: $guestToken) {\n      ...CartTestCart\n    }\n  }\n  \n": typeof types.CartTestMergeCartDocument,
    "\n  mutation CartTestCheckoutCart($cartId: ID!) {\n    checkoutCart(cartId: $cartId) {\n      id\n    }\n  }\n": typeof types.CartTestCheckoutCartDocument,
    "\n  mutation CartTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n": typeof types.CartTestCreateProductDocument,
    "\n  mutation CartTestChangeProductPrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      sku\n    }\n  }\n": typeof types.CartTestChangeProductPriceDocument,
    "\n  mutation CartTestChangeProductStatus($sku: ID!, $status: ProductStatus!) {\n    changeProductStatus(sku: $sku, status: $status) {\n      sku\n    }\n  }\n": typeof types.CartTestChangeProductStatusDocument,
    "\n  mutation CartTestStartGuestSession {\n    startGuestSession {\n      token\n    }\n  }\n": typeof types.CartTestStartGuestSessionDocument,
    "\n  mutation CartTestRegisterCustomer($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      token\n      customer {\n        id\n      }\n    }\n  }\n": typeof types.CartTestRegisterCustomerDocument,
    "\n  mutation CartTestLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      customer {\n        id\n      }\n    }\n  }\n": typeof types.CartTestLoginDocument,
    "\n  mutation CatalogListingCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": typeof types.CatalogListingCreateProductDocument,
    "\n  mutation CatalogListingUpdateProduct($sku: ID!, $input: UpdateProductInput!) {\n    updateProduct(sku: $sku, input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": typeof types.CatalogListingUpdateProductDocument,
    "\n  mutation CatalogListingChangeProductStatus($sku: ID!, $status: ProductStatus!) {\n    changeProductStatus(sku: $sku, status: $status) {\n      sku\n      status\n    }\n  }\n": typeof types.CatalogListingChangeProductStatusDocument,
    "\n  query CatalogListingProduct($sku: ID!) {\n    product(sku: $sku) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": typeof types.CatalogListingProductDocument,
    "\n  query CatalogListingCategories {\n    categories\n  }\n": typeof types.CatalogListingCategoriesDocument,
    "\n  mutation CatalogTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": typeof types.CatalogTestCreateProductDocument,
    "\n  mutation CatalogTestUpdateProduct($sku: ID!, $input: UpdateProductInput!) {\n    updateProduct(sku: $sku, input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": typeof types.CatalogTestUpdateProductDocument,
    "\n  mutation CatalogTestChangeProductPrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": typeof types.CatalogTestChangeProductPriceDocument,
    "\n  mutation CatalogTestChangeProductStatus($sku: ID!, $status: ProductStatus!, $reason: String) {\n    changeProductStatus(sku: $sku, status: $status, reason: $reason) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": typeof types.CatalogTestChangeProductStatusDocument,
    "\n  query CatalogTestProduct($sku: ID!) {\n    product(sku: $sku) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": typeof types.CatalogTestProductDocument,
    "\n  mutation CatalogSearchCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": typeof types.CatalogSearchCreateProductDocument,
    "\n  mutation CatalogSearchChangeProductStatus($sku: ID!, $status: ProductStatus!) {\n    changeProductStatus(sku: $sku, status: $status) {\n      sku\n      status\n    }\n  }\n": typeof types.CatalogSearchChangeProductStatusDocument,
    "\n  fragment CatalogTestProduct on Product {\n    sku\n    name\n    description\n    category\n    brand\n    tags\n    images {\n      url\n      altText\n    }\n    price {\n      cents\n      currency\n      formatted\n    }\n    status\n  }\n": typeof types.CatalogTestProductFragmentDoc,
    "\n  query CatalogTestProductsPage($search: String, $category: String, $status: ProductStatus, $first: Int, $after: String) {\n    products(search: $search, category: $category, status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...CatalogTestProduct\n      }\n    }\n  }\n  \n": typeof types.CatalogTestProductsPageDocument,
    "\n  mutation CustomersTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n": typeof types.CustomersTestCreateProductDocument,
    "\n  query CustomersTestBrowseProducts($search: String, $sku: ID!) {\n    products(search: $search, first: 5) {\n      totalCount\n      nodes {\n        sku\n        name\n        price {\n          formatted\n        }\n      }\n    }\n    product(sku: $sku) {\n      sku\n      name\n    }\n  }\n": typeof types.CustomersTestBrowseProductsDocument,
    "\n  query CustomersTestSearch($email: String!, $first: Int) {\n    customers(email: $email, first: $first) {\n      id\n      email\n      firstName\n    }\n  }\n": typeof types.CustomersTestSearchDocument,
    "\n  fragment CustomersTestAddress on Address {\n    id\n    nickname\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n    isDefault\n    verification\n  }\n": typeof types.CustomersTestAddressFragmentDoc,
    "\n  fragment CustomersTestSession on Session {\n    token\n    expiresAt\n    role\n    customer {\n      id\n      email\n      firstName\n      lastName\n    }\n  }\n": typeof types.CustomersTestSessionFragmentDoc,
    "\n  mutation CustomersTestRegister($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      ...CustomersTestSession\n    }\n  }\n  \n": typeof types.CustomersTestRegisterDocument,
    "\n  mutation CustomersTestLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...CustomersTestSession\n    }\n  }\n  \n": typeof types.CustomersTestLoginDocument,
    "\n  mutation CustomersTestStartGuestSession {\n    startGuestSession {\n      ...CustomersTestSession\n    }\n  }\n  \n": typeof types.CustomersTestStartGuestSessionDocument,
    "\n  query CustomersTestMe {\n    me {\n      id\n      email\n      firstName\n      lastName\n      addresses {\n        ...CustomersTestAddress\n      }\n    }\n  }\n  \n": typeof types.CustomersTestMeDocument,
    "\n  query CustomersTestCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      email\n      firstName\n      lastName\n      addresses {\n        ...CustomersTestAddress\n      }\n    }\n  }\n  \n": typeof types.CustomersTestCustomerDocument,
    "\n  mutation CustomersTestAddAddress($input: AddressInput!) {\n    addAddress(input: $input) {\n      ...CustomersTestAddress\n    }\n  }\n  \n": typeof types.CustomersTestAddAddressDocument,
    "\n  mutation CustomersTestUpdateAddress($id: ID!, $input: AddressInput!) {\n    updateAddress(id: $id, input: $input) {\n      ...CustomersTestAddress\n    }\n  }\n  \n": typeof types.CustomersTestUpdateAddressDocument,
    "\n  mutation CustomersTestRemoveAddress($id: ID!) {\n    removeAddress(id: $id)\n  }\n": typeof types.CustomersTestRemoveAddressDocument,
    "\n  mutation CustomersTestSetDefaultAddress($id: ID!) {\n    setDefaultAddress(id: $id) {\n      ...CustomersTestAddress\n    }\n  }\n  \n": typeof types.CustomersTestSetDefaultAddressDocument,
    "\n  query FulfillmentTestOrderShipments($id: ID!) {\n    shipment(id: $id) {\n      order {\n        id\n        shipments {\n          id\n          status\n        }\n      }\n    }\n  }\n": typeof types.FulfillmentTestOrderShipmentsDocument,
    "\n  query FulfillmentTestShipments($status: ShipmentStatus, $warehouseId: ID, $first: Int, $after: String) {\n    shipments(status: $status, warehouseId: $warehouseId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...FulfillmentTestShipment\n      }\n    }\n  }\n  \n": typeof types.FulfillmentTestShipmentsDocument,
    "\n  fragment FulfillmentTestShipment on Shipment {\n    id\n    status\n    carrier\n    trackingNumber\n    trackingUrl\n    deliveryAttempts\n    warehouse {\n      id\n    }\n    order {\n      id\n    }\n    items {\n      product {\n        sku\n      }\n      quantity\n    }\n    createdAt\n    assignedAt\n    dispatchedAt\n    deliveredAt\n    deliveryFailedAt\n    cancelledAt\n    updatedAt\n    timeline {\n      type\n      occurredAt\n      detail\n    }\n  }\n": typeof types.FulfillmentTestShipmentFragmentDoc,
    "\n  query FulfillmentTestShipment($id: ID!) {\n    shipment(id: $id) {\n      ...FulfillmentTestShipment\n    }\n  }\n  \n": typeof types.FulfillmentTestShipmentDocument,
    "\n  mutation FulfillmentTestDispatchShipment($shipmentId: ID!, $carrier: String) {\n    dispatchShipment(shipmentId: $shipmentId, carrier: $carrier) {\n      ...FulfillmentTestShipment\n    }\n  }\n  \n": typeof types.FulfillmentTestDispatchShipmentDocument,
    "\n  mutation FulfillmentTestRecordDeliveryAttempt($shipmentId: ID!, $delivered: Boolean!, $note: String) {\n    recordDeliveryAttempt(shipmentId: $shipmentId, delivered: $delivered, note: $note) {\n      ...FulfillmentTestShipment\n    }\n  }\n  \n": typeof types.FulfillmentTestRecordDeliveryAttemptDocument,
    "\n  query InventoryTestLowStock {\n    lowStock {\n      sku\n      warehouse {\n        id\n      }\n      available\n      reserved\n      committed\n    }\n  }\n": typeof types.InventoryTestLowStockDocument,
    "mutation InventoryTestTopUp($sku: ID!) { receiveStock(sku: $sku, warehouseId: \"NJ-FC\", quantity: 5) { available } }": typeof types.InventoryTestTopUpDocument,
    "\n  query InventoryTestWarehouses {\n    warehouses {\n      id\n      name\n      city\n      servesRegions\n    }\n  }\n": typeof types.InventoryTestWarehousesDocument,
    "\n  query InventoryTestCatalogueAvailability($first: Int) {\n    products(first: $first) {\n      nodes {\n        sku\n        status\n        availability {\n          inStock\n          lowStock\n          totalAvailable\n          byWarehouse {\n            available\n          }\n        }\n      }\n    }\n  }\n": typeof types.InventoryTestCatalogueAvailabilityDocument,
    "\n  query InventoryTestStockMovements($sku: ID!, $warehouseId: ID, $first: Int) {\n    stockMovements(sku: $sku, warehouseId: $warehouseId, first: $first) {\n      id\n      sku\n      kind\n      deltaAvailable\n      deltaReserved\n      actor\n      reason\n      reference\n      occurredAt\n      warehouse {\n        id\n      }\n    }\n  }\n": typeof types.InventoryTestStockMovementsDocument,
    "\n  mutation InventoryTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n": typeof types.InventoryTestCreateProductDocument,
    "\n  query InventoryTestAvailability($sku: ID!) {\n    product(sku: $sku) {\n      sku\n      availability {\n        inStock\n        lowStock\n        totalAvailable\n        byWarehouse {\n          sku\n          available\n          reserved\n          committed\n          shipped\n          warehouse {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.InventoryTestAvailabilityDocument,
    "\n  mutation InventoryTestReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!, $reference: String) {\n    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: $reference) {\n      sku\n      available\n      reserved\n      committed\n      warehouse {\n        id\n      }\n    }\n  }\n": typeof types.InventoryTestReceiveStockDocument,
    "\n  mutation InventoryTestAdjustStock($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {\n      sku\n      available\n      reserved\n      committed\n      warehouse {\n        id\n      }\n    }\n  }\n": typeof types.InventoryTestAdjustStockDocument,
    "\n  query NotificationsMine($first: Int, $after: String) {\n    myNotifications(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        to\n        subject\n        status\n        attempts\n        createdAt\n        sentAt\n        order {\n          id\n        }\n      }\n    }\n  }\n": typeof types.NotificationsMineDocument,
    "\n  query NotificationsForStaff($status: NotificationStatus, $orderId: ID, $first: Int) {\n    notifications(status: $status, orderId: $orderId, first: $first) {\n      totalCount\n      nodes {\n        kind\n        to\n        status\n        order {\n          id\n        }\n      }\n    }\n  }\n": typeof types.NotificationsForStaffDocument,
    "\n  query NotificationsOfOrder($id: ID!) {\n    order(id: $id) {\n      id\n      notifications {\n        kind\n        to\n        status\n        attempts\n        sentAt\n      }\n    }\n  }\n": typeof types.NotificationsOfOrderDocument,
    "\n  query OperationsDeadLetters($context: String, $first: Int, $after: String) {\n    deadLetters(context: $context, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        context\n        handler\n        subject\n        eventId\n        error\n        attempts\n        failedAt\n        payload\n        replayedAt\n        replayRequestedAt\n      }\n    }\n  }\n": typeof types.OperationsDeadLettersDocument,
    "\n  mutation OperationsReplay($id: ID!) {\n    replayDeadLetter(id: $id) {\n      id\n      replayedAt\n      replayRequestedAt\n    }\n  }\n": typeof types.OperationsReplayDocument,
    "\n  subscription OperationsDeadLetterAlerts {\n    alertRaised {\n      id\n      kind\n      status\n      subject\n    }\n  }\n": typeof types.OperationsDeadLetterAlertsDocument,
    "\n  query OperationsOrderRefunds($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      timeline {\n        type\n      }\n      payment {\n        status\n        refunded {\n          cents\n        }\n        refunds {\n          id\n          status\n          failureReason\n          manualReference\n          amount {\n            cents\n          }\n        }\n      }\n    }\n  }\n": typeof types.OperationsOrderRefundsDocument,
    "\n  mutation OperationsRetryRefund($refundId: ID!) {\n    retryRefund(refundId: $refundId) {\n      id\n      status\n      failureReason\n    }\n  }\n": typeof types.OperationsRetryRefundDocument,
    "\n  mutation OperationsManualRefund($refundId: ID!, $reference: String!) {\n    recordManualRefund(refundId: $refundId, reference: $reference) {\n      id\n      status\n      manualReference\n      completedAt\n    }\n  }\n": typeof types.OperationsManualRefundDocument,
    "\n  query OperationsAlerts($status: AlertStatus, $kind: AlertKind, $first: Int, $after: String) {\n    alerts(status: $status, kind: $kind, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        status\n        summary\n        subject\n        sku\n        raisedAt\n        acknowledgedAt\n        acknowledgedBy\n        resolvedAt\n        resolvedBy\n        resolution\n        escalatedAt\n        order {\n          id\n        }\n      }\n    }\n  }\n": typeof types.OperationsAlertsDocument,
    "\n  mutation OperationsAcknowledge($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      status\n      acknowledgedAt\n      acknowledgedBy\n    }\n  }\n": typeof types.OperationsAcknowledgeDocument,
    "\n  mutation OperationsResolve($id: ID!, $note: String) {\n    resolveAlert(id: $id, note: $note) {\n      id\n      status\n      resolvedAt\n      resolvedBy\n      resolution\n    }\n  }\n": typeof types.OperationsResolveDocument,
    "\n  subscription OperationsAlertRaised {\n    alertRaised {\n      id\n      kind\n      status\n      summary\n      subject\n      sku\n      order {\n        id\n        status\n      }\n    }\n  }\n": typeof types.OperationsAlertRaisedDocument,
    "\n  query OrdersSagaStock($sku: ID!) {\n    product(sku: $sku) {\n      availability {\n        totalAvailable\n        byWarehouse {\n          warehouse {\n            id\n          }\n          available\n          reserved\n          committed\n          shipped\n        }\n      }\n    }\n  }\n": typeof types.OrdersSagaStockDocument,
    "\n  mutation OrdersSagaReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!) {\n    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: \"orders saga test\") {\n      available\n    }\n  }\n": typeof types.OrdersSagaReceiveStockDocument,
    "\n  mutation OrdersSagaAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      warnings {\n        code\n      }\n    }\n  }\n": typeof types.OrdersSagaAddItemDocument,
    "\n  query OrdersSagaSettlement($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      total {\n        cents\n      }\n      payment {\n        status\n        amount {\n          cents\n        }\n        captured {\n          cents\n        }\n        attempts\n        attemptLog {\n          operation\n          attempt\n          succeeded\n          failureKind\n        }\n      }\n      shipments {\n        id\n        status\n        warehouse {\n          id\n        }\n      }\n    }\n  }\n": typeof types.OrdersSagaSettlementDocument,
    "\n  query OrdersTestStaffListing($oldestFirst: Boolean, $first: Int, $after: String) {\n    orders(status: PLACED, oldestFirst: $oldestFirst, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        placedAt\n      }\n    }\n  }\n": typeof types.OrdersTestStaffListingDocument,
    "\n  fragment OrdersTestCheckout on Checkout {\n    id\n    status\n    items {\n      product {\n        sku\n      }\n      quantity\n      unitPrice {\n        cents\n        currency\n      }\n      lineTotal {\n        cents\n      }\n    }\n    shippingAddress {\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n    }\n    addressWarnings\n    shippingMethod\n    shippingCost {\n      cents\n      formatted\n    }\n    hasPaymentMethod\n    priceChanges {\n      product {\n        sku\n      }\n      previousPrice {\n        cents\n      }\n      currentPrice {\n        cents\n      }\n    }\n    subtotal {\n      cents\n    }\n    total {\n      cents\n      formatted\n    }\n    order {\n      id\n      status\n    }\n  }\n": typeof types.OrdersTestCheckoutFragmentDoc,
    "\n  fragment OrdersTestOrder on Order {\n    id\n    status\n    customer {\n      id\n    }\n    items {\n      product {\n        sku\n      }\n      quantity\n      unitPrice {\n        cents\n      }\n      lineTotal {\n        cents\n      }\n    }\n    shippingAddress {\n      line1\n      city\n      region\n      country\n    }\n    shippingMethod\n    subtotal {\n      cents\n    }\n    shippingCost {\n      cents\n    }\n    total {\n      cents\n      formatted\n    }\n    placedAt\n    cancellationReason\n    timeline {\n      type\n      occurredAt\n      detail\n    }\n  }\n": typeof types.OrdersTestOrderFragmentDoc,
    "\n  query OrdersTestCheckout($id: ID!) {\n    checkout(id: $id) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n": typeof types.OrdersTestCheckoutDocument,
    "\n  mutation OrdersTestSetAddress($checkoutId: ID!, $addressId: ID, $address: AddressInput) {\n    setCheckoutShippingAddress(checkoutId: $checkoutId, addressId: $addressId, address: $address) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n": typeof types.OrdersTestSetAddressDocument,
    "\n  mutation OrdersTestSetMethod($checkoutId: ID!, $method: ShippingMethod!) {\n    setCheckoutShippingMethod(checkoutId: $checkoutId, method: $method) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n": typeof types.OrdersTestSetMethodDocument,
    "\n  mutation OrdersTestSetPayment($checkoutId: ID!, $paymentToken: String!) {\n    setCheckoutPaymentMethod(checkoutId: $checkoutId, paymentToken: $paymentToken) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n": typeof types.OrdersTestSetPaymentDocument,
    "\n  mutation OrdersTestPlaceOrder($checkoutId: ID!, $acknowledgePriceChanges: Boolean) {\n    placeOrder(checkoutId: $checkoutId, acknowledgePriceChanges: $acknowledgePriceChanges) {\n      ...OrdersTestOrder\n    }\n  }\n  \n": typeof types.OrdersTestPlaceOrderDocument,
    "\n  mutation OrdersTestCancelOrder($orderId: ID!, $reason: String!) {\n    cancelOrder(orderId: $orderId, reason: $reason) {\n      ...OrdersTestOrder\n    }\n  }\n  \n": typeof types.OrdersTestCancelOrderDocument,
    "\n  query OrdersTestOrder($id: ID!) {\n    order(id: $id) {\n      ...OrdersTestOrder\n    }\n  }\n  \n": typeof types.OrdersTestOrderDocument,
    "\n  query OrdersTestMyOrders($first: Int, $after: String) {\n    myOrders(first: $first, after: $after) {\n      nodes {\n        id\n        status\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OrdersTestMyOrdersDocument,
    "\n  query OrdersTestAllOrders($status: OrderStatus, $first: Int, $after: String) {\n    orders(status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        status\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OrdersTestAllOrdersDocument,
    "\n  subscription OrdersTestOrderUpdated($orderId: ID) {\n    orderUpdated(orderId: $orderId) {\n      status\n      previousStatus\n      occurredAt\n      order {\n        id\n        status\n        total {\n          cents\n        }\n      }\n    }\n  }\n": typeof types.OrdersTestOrderUpdatedDocument,
    "\n  mutation OrdersTestRegister($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      token\n      customer {\n        id\n      }\n    }\n  }\n": typeof types.OrdersTestRegisterDocument,
    "\n  mutation OrdersTestAddAddress($input: AddressInput!) {\n    addAddress(input: $input) {\n      id\n    }\n  }\n": typeof types.OrdersTestAddAddressDocument,
    "\n  mutation OrdersTestRemoveAddress($id: ID!) {\n    removeAddress(id: $id)\n  }\n": typeof types.OrdersTestRemoveAddressDocument,
    "\n  mutation OrdersTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n": typeof types.OrdersTestCreateProductDocument,
    "\n  mutation OrdersTestChangePrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      sku\n    }\n  }\n": typeof types.OrdersTestChangePriceDocument,
    "\n  mutation OrdersTestCreateCart {\n    createCart {\n      id\n    }\n  }\n": typeof types.OrdersTestCreateCartDocument,
    "\n  mutation OrdersTestAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        id\n      }\n    }\n  }\n": typeof types.OrdersTestAddItemDocument,
    "\n  mutation OrdersTestCheckoutCart($cartId: ID!) {\n    checkoutCart(cartId: $cartId) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n": typeof types.OrdersTestCheckoutCartDocument,
    "\n  mutation OrdersTestDispatch($shipmentId: ID!) {\n    dispatchShipment(shipmentId: $shipmentId) {\n      id\n      status\n    }\n  }\n": typeof types.OrdersTestDispatchDocument,
    "\n  mutation OrdersTestRecordDelivery($shipmentId: ID!, $delivered: Boolean!) {\n    recordDeliveryAttempt(shipmentId: $shipmentId, delivered: $delivered) {\n      id\n      status\n    }\n  }\n": typeof types.OrdersTestRecordDeliveryDocument,
    "\n  query OrdersTestOrderPaymentAndShipments($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      payment {\n        status\n        amount {\n          cents\n        }\n      }\n      shipments {\n        id\n        status\n        warehouse {\n          id\n        }\n      }\n    }\n  }\n": typeof types.OrdersTestOrderPaymentAndShipmentsDocument,
    "\n  mutation PromotionsTestCreateCoupon($input: CreateCouponInput!) {\n    createCoupon(input: $input) {\n      code\n      description\n      percentOff\n      validUntil\n      maxRedemptions\n      redemptions\n      active\n    }\n  }\n": typeof types.PromotionsTestCreateCouponDocument,
    "\n  mutation PromotionsTestDeactivateCoupon($code: ID!) {\n    deactivateCoupon(code: $code) {\n      code\n      active\n    }\n  }\n": typeof types.PromotionsTestDeactivateCouponDocument,
    "\n  query PromotionsTestCoupons($first: Int, $after: String) {\n    coupons(first: $first, after: $after) {\n      nodes {\n        code\n        percentOff\n        maxRedemptions\n        redemptions\n        active\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PromotionsTestCouponsDocument,
    "\n  fragment PromotionsTestCart on Cart {\n    id\n    updatedAt\n    subtotal {\n      cents\n    }\n    discount {\n      cents\n      currency\n      formatted\n    }\n    coupon {\n      code\n      description\n      percentOff\n    }\n  }\n": typeof types.PromotionsTestCartFragmentDoc,
    "\n  mutation PromotionsTestApplyCoupon($cartId: ID!, $code: String!) {\n    applyCoupon(cartId: $cartId, code: $code) {\n      cart {\n        ...PromotionsTestCart\n      }\n      warnings {\n        code\n      }\n    }\n  }\n  \n": typeof types.PromotionsTestApplyCouponDocument,
    "\n  mutation PromotionsTestRemoveCoupon($cartId: ID!) {\n    removeCoupon(cartId: $cartId) {\n      cart {\n        ...PromotionsTestCart\n      }\n    }\n  }\n  \n": typeof types.PromotionsTestRemoveCouponDocument,
    "\n  query PromotionsTestReadCart($id: ID!) {\n    cart(id: $id) {\n      ...PromotionsTestCart\n    }\n  }\n  \n": typeof types.PromotionsTestReadCartDocument,
    "\n  mutation PromotionsTestMergeCart($guestToken: String!) {\n    mergeCart(guestToken: $guestToken) {\n      ...PromotionsTestCart\n    }\n  }\n  \n": typeof types.PromotionsTestMergeCartDocument,
    "\n  query PromotionsTestCheckout($id: ID!) {\n    checkout(id: $id) {\n      id\n      subtotal {\n        cents\n      }\n      discount {\n        cents\n      }\n      couponCode\n      shippingCost {\n        cents\n      }\n      total {\n        cents\n      }\n    }\n  }\n": typeof types.PromotionsTestCheckoutDocument,
    "\n  mutation PromotionsTestPlaceOrder($checkoutId: ID!, $acknowledgePriceChanges: Boolean) {\n    placeOrder(checkoutId: $checkoutId, acknowledgePriceChanges: $acknowledgePriceChanges) {\n      id\n      status\n      couponCode\n      subtotal {\n        cents\n      }\n      discount {\n        cents\n      }\n      shippingCost {\n        cents\n      }\n      total {\n        cents\n      }\n    }\n  }\n": typeof types.PromotionsTestPlaceOrderDocument,
    "\n  query PromotionsTestOrderMoney($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      couponCode\n      discount {\n        cents\n      }\n      total {\n        cents\n      }\n      payment {\n        status\n        amount {\n          cents\n        }\n      }\n    }\n  }\n": typeof types.PromotionsTestOrderMoneyDocument,
    "\n  mutation PromotionsTestCancelOrder($orderId: ID!) {\n    cancelOrder(orderId: $orderId, reason: \"changed my mind\") {\n      id\n      status\n    }\n  }\n": typeof types.PromotionsTestCancelOrderDocument,
    "\n  fragment ReturnsTestReturn on Return {\n    id\n    status\n    order {\n      id\n    }\n    items {\n      product {\n        sku\n      }\n      quantity\n      reason\n      acceptedQuantity\n      unitPrice {\n        cents\n      }\n    }\n    restockingFee {\n      cents\n      currency\n      formatted\n    }\n    refundAmount {\n      cents\n      currency\n      formatted\n    }\n    label {\n      carrier\n      trackingNumber\n      labelUrl\n    }\n    refundStatus\n    requestedAt\n    approvedAt\n    receivedAt\n    refundedAt\n    rejectionReason\n    comment\n    updatedAt\n  }\n": typeof types.ReturnsTestReturnFragmentDoc,
    "\n  mutation ReturnsTestRequestReturn($orderId: ID!, $items: [ReturnItemInput!]!, $comment: String) {\n    requestReturn(orderId: $orderId, items: $items, comment: $comment) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n": typeof types.ReturnsTestRequestReturnDocument,
    "\n  mutation ReturnsTestApproveReturn($returnId: ID!) {\n    approveReturn(returnId: $returnId) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n": typeof types.ReturnsTestApproveReturnDocument,
    "\n  mutation ReturnsTestRejectReturn($returnId: ID!, $reason: String!) {\n    rejectReturn(returnId: $returnId, reason: $reason) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n": typeof types.ReturnsTestRejectReturnDocument,
    "\n  mutation ReturnsTestReceiveReturn($returnId: ID!, $items: [ReturnInspectionInput!]!) {\n    receiveReturn(returnId: $returnId, items: $items) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n": typeof types.ReturnsTestReceiveReturnDocument,
    "\n  query ReturnsTestReturn($id: ID!) {\n    return(id: $id) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n": typeof types.ReturnsTestReturnDocument,
    "\n  query ReturnsTestReturns($status: ReturnStatus, $first: Int, $after: String) {\n    returns(status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        status\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ReturnsTestReturnsDocument,
    "\n  query ReturnsTestOrderWithReturns($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      total {\n        cents\n      }\n      timeline {\n        type\n        detail\n      }\n      payment {\n        status\n        captured {\n          cents\n        }\n        refunded {\n          cents\n        }\n      }\n      returns {\n        id\n        status\n        refundAmount {\n          cents\n        }\n      }\n    }\n  }\n": typeof types.ReturnsTestOrderWithReturnsDocument,
    "\n  query StaffAccessShipTo($id: ID!) {\n    order(id: $id) {\n      id\n      shippingAddress {\n        city\n      }\n    }\n  }\n": typeof types.StaffAccessShipToDocument,
    "\n  query StaffAccessShipmentShipTo($id: ID!) {\n    shipment(id: $id) {\n      id\n      order {\n        id\n        shippingAddress {\n          city\n        }\n      }\n    }\n  }\n": typeof types.StaffAccessShipmentShipToDocument,
    "\n  query StaffAccessShipmentsOfOrder($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      shipments {\n        id\n      }\n    }\n  }\n": typeof types.StaffAccessShipmentsOfOrderDocument,
    "\n  query StorefrontListing($first: Int) {\n    products(first: $first) {\n      nodes {\n        sku\n        name\n        status\n        purchasable\n        price {\n          formatted\n        }\n        availability {\n          inStock\n        }\n      }\n    }\n  }\n": typeof types.StorefrontListingDocument,
    "\n  query StorefrontCategories {\n    categories\n  }\n": typeof types.StorefrontCategoriesDocument,
    "\n  query StorefrontCheckoutOptions($id: ID!) {\n    checkout(id: $id) {\n      shippingOptions {\n        method\n        cost {\n          cents\n          formatted\n        }\n        minDays\n        maxDays\n      }\n    }\n  }\n": typeof types.StorefrontCheckoutOptionsDocument,
    "\n  query StorefrontOrderDetails($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      status\n      placedAt\n      updatedAt\n      shippingMethod\n      estimatedDeliveryBy\n    }\n  }\n": typeof types.StorefrontOrderDetailsDocument,
    "\n  query StorefrontOrderByNumber($number: String!) {\n    orders(number: $number) {\n      nodes {\n        id\n        number\n      }\n      totalCount\n    }\n  }\n": typeof types.StorefrontOrderByNumberDocument,
    "\n  mutation StorefrontReorder($orderId: ID!) {\n    reorder(orderId: $orderId) {\n      cart {\n        id\n        status\n        items {\n          product {\n            sku\n          }\n          quantity\n          unitPrice {\n            cents\n          }\n        }\n      }\n      warnings {\n        sku\n        code\n        message\n      }\n    }\n  }\n": typeof types.StorefrontReorderDocument,
    "\n  mutation StorefrontChangeStatus($sku: ID!, $status: ProductStatus!) {\n    changeProductStatus(sku: $sku, status: $status) {\n      sku\n      status\n    }\n  }\n": typeof types.StorefrontChangeStatusDocument,
    "\n  mutation StorefrontProbeAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        items {\n          product {\n            sku\n          }\n          unitPrice {\n            cents\n          }\n        }\n      }\n    }\n  }\n": typeof types.StorefrontProbeAddItemDocument,
    "\n  subscription ResumeOrderUpdates($orderId: ID, $after: String) {\n    orderUpdated(orderId: $orderId, after: $after) {\n      status\n      previousStatus\n      cursor\n      order {\n        id\n        status\n      }\n    }\n  }\n": typeof types.ResumeOrderUpdatesDocument,
    "\n  query ResumeStatusHistory($id: ID!, $after: String) {\n    order(id: $id) {\n      statusChanges(after: $after) {\n        status\n        previousStatus\n        cursor\n      }\n    }\n  }\n": typeof types.ResumeStatusHistoryDocument,
};
const documents: Documents = {
    "\n  query AdminTestOrderStatus($id: ID!) {\n    order(id: $id) {\n      status\n      cancellationReason\n      shipments {\n        id\n        status\n      }\n    }\n  }\n": types.AdminTestOrderStatusDocument,
    "\n  query AdminTestDeadLetters {\n    deadLetters(context: \"fulfillment\", first: 100) {\n      nodes {\n        id\n        eventId\n      }\n    }\n  }\n": types.AdminTestDeadLettersDocument,
    "\n  query CartTestCartProducts($id: ID!) {\n    cart(id: $id) {\n      items {\n        product {\n          sku\n          name\n          price {\n            cents\n          }\n        }\n      }\n    }\n  }\n": types.CartTestCartProductsDocument,
    "\n  query CartTestCartCustomer($id: ID!) {\n    cart(id: $id) {\n      customer {\n        id\n        email\n      }\n      items {\n        quantity\n        product {\n          sku\n          name\n        }\n      }\n    }\n  }\n": types.CartTestCartCustomerDocument,
    "\n  mutation CartTestReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!) {\n    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: \"cart test\") {\n      available\n    }\n  }\n": types.CartTestReceiveStockDocument,
    "\n  fragment CartTestCart on Cart {\n    id\n    status\n    itemCount\n    subtotal {\n      cents\n      currency\n      formatted\n    }\n    expiresAt\n    updatedAt\n    customer {\n      id\n    }\n    items {\n      quantity\n      unitPrice {\n        cents\n        currency\n      }\n      lineTotal {\n        cents\n      }\n      product {\n        sku\n      }\n    }\n  }\n": types.CartTestCartFragmentDoc,
    "\n  mutation CartTestCreateCart {\n    createCart {\n      ...CartTestCart\n    }\n  }\n  \n": types.CartTestCreateCartDocument,
    "\n  query CartTestCart($id: ID!) {\n    cart(id: $id) {\n      ...CartTestCart\n    }\n  }\n  \n": types.CartTestCartDocument,
    "\n  query CartTestMyCart {\n    myCart {\n      ...CartTestCart\n    }\n  }\n  \n": types.CartTestMyCartDocument,
    "\n  mutation CartTestAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        ...CartTestCart\n      }\n      warnings {\n        sku\n        code\n        message\n      }\n    }\n  }\n  \n": types.CartTestAddItemDocument,
    "\n  mutation CartTestChangeQuantity($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    changeCartItemQuantity(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        ...CartTestCart\n      }\n      warnings {\n        sku\n        code\n      }\n    }\n  }\n  \n": types.CartTestChangeQuantityDocument,
    "\n  mutation CartTestRemoveItem($cartId: ID!, $sku: ID!) {\n    removeCartItem(cartId: $cartId, sku: $sku) {\n      cart {\n        ...CartTestCart\n      }\n      warnings {\n        sku\n        code\n      }\n    }\n  }\n  \n": types.CartTestRemoveItemDocument,
    "\n  mutation CartTestClearCart($cartId: ID!) {\n    clearCart(cartId: $cartId) {\n      ...CartTestCart\n    }\n  }\n  \n": types.CartTestClearCartDocument,
    "\n  mutation CartTestMergeCart($guestToken: String!) {\n    mergeCart(guestToken: $guestToken) {\n      ...CartTestCart\n    }\n  }\n  \n": types.CartTestMergeCartDocument,
    "\n  mutation CartTestCheckoutCart($cartId: ID!) {\n    checkoutCart(cartId: $cartId) {\n      id\n    }\n  }\n": types.CartTestCheckoutCartDocument,
    "\n  mutation CartTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n": types.CartTestCreateProductDocument,
    "\n  mutation CartTestChangeProductPrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      sku\n    }\n  }\n": types.CartTestChangeProductPriceDocument,
    "\n  mutation CartTestChangeProductStatus($sku: ID!, $status: ProductStatus!) {\n    changeProductStatus(sku: $sku, status: $status) {\n      sku\n    }\n  }\n": types.CartTestChangeProductStatusDocument,
    "\n  mutation CartTestStartGuestSession {\n    startGuestSession {\n      token\n    }\n  }\n": types.CartTestStartGuestSessionDocument,
    "\n  mutation CartTestRegisterCustomer($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      token\n      customer {\n        id\n      }\n    }\n  }\n": types.CartTestRegisterCustomerDocument,
    "\n  mutation CartTestLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      customer {\n        id\n      }\n    }\n  }\n": types.CartTestLoginDocument,
    "\n  mutation CatalogListingCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": types.CatalogListingCreateProductDocument,
    "\n  mutation CatalogListingUpdateProduct($sku: ID!, $input: UpdateProductInput!) {\n    updateProduct(sku: $sku, input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": types.CatalogListingUpdateProductDocument,
    "\n  mutation CatalogListingChangeProductStatus($sku: ID!, $status: ProductStatus!) {\n    changeProductStatus(sku: $sku, status: $status) {\n      sku\n      status\n    }\n  }\n": types.CatalogListingChangeProductStatusDocument,
    "\n  query CatalogListingProduct($sku: ID!) {\n    product(sku: $sku) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": types.CatalogListingProductDocument,
    "\n  query CatalogListingCategories {\n    categories\n  }\n": types.CatalogListingCategoriesDocument,
    "\n  mutation CatalogTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": types.CatalogTestCreateProductDocument,
    "\n  mutation CatalogTestUpdateProduct($sku: ID!, $input: UpdateProductInput!) {\n    updateProduct(sku: $sku, input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": types.CatalogTestUpdateProductDocument,
    "\n  mutation CatalogTestChangeProductPrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": types.CatalogTestChangeProductPriceDocument,
    "\n  mutation CatalogTestChangeProductStatus($sku: ID!, $status: ProductStatus!, $reason: String) {\n    changeProductStatus(sku: $sku, status: $status, reason: $reason) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": types.CatalogTestChangeProductStatusDocument,
    "\n  query CatalogTestProduct($sku: ID!) {\n    product(sku: $sku) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": types.CatalogTestProductDocument,
    "\n  mutation CatalogSearchCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": types.CatalogSearchCreateProductDocument,
    "\n  mutation CatalogSearchChangeProductStatus($sku: ID!, $status: ProductStatus!) {\n    changeProductStatus(sku: $sku, status: $status) {\n      sku\n      status\n    }\n  }\n": types.CatalogSearchChangeProductStatusDocument,
    "\n  fragment CatalogTestProduct on Product {\n    sku\n    name\n    description\n    category\n    brand\n    tags\n    images {\n      url\n      altText\n    }\n    price {\n      cents\n      currency\n      formatted\n    }\n    status\n  }\n": types.CatalogTestProductFragmentDoc,
    "\n  query CatalogTestProductsPage($search: String, $category: String, $status: ProductStatus, $first: Int, $after: String) {\n    products(search: $search, category: $category, status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...CatalogTestProduct\n      }\n    }\n  }\n  \n": types.CatalogTestProductsPageDocument,
    "\n  mutation CustomersTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n": types.CustomersTestCreateProductDocument,
    "\n  query CustomersTestBrowseProducts($search: String, $sku: ID!) {\n    products(search: $search, first: 5) {\n      totalCount\n      nodes {\n        sku\n        name\n        price {\n          formatted\n        }\n      }\n    }\n    product(sku: $sku) {\n      sku\n      name\n    }\n  }\n": types.CustomersTestBrowseProductsDocument,
    "\n  query CustomersTestSearch($email: String!, $first: Int) {\n    customers(email: $email, first: $first) {\n      id\n      email\n      firstName\n    }\n  }\n": types.CustomersTestSearchDocument,
    "\n  fragment CustomersTestAddress on Address {\n    id\n    nickname\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n    isDefault\n    verification\n  }\n": types.CustomersTestAddressFragmentDoc,
    "\n  fragment CustomersTestSession on Session {\n    token\n    expiresAt\n    role\n    customer {\n      id\n      email\n      firstName\n      lastName\n    }\n  }\n": types.CustomersTestSessionFragmentDoc,
    "\n  mutation CustomersTestRegister($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      ...CustomersTestSession\n    }\n  }\n  \n": types.CustomersTestRegisterDocument,
    "\n  mutation CustomersTestLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...CustomersTestSession\n    }\n  }\n  \n": types.CustomersTestLoginDocument,
    "\n  mutation CustomersTestStartGuestSession {\n    startGuestSession {\n      ...CustomersTestSession\n    }\n  }\n  \n": types.CustomersTestStartGuestSessionDocument,
    "\n  query CustomersTestMe {\n    me {\n      id\n      email\n      firstName\n      lastName\n      addresses {\n        ...CustomersTestAddress\n      }\n    }\n  }\n  \n": types.CustomersTestMeDocument,
    "\n  query CustomersTestCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      email\n      firstName\n      lastName\n      addresses {\n        ...CustomersTestAddress\n      }\n    }\n  }\n  \n": types.CustomersTestCustomerDocument,
    "\n  mutation CustomersTestAddAddress($input: AddressInput!) {\n    addAddress(input: $input) {\n      ...CustomersTestAddress\n    }\n  }\n  \n": types.CustomersTestAddAddressDocument,
    "\n  mutation CustomersTestUpdateAddress($id: ID!, $input: AddressInput!) {\n    updateAddress(id: $id, input: $input) {\n      ...CustomersTestAddress\n    }\n  }\n  \n": types.CustomersTestUpdateAddressDocument,
    "\n  mutation CustomersTestRemoveAddress($id: ID!) {\n    removeAddress(id: $id)\n  }\n": types.CustomersTestRemoveAddressDocument,
    "\n  mutation CustomersTestSetDefaultAddress($id: ID!) {\n    setDefaultAddress(id: $id) {\n      ...CustomersTestAddress\n    }\n  }\n  \n": types.CustomersTestSetDefaultAddressDocument,
    "\n  query FulfillmentTestOrderShipments($id: ID!) {\n    shipment(id: $id) {\n      order {\n        id\n        shipments {\n          id\n          status\n        }\n      }\n    }\n  }\n": types.FulfillmentTestOrderShipmentsDocument,
    "\n  query FulfillmentTestShipments($status: ShipmentStatus, $warehouseId: ID, $first: Int, $after: String) {\n    shipments(status: $status, warehouseId: $warehouseId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...FulfillmentTestShipment\n      }\n    }\n  }\n  \n": types.FulfillmentTestShipmentsDocument,
    "\n  fragment FulfillmentTestShipment on Shipment {\n    id\n    status\n    carrier\n    trackingNumber\n    trackingUrl\n    deliveryAttempts\n    warehouse {\n      id\n    }\n    order {\n      id\n    }\n    items {\n      product {\n        sku\n      }\n      quantity\n    }\n    createdAt\n    assignedAt\n    dispatchedAt\n    deliveredAt\n    deliveryFailedAt\n    cancelledAt\n    updatedAt\n    timeline {\n      type\n      occurredAt\n      detail\n    }\n  }\n": types.FulfillmentTestShipmentFragmentDoc,
    "\n  query FulfillmentTestShipment($id: ID!) {\n    shipment(id: $id) {\n      ...FulfillmentTestShipment\n    }\n  }\n  \n": types.FulfillmentTestShipmentDocument,
    "\n  mutation FulfillmentTestDispatchShipment($shipmentId: ID!, $carrier: String) {\n    dispatchShipment(shipmentId: $shipmentId, carrier: $carrier) {\n      ...FulfillmentTestShipment\n    }\n  }\n  \n": types.FulfillmentTestDispatchShipmentDocument,
    "\n  mutation FulfillmentTestRecordDeliveryAttempt($shipmentId: ID!, $delivered: Boolean!, $note: String) {\n    recordDeliveryAttempt(shipmentId: $shipmentId, delivered: $delivered, note: $note) {\n      ...FulfillmentTestShipment\n    }\n  }\n  \n": types.FulfillmentTestRecordDeliveryAttemptDocument,
    "\n  query InventoryTestLowStock {\n    lowStock {\n      sku\n      warehouse {\n        id\n      }\n      available\n      reserved\n      committed\n    }\n  }\n": types.InventoryTestLowStockDocument,
    "mutation InventoryTestTopUp($sku: ID!) { receiveStock(sku: $sku, warehouseId: \"NJ-FC\", quantity: 5) { available } }": types.InventoryTestTopUpDocument,
    "\n  query InventoryTestWarehouses {\n    warehouses {\n      id\n      name\n      city\n      servesRegions\n    }\n  }\n": types.InventoryTestWarehousesDocument,
    "\n  query InventoryTestCatalogueAvailability($first: Int) {\n    products(first: $first) {\n      nodes {\n        sku\n        status\n        availability {\n          inStock\n          lowStock\n          totalAvailable\n          byWarehouse {\n            available\n          }\n        }\n      }\n    }\n  }\n": types.InventoryTestCatalogueAvailabilityDocument,
    "\n  query InventoryTestStockMovements($sku: ID!, $warehouseId: ID, $first: Int) {\n    stockMovements(sku: $sku, warehouseId: $warehouseId, first: $first) {\n      id\n      sku\n      kind\n      deltaAvailable\n      deltaReserved\n      actor\n      reason\n      reference\n      occurredAt\n      warehouse {\n        id\n      }\n    }\n  }\n": types.InventoryTestStockMovementsDocument,
    "\n  mutation InventoryTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n": types.InventoryTestCreateProductDocument,
    "\n  query InventoryTestAvailability($sku: ID!) {\n    product(sku: $sku) {\n      sku\n      availability {\n        inStock\n        lowStock\n        totalAvailable\n        byWarehouse {\n          sku\n          available\n          reserved\n          committed\n          shipped\n          warehouse {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.InventoryTestAvailabilityDocument,
    "\n  mutation InventoryTestReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!, $reference: String) {\n    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: $reference) {\n      sku\n      available\n      reserved\n      committed\n      warehouse {\n        id\n      }\n    }\n  }\n": types.InventoryTestReceiveStockDocument,
    "\n  mutation InventoryTestAdjustStock($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {\n      sku\n      available\n      reserved\n      committed\n      warehouse {\n        id\n      }\n    }\n  }\n": types.InventoryTestAdjustStockDocument,
    "\n  query NotificationsMine($first: Int, $after: String) {\n    myNotifications(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        to\n        subject\n        status\n        attempts\n        createdAt\n        sentAt\n        order {\n          id\n        }\n      }\n    }\n  }\n": types.NotificationsMineDocument,
    "\n  query NotificationsForStaff($status: NotificationStatus, $orderId: ID, $first: Int) {\n    notifications(status: $status, orderId: $orderId, first: $first) {\n      totalCount\n      nodes {\n        kind\n        to\n        status\n        order {\n          id\n        }\n      }\n    }\n  }\n": types.NotificationsForStaffDocument,
    "\n  query NotificationsOfOrder($id: ID!) {\n    order(id: $id) {\n      id\n      notifications {\n        kind\n        to\n        status\n        attempts\n        sentAt\n      }\n    }\n  }\n": types.NotificationsOfOrderDocument,
    "\n  query OperationsDeadLetters($context: String, $first: Int, $after: String) {\n    deadLetters(context: $context, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        context\n        handler\n        subject\n        eventId\n        error\n        attempts\n        failedAt\n        payload\n        replayedAt\n        replayRequestedAt\n      }\n    }\n  }\n": types.OperationsDeadLettersDocument,
    "\n  mutation OperationsReplay($id: ID!) {\n    replayDeadLetter(id: $id) {\n      id\n      replayedAt\n      replayRequestedAt\n    }\n  }\n": types.OperationsReplayDocument,
    "\n  subscription OperationsDeadLetterAlerts {\n    alertRaised {\n      id\n      kind\n      status\n      subject\n    }\n  }\n": types.OperationsDeadLetterAlertsDocument,
    "\n  query OperationsOrderRefunds($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      timeline {\n        type\n      }\n      payment {\n        status\n        refunded {\n          cents\n        }\n        refunds {\n          id\n          status\n          failureReason\n          manualReference\n          amount {\n            cents\n          }\n        }\n      }\n    }\n  }\n": types.OperationsOrderRefundsDocument,
    "\n  mutation OperationsRetryRefund($refundId: ID!) {\n    retryRefund(refundId: $refundId) {\n      id\n      status\n      failureReason\n    }\n  }\n": types.OperationsRetryRefundDocument,
    "\n  mutation OperationsManualRefund($refundId: ID!, $reference: String!) {\n    recordManualRefund(refundId: $refundId, reference: $reference) {\n      id\n      status\n      manualReference\n      completedAt\n    }\n  }\n": types.OperationsManualRefundDocument,
    "\n  query OperationsAlerts($status: AlertStatus, $kind: AlertKind, $first: Int, $after: String) {\n    alerts(status: $status, kind: $kind, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        status\n        summary\n        subject\n        sku\n        raisedAt\n        acknowledgedAt\n        acknowledgedBy\n        resolvedAt\n        resolvedBy\n        resolution\n        escalatedAt\n        order {\n          id\n        }\n      }\n    }\n  }\n": types.OperationsAlertsDocument,
    "\n  mutation OperationsAcknowledge($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      status\n      acknowledgedAt\n      acknowledgedBy\n    }\n  }\n": types.OperationsAcknowledgeDocument,
    "\n  mutation OperationsResolve($id: ID!, $note: String) {\n    resolveAlert(id: $id, note: $note) {\n      id\n      status\n      resolvedAt\n      resolvedBy\n      resolution\n    }\n  }\n": types.OperationsResolveDocument,
    "\n  subscription OperationsAlertRaised {\n    alertRaised {\n      id\n      kind\n      status\n      summary\n      subject\n      sku\n      order {\n        id\n        status\n      }\n    }\n  }\n": types.OperationsAlertRaisedDocument,
    "\n  query OrdersSagaStock($sku: ID!) {\n    product(sku: $sku) {\n      availability {\n        totalAvailable\n        byWarehouse {\n          warehouse {\n            id\n          }\n          available\n          reserved\n          committed\n          shipped\n        }\n      }\n    }\n  }\n": types.OrdersSagaStockDocument,
    "\n  mutation OrdersSagaReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!) {\n    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: \"orders saga test\") {\n      available\n    }\n  }\n": types.OrdersSagaReceiveStockDocument,
    "\n  mutation OrdersSagaAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      warnings {\n        code\n      }\n    }\n  }\n": types.OrdersSagaAddItemDocument,
    "\n  query OrdersSagaSettlement($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      total {\n        cents\n      }\n      payment {\n        status\n        amount {\n          cents\n        }\n        captured {\n          cents\n        }\n        attempts\n        attemptLog {\n          operation\n          attempt\n          succeeded\n          failureKind\n        }\n      }\n      shipments {\n        id\n        status\n        warehouse {\n          id\n        }\n      }\n    }\n  }\n": types.OrdersSagaSettlementDocument,
    "\n  query OrdersTestStaffListing($oldestFirst: Boolean, $first: Int, $after: String) {\n    orders(status: PLACED, oldestFirst: $oldestFirst, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        placedAt\n      }\n    }\n  }\n": types.OrdersTestStaffListingDocument,
    "\n  fragment OrdersTestCheckout on Checkout {\n    id\n    status\n    items {\n      product {\n        sku\n      }\n      quantity\n      unitPrice {\n        cents\n        currency\n      }\n      lineTotal {\n        cents\n      }\n    }\n    shippingAddress {\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n    }\n    addressWarnings\n    shippingMethod\n    shippingCost {\n      cents\n      formatted\n    }\n    hasPaymentMethod\n    priceChanges {\n      product {\n        sku\n      }\n      previousPrice {\n        cents\n      }\n      currentPrice {\n        cents\n      }\n    }\n    subtotal {\n      cents\n    }\n    total {\n      cents\n      formatted\n    }\n    order {\n      id\n      status\n    }\n  }\n": types.OrdersTestCheckoutFragmentDoc,
    "\n  fragment OrdersTestOrder on Order {\n    id\n    status\n    customer {\n      id\n    }\n    items {\n      product {\n        sku\n      }\n      quantity\n      unitPrice {\n        cents\n      }\n      lineTotal {\n        cents\n      }\n    }\n    shippingAddress {\n      line1\n      city\n      region\n      country\n    }\n    shippingMethod\n    subtotal {\n      cents\n    }\n    shippingCost {\n      cents\n    }\n    total {\n      cents\n      formatted\n    }\n    placedAt\n    cancellationReason\n    timeline {\n      type\n      occurredAt\n      detail\n    }\n  }\n": types.OrdersTestOrderFragmentDoc,
    "\n  query OrdersTestCheckout($id: ID!) {\n    checkout(id: $id) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n": types.OrdersTestCheckoutDocument,
    "\n  mutation OrdersTestSetAddress($checkoutId: ID!, $addressId: ID, $address: AddressInput) {\n    setCheckoutShippingAddress(checkoutId: $checkoutId, addressId: $addressId, address: $address) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n": types.OrdersTestSetAddressDocument,
    "\n  mutation OrdersTestSetMethod($checkoutId: ID!, $method: ShippingMethod!) {\n    setCheckoutShippingMethod(checkoutId: $checkoutId, method: $method) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n": types.OrdersTestSetMethodDocument,
    "\n  mutation OrdersTestSetPayment($checkoutId: ID!, $paymentToken: String!) {\n    setCheckoutPaymentMethod(checkoutId: $checkoutId, paymentToken: $paymentToken) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n": types.OrdersTestSetPaymentDocument,
    "\n  mutation OrdersTestPlaceOrder($checkoutId: ID!, $acknowledgePriceChanges: Boolean) {\n    placeOrder(checkoutId: $checkoutId, acknowledgePriceChanges: $acknowledgePriceChanges) {\n      ...OrdersTestOrder\n    }\n  }\n  \n": types.OrdersTestPlaceOrderDocument,
    "\n  mutation OrdersTestCancelOrder($orderId: ID!, $reason: String!) {\n    cancelOrder(orderId: $orderId, reason: $reason) {\n      ...OrdersTestOrder\n    }\n  }\n  \n": types.OrdersTestCancelOrderDocument,
    "\n  query OrdersTestOrder($id: ID!) {\n    order(id: $id) {\n      ...OrdersTestOrder\n    }\n  }\n  \n": types.OrdersTestOrderDocument,
    "\n  query OrdersTestMyOrders($first: Int, $after: String) {\n    myOrders(first: $first, after: $after) {\n      nodes {\n        id\n        status\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OrdersTestMyOrdersDocument,
    "\n  query OrdersTestAllOrders($status: OrderStatus, $first: Int, $after: String) {\n    orders(status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        status\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OrdersTestAllOrdersDocument,
    "\n  subscription OrdersTestOrderUpdated($orderId: ID) {\n    orderUpdated(orderId: $orderId) {\n      status\n      previousStatus\n      occurredAt\n      order {\n        id\n        status\n        total {\n          cents\n        }\n      }\n    }\n  }\n": types.OrdersTestOrderUpdatedDocument,
    "\n  mutation OrdersTestRegister($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      token\n      customer {\n        id\n      }\n    }\n  }\n": types.OrdersTestRegisterDocument,
    "\n  mutation OrdersTestAddAddress($input: AddressInput!) {\n    addAddress(input: $input) {\n      id\n    }\n  }\n": types.OrdersTestAddAddressDocument,
    "\n  mutation OrdersTestRemoveAddress($id: ID!) {\n    removeAddress(id: $id)\n  }\n": types.OrdersTestRemoveAddressDocument,
    "\n  mutation OrdersTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n": types.OrdersTestCreateProductDocument,
    "\n  mutation OrdersTestChangePrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      sku\n    }\n  }\n": types.OrdersTestChangePriceDocument,
    "\n  mutation OrdersTestCreateCart {\n    createCart {\n      id\n    }\n  }\n": types.OrdersTestCreateCartDocument,
    "\n  mutation OrdersTestAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        id\n      }\n    }\n  }\n": types.OrdersTestAddItemDocument,
    "\n  mutation OrdersTestCheckoutCart($cartId: ID!) {\n    checkoutCart(cartId: $cartId) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n": types.OrdersTestCheckoutCartDocument,
    "\n  mutation OrdersTestDispatch($shipmentId: ID!) {\n    dispatchShipment(shipmentId: $shipmentId) {\n      id\n      status\n    }\n  }\n": types.OrdersTestDispatchDocument,
    "\n  mutation OrdersTestRecordDelivery($shipmentId: ID!, $delivered: Boolean!) {\n    recordDeliveryAttempt(shipmentId: $shipmentId, delivered: $delivered) {\n      id\n      status\n    }\n  }\n": types.OrdersTestRecordDeliveryDocument,
    "\n  query OrdersTestOrderPaymentAndShipments($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      payment {\n        status\n        amount {\n          cents\n        }\n      }\n      shipments {\n        id\n        status\n        warehouse {\n          id\n        }\n      }\n    }\n  }\n": types.OrdersTestOrderPaymentAndShipmentsDocument,
    "\n  mutation PromotionsTestCreateCoupon($input: CreateCouponInput!) {\n    createCoupon(input: $input) {\n      code\n      description\n      percentOff\n      validUntil\n      maxRedemptions\n      redemptions\n      active\n    }\n  }\n": types.PromotionsTestCreateCouponDocument,
    "\n  mutation PromotionsTestDeactivateCoupon($code: ID!) {\n    deactivateCoupon(code: $code) {\n      code\n      active\n    }\n  }\n": types.PromotionsTestDeactivateCouponDocument,
    "\n  query PromotionsTestCoupons($first: Int, $after: String) {\n    coupons(first: $first, after: $after) {\n      nodes {\n        code\n        percentOff\n        maxRedemptions\n        redemptions\n        active\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PromotionsTestCouponsDocument,
    "\n  fragment PromotionsTestCart on Cart {\n    id\n    updatedAt\n    subtotal {\n      cents\n    }\n    discount {\n      cents\n      currency\n      formatted\n    }\n    coupon {\n      code\n      description\n      percentOff\n    }\n  }\n": types.PromotionsTestCartFragmentDoc,
    "\n  mutation PromotionsTestApplyCoupon($cartId: ID!, $code: String!) {\n    applyCoupon(cartId: $cartId, code: $code) {\n      cart {\n        ...PromotionsTestCart\n      }\n      warnings {\n        code\n      }\n    }\n  }\n  \n": types.PromotionsTestApplyCouponDocument,
    "\n  mutation PromotionsTestRemoveCoupon($cartId: ID!) {\n    removeCoupon(cartId: $cartId) {\n      cart {\n        ...PromotionsTestCart\n      }\n    }\n  }\n  \n": types.PromotionsTestRemoveCouponDocument,
    "\n  query PromotionsTestReadCart($id: ID!) {\n    cart(id: $id) {\n      ...PromotionsTestCart\n    }\n  }\n  \n": types.PromotionsTestReadCartDocument,
    "\n  mutation PromotionsTestMergeCart($guestToken: String!) {\n    mergeCart(guestToken: $guestToken) {\n      ...PromotionsTestCart\n    }\n  }\n  \n": types.PromotionsTestMergeCartDocument,
    "\n  query PromotionsTestCheckout($id: ID!) {\n    checkout(id: $id) {\n      id\n      subtotal {\n        cents\n      }\n      discount {\n        cents\n      }\n      couponCode\n      shippingCost {\n        cents\n      }\n      total {\n        cents\n      }\n    }\n  }\n": types.PromotionsTestCheckoutDocument,
    "\n  mutation PromotionsTestPlaceOrder($checkoutId: ID!, $acknowledgePriceChanges: Boolean) {\n    placeOrder(checkoutId: $checkoutId, acknowledgePriceChanges: $acknowledgePriceChanges) {\n      id\n      status\n      couponCode\n      subtotal {\n        cents\n      }\n      discount {\n        cents\n      }\n      shippingCost {\n        cents\n      }\n      total {\n        cents\n      }\n    }\n  }\n": types.PromotionsTestPlaceOrderDocument,
    "\n  query PromotionsTestOrderMoney($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      couponCode\n      discount {\n        cents\n      }\n      total {\n        cents\n      }\n      payment {\n        status\n        amount {\n          cents\n        }\n      }\n    }\n  }\n": types.PromotionsTestOrderMoneyDocument,
    "\n  mutation PromotionsTestCancelOrder($orderId: ID!) {\n    cancelOrder(orderId: $orderId, reason: \"changed my mind\") {\n      id\n      status\n    }\n  }\n": types.PromotionsTestCancelOrderDocument,
    "\n  fragment ReturnsTestReturn on Return {\n    id\n    status\n    order {\n      id\n    }\n    items {\n      product {\n        sku\n      }\n      quantity\n      reason\n      acceptedQuantity\n      unitPrice {\n        cents\n      }\n    }\n    restockingFee {\n      cents\n      currency\n      formatted\n    }\n    refundAmount {\n      cents\n      currency\n      formatted\n    }\n    label {\n      carrier\n      trackingNumber\n      labelUrl\n    }\n    refundStatus\n    requestedAt\n    approvedAt\n    receivedAt\n    refundedAt\n    rejectionReason\n    comment\n    updatedAt\n  }\n": types.ReturnsTestReturnFragmentDoc,
    "\n  mutation ReturnsTestRequestReturn($orderId: ID!, $items: [ReturnItemInput!]!, $comment: String) {\n    requestReturn(orderId: $orderId, items: $items, comment: $comment) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n": types.ReturnsTestRequestReturnDocument,
    "\n  mutation ReturnsTestApproveReturn($returnId: ID!) {\n    approveReturn(returnId: $returnId) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n": types.ReturnsTestApproveReturnDocument,
    "\n  mutation ReturnsTestRejectReturn($returnId: ID!, $reason: String!) {\n    rejectReturn(returnId: $returnId, reason: $reason) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n": types.ReturnsTestRejectReturnDocument,
    "\n  mutation ReturnsTestReceiveReturn($returnId: ID!, $items: [ReturnInspectionInput!]!) {\n    receiveReturn(returnId: $returnId, items: $items) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n": types.ReturnsTestReceiveReturnDocument,
    "\n  query ReturnsTestReturn($id: ID!) {\n    return(id: $id) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n": types.ReturnsTestReturnDocument,
    "\n  query ReturnsTestReturns($status: ReturnStatus, $first: Int, $after: String) {\n    returns(status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        status\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ReturnsTestReturnsDocument,
    "\n  query ReturnsTestOrderWithReturns($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      total {\n        cents\n      }\n      timeline {\n        type\n        detail\n      }\n      payment {\n        status\n        captured {\n          cents\n        }\n        refunded {\n          cents\n        }\n      }\n      returns {\n        id\n        status\n        refundAmount {\n          cents\n        }\n      }\n    }\n  }\n": types.ReturnsTestOrderWithReturnsDocument,
    "\n  query StaffAccessShipTo($id: ID!) {\n    order(id: $id) {\n      id\n      shippingAddress {\n        city\n      }\n    }\n  }\n": types.StaffAccessShipToDocument,
    "\n  query StaffAccessShipmentShipTo($id: ID!) {\n    shipment(id: $id) {\n      id\n      order {\n        id\n        shippingAddress {\n          city\n        }\n      }\n    }\n  }\n": types.StaffAccessShipmentShipToDocument,
    "\n  query StaffAccessShipmentsOfOrder($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      shipments {\n        id\n      }\n    }\n  }\n": types.StaffAccessShipmentsOfOrderDocument,
    "\n  query StorefrontListing($first: Int) {\n    products(first: $first) {\n      nodes {\n        sku\n        name\n        status\n        purchasable\n        price {\n          formatted\n        }\n        availability {\n          inStock\n        }\n      }\n    }\n  }\n": types.StorefrontListingDocument,
    "\n  query StorefrontCategories {\n    categories\n  }\n": types.StorefrontCategoriesDocument,
    "\n  query StorefrontCheckoutOptions($id: ID!) {\n    checkout(id: $id) {\n      shippingOptions {\n        method\n        cost {\n          cents\n          formatted\n        }\n        minDays\n        maxDays\n      }\n    }\n  }\n": types.StorefrontCheckoutOptionsDocument,
    "\n  query StorefrontOrderDetails($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      status\n      placedAt\n      updatedAt\n      shippingMethod\n      estimatedDeliveryBy\n    }\n  }\n": types.StorefrontOrderDetailsDocument,
    "\n  query StorefrontOrderByNumber($number: String!) {\n    orders(number: $number) {\n      nodes {\n        id\n        number\n      }\n      totalCount\n    }\n  }\n": types.StorefrontOrderByNumberDocument,
    "\n  mutation StorefrontReorder($orderId: ID!) {\n    reorder(orderId: $orderId) {\n      cart {\n        id\n        status\n        items {\n          product {\n            sku\n          }\n          quantity\n          unitPrice {\n            cents\n          }\n        }\n      }\n      warnings {\n        sku\n        code\n        message\n      }\n    }\n  }\n": types.StorefrontReorderDocument,
    "\n  mutation StorefrontChangeStatus($sku: ID!, $status: ProductStatus!) {\n    changeProductStatus(sku: $sku, status: $status) {\n      sku\n      status\n    }\n  }\n": types.StorefrontChangeStatusDocument,
    "\n  mutation StorefrontProbeAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        items {\n          product {\n            sku\n          }\n          unitPrice {\n            cents\n          }\n        }\n      }\n    }\n  }\n": types.StorefrontProbeAddItemDocument,
    "\n  subscription ResumeOrderUpdates($orderId: ID, $after: String) {\n    orderUpdated(orderId: $orderId, after: $after) {\n      status\n      previousStatus\n      cursor\n      order {\n        id\n        status\n      }\n    }\n  }\n": types.ResumeOrderUpdatesDocument,
    "\n  query ResumeStatusHistory($id: ID!, $after: String) {\n    order(id: $id) {\n      statusChanges(after: $after) {\n        status\n        previousStatus\n        cursor\n      }\n    }\n  }\n": types.ResumeStatusHistoryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTestOrderStatus($id: ID!) {\n    order(id: $id) {\n      status\n      cancellationReason\n      shipments {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTestOrderStatus($id: ID!) {\n    order(id: $id) {\n      status\n      cancellationReason\n      shipments {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTestDeadLetters {\n    deadLetters(context: \"fulfillment\", first: 100) {\n      nodes {\n        id\n        eventId\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTestDeadLetters {\n    deadLetters(context: \"fulfillment\", first: 100) {\n      nodes {\n        id\n        eventId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CartTestCartProducts($id: ID!) {\n    cart(id: $id) {\n      items {\n        product {\n          sku\n          name\n          price {\n            cents\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CartTestCartProducts($id: ID!) {\n    cart(id: $id) {\n      items {\n        product {\n          sku\n          name\n          price {\n            cents\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CartTestCartCustomer($id: ID!) {\n    cart(id: $id) {\n      customer {\n        id\n        email\n      }\n      items {\n        quantity\n        product {\n          sku\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CartTestCartCustomer($id: ID!) {\n    cart(id: $id) {\n      customer {\n        id\n        email\n      }\n      items {\n        quantity\n        product {\n          sku\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartTestReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!) {\n    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: \"cart test\") {\n      available\n    }\n  }\n"): (typeof documents)["\n  mutation CartTestReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!) {\n    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: \"cart test\") {\n      available\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CartTestCart on Cart {\n    id\n    status\n    itemCount\n    subtotal {\n      cents\n      currency\n      formatted\n    }\n    expiresAt\n    updatedAt\n    customer {\n      id\n    }\n    items {\n      quantity\n      unitPrice {\n        cents\n        currency\n      }\n      lineTotal {\n        cents\n      }\n      product {\n        sku\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CartTestCart on Cart {\n    id\n    status\n    itemCount\n    subtotal {\n      cents\n      currency\n      formatted\n    }\n    expiresAt\n    updatedAt\n    customer {\n      id\n    }\n    items {\n      quantity\n      unitPrice {\n        cents\n        currency\n      }\n      lineTotal {\n        cents\n      }\n      product {\n        sku\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartTestCreateCart {\n    createCart {\n      ...CartTestCart\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CartTestCreateCart {\n    createCart {\n      ...CartTestCart\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CartTestCart($id: ID!) {\n    cart(id: $id) {\n      ...CartTestCart\n    }\n  }\n  \n"): (typeof documents)["\n  query CartTestCart($id: ID!) {\n    cart(id: $id) {\n      ...CartTestCart\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CartTestMyCart {\n    myCart {\n      ...CartTestCart\n    }\n  }\n  \n"): (typeof documents)["\n  query CartTestMyCart {\n    myCart {\n      ...CartTestCart\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartTestAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        ...CartTestCart\n      }\n      warnings {\n        sku\n        code\n        message\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CartTestAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        ...CartTestCart\n      }\n      warnings {\n        sku\n        code\n        message\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartTestChangeQuantity($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    changeCartItemQuantity(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        ...CartTestCart\n      }\n      warnings {\n        sku\n        code\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CartTestChangeQuantity($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    changeCartItemQuantity(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        ...CartTestCart\n      }\n      warnings {\n        sku\n        code\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartTestRemoveItem($cartId: ID!, $sku: ID!) {\n    removeCartItem(cartId: $cartId, sku: $sku) {\n      cart {\n        ...CartTestCart\n      }\n      warnings {\n        sku\n        code\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CartTestRemoveItem($cartId: ID!, $sku: ID!) {\n    removeCartItem(cartId: $cartId, sku: $sku) {\n      cart {\n        ...CartTestCart\n      }\n      warnings {\n        sku\n        code\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartTestClearCart($cartId: ID!) {\n    clearCart(cartId: $cartId) {\n      ...CartTestCart\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CartTestClearCart($cartId: ID!) {\n    clearCart(cartId: $cartId) {\n      ...CartTestCart\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartTestMergeCart($guestToken: String!) {\n    mergeCart(guestToken: $guestToken) {\n      ...CartTestCart\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CartTestMergeCart($guestToken: String!) {\n    mergeCart(guestToken: $guestToken) {\n      ...CartTestCart\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartTestCheckoutCart($cartId: ID!) {\n    checkoutCart(cartId: $cartId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CartTestCheckoutCart($cartId: ID!) {\n    checkoutCart(cartId: $cartId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n"): (typeof documents)["\n  mutation CartTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartTestChangeProductPrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      sku\n    }\n  }\n"): (typeof documents)["\n  mutation CartTestChangeProductPrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      sku\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartTestChangeProductStatus($sku: ID!, $status: ProductStatus!) {\n    changeProductStatus(sku: $sku, status: $status) {\n      sku\n    }\n  }\n"): (typeof documents)["\n  mutation CartTestChangeProductStatus($sku: ID!, $status: ProductStatus!) {\n    changeProductStatus(sku: $sku, status: $status) {\n      sku\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartTestStartGuestSession {\n    startGuestSession {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation CartTestStartGuestSession {\n    startGuestSession {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartTestRegisterCustomer($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      token\n      customer {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CartTestRegisterCustomer($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      token\n      customer {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CartTestLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      customer {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CartTestLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      customer {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogListingCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CatalogListingCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogListingUpdateProduct($sku: ID!, $input: UpdateProductInput!) {\n    updateProduct(sku: $sku, input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CatalogListingUpdateProduct($sku: ID!, $input: UpdateProductInput!) {\n    updateProduct(sku: $sku, input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogListingChangeProductStatus($sku: ID!, $status: ProductStatus!) {\n    changeProductStatus(sku: $sku, status: $status) {\n      sku\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CatalogListingChangeProductStatus($sku: ID!, $status: ProductStatus!) {\n    changeProductStatus(sku: $sku, status: $status) {\n      sku\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogListingProduct($sku: ID!) {\n    product(sku: $sku) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"): (typeof documents)["\n  query CatalogListingProduct($sku: ID!) {\n    product(sku: $sku) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogListingCategories {\n    categories\n  }\n"): (typeof documents)["\n  query CatalogListingCategories {\n    categories\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CatalogTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogTestUpdateProduct($sku: ID!, $input: UpdateProductInput!) {\n    updateProduct(sku: $sku, input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CatalogTestUpdateProduct($sku: ID!, $input: UpdateProductInput!) {\n    updateProduct(sku: $sku, input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogTestChangeProductPrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CatalogTestChangeProductPrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogTestChangeProductStatus($sku: ID!, $status: ProductStatus!, $reason: String) {\n    changeProductStatus(sku: $sku, status: $status, reason: $reason) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CatalogTestChangeProductStatus($sku: ID!, $status: ProductStatus!, $reason: String) {\n    changeProductStatus(sku: $sku, status: $status, reason: $reason) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogTestProduct($sku: ID!) {\n    product(sku: $sku) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"): (typeof documents)["\n  query CatalogTestProduct($sku: ID!) {\n    product(sku: $sku) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogSearchCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CatalogSearchCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CatalogSearchChangeProductStatus($sku: ID!, $status: ProductStatus!) {\n    changeProductStatus(sku: $sku, status: $status) {\n      sku\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CatalogSearchChangeProductStatus($sku: ID!, $status: ProductStatus!) {\n    changeProductStatus(sku: $sku, status: $status) {\n      sku\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CatalogTestProduct on Product {\n    sku\n    name\n    description\n    category\n    brand\n    tags\n    images {\n      url\n      altText\n    }\n    price {\n      cents\n      currency\n      formatted\n    }\n    status\n  }\n"): (typeof documents)["\n  fragment CatalogTestProduct on Product {\n    sku\n    name\n    description\n    category\n    brand\n    tags\n    images {\n      url\n      altText\n    }\n    price {\n      cents\n      currency\n      formatted\n    }\n    status\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogTestProductsPage($search: String, $category: String, $status: ProductStatus, $first: Int, $after: String) {\n    products(search: $search, category: $category, status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...CatalogTestProduct\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query CatalogTestProductsPage($search: String, $category: String, $status: ProductStatus, $first: Int, $after: String) {\n    products(search: $search, category: $category, status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...CatalogTestProduct\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomersTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n"): (typeof documents)["\n  mutation CustomersTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomersTestBrowseProducts($search: String, $sku: ID!) {\n    products(search: $search, first: 5) {\n      totalCount\n      nodes {\n        sku\n        name\n        price {\n          formatted\n        }\n      }\n    }\n    product(sku: $sku) {\n      sku\n      name\n    }\n  }\n"): (typeof documents)["\n  query CustomersTestBrowseProducts($search: String, $sku: ID!) {\n    products(search: $search, first: 5) {\n      totalCount\n      nodes {\n        sku\n        name\n        price {\n          formatted\n        }\n      }\n    }\n    product(sku: $sku) {\n      sku\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomersTestSearch($email: String!, $first: Int) {\n    customers(email: $email, first: $first) {\n      id\n      email\n      firstName\n    }\n  }\n"): (typeof documents)["\n  query CustomersTestSearch($email: String!, $first: Int) {\n    customers(email: $email, first: $first) {\n      id\n      email\n      firstName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomersTestAddress on Address {\n    id\n    nickname\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n    isDefault\n    verification\n  }\n"): (typeof documents)["\n  fragment CustomersTestAddress on Address {\n    id\n    nickname\n    line1\n    line2\n    city\n    region\n    postalCode\n    country\n    isDefault\n    verification\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomersTestSession on Session {\n    token\n    expiresAt\n    role\n    customer {\n      id\n      email\n      firstName\n      lastName\n    }\n  }\n"): (typeof documents)["\n  fragment CustomersTestSession on Session {\n    token\n    expiresAt\n    role\n    customer {\n      id\n      email\n      firstName\n      lastName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomersTestRegister($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      ...CustomersTestSession\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CustomersTestRegister($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      ...CustomersTestSession\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomersTestLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...CustomersTestSession\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CustomersTestLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      ...CustomersTestSession\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomersTestStartGuestSession {\n    startGuestSession {\n      ...CustomersTestSession\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CustomersTestStartGuestSession {\n    startGuestSession {\n      ...CustomersTestSession\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomersTestMe {\n    me {\n      id\n      email\n      firstName\n      lastName\n      addresses {\n        ...CustomersTestAddress\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query CustomersTestMe {\n    me {\n      id\n      email\n      firstName\n      lastName\n      addresses {\n        ...CustomersTestAddress\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomersTestCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      email\n      firstName\n      lastName\n      addresses {\n        ...CustomersTestAddress\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query CustomersTestCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      email\n      firstName\n      lastName\n      addresses {\n        ...CustomersTestAddress\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomersTestAddAddress($input: AddressInput!) {\n    addAddress(input: $input) {\n      ...CustomersTestAddress\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CustomersTestAddAddress($input: AddressInput!) {\n    addAddress(input: $input) {\n      ...CustomersTestAddress\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomersTestUpdateAddress($id: ID!, $input: AddressInput!) {\n    updateAddress(id: $id, input: $input) {\n      ...CustomersTestAddress\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CustomersTestUpdateAddress($id: ID!, $input: AddressInput!) {\n    updateAddress(id: $id, input: $input) {\n      ...CustomersTestAddress\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomersTestRemoveAddress($id: ID!) {\n    removeAddress(id: $id)\n  }\n"): (typeof documents)["\n  mutation CustomersTestRemoveAddress($id: ID!) {\n    removeAddress(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CustomersTestSetDefaultAddress($id: ID!) {\n    setDefaultAddress(id: $id) {\n      ...CustomersTestAddress\n    }\n  }\n  \n"): (typeof documents)["\n  mutation CustomersTestSetDefaultAddress($id: ID!) {\n    setDefaultAddress(id: $id) {\n      ...CustomersTestAddress\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FulfillmentTestOrderShipments($id: ID!) {\n    shipment(id: $id) {\n      order {\n        id\n        shipments {\n          id\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FulfillmentTestOrderShipments($id: ID!) {\n    shipment(id: $id) {\n      order {\n        id\n        shipments {\n          id\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FulfillmentTestShipments($status: ShipmentStatus, $warehouseId: ID, $first: Int, $after: String) {\n    shipments(status: $status, warehouseId: $warehouseId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...FulfillmentTestShipment\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  query FulfillmentTestShipments($status: ShipmentStatus, $warehouseId: ID, $first: Int, $after: String) {\n    shipments(status: $status, warehouseId: $warehouseId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...FulfillmentTestShipment\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FulfillmentTestShipment on Shipment {\n    id\n    status\n    carrier\n    trackingNumber\n    trackingUrl\n    deliveryAttempts\n    warehouse {\n      id\n    }\n    order {\n      id\n    }\n    items {\n      product {\n        sku\n      }\n      quantity\n    }\n    createdAt\n    assignedAt\n    dispatchedAt\n    deliveredAt\n    deliveryFailedAt\n    cancelledAt\n    updatedAt\n    timeline {\n      type\n      occurredAt\n      detail\n    }\n  }\n"): (typeof documents)["\n  fragment FulfillmentTestShipment on Shipment {\n    id\n    status\n    carrier\n    trackingNumber\n    trackingUrl\n    deliveryAttempts\n    warehouse {\n      id\n    }\n    order {\n      id\n    }\n    items {\n      product {\n        sku\n      }\n      quantity\n    }\n    createdAt\n    assignedAt\n    dispatchedAt\n    deliveredAt\n    deliveryFailedAt\n    cancelledAt\n    updatedAt\n    timeline {\n      type\n      occurredAt\n      detail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FulfillmentTestShipment($id: ID!) {\n    shipment(id: $id) {\n      ...FulfillmentTestShipment\n    }\n  }\n  \n"): (typeof documents)["\n  query FulfillmentTestShipment($id: ID!) {\n    shipment(id: $id) {\n      ...FulfillmentTestShipment\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FulfillmentTestDispatchShipment($shipmentId: ID!, $carrier: String) {\n    dispatchShipment(shipmentId: $shipmentId, carrier: $carrier) {\n      ...FulfillmentTestShipment\n    }\n  }\n  \n"): (typeof documents)["\n  mutation FulfillmentTestDispatchShipment($shipmentId: ID!, $carrier: String) {\n    dispatchShipment(shipmentId: $shipmentId, carrier: $carrier) {\n      ...FulfillmentTestShipment\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FulfillmentTestRecordDeliveryAttempt($shipmentId: ID!, $delivered: Boolean!, $note: String) {\n    recordDeliveryAttempt(shipmentId: $shipmentId, delivered: $delivered, note: $note) {\n      ...FulfillmentTestShipment\n    }\n  }\n  \n"): (typeof documents)["\n  mutation FulfillmentTestRecordDeliveryAttempt($shipmentId: ID!, $delivered: Boolean!, $note: String) {\n    recordDeliveryAttempt(shipmentId: $shipmentId, delivered: $delivered, note: $note) {\n      ...FulfillmentTestShipment\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InventoryTestLowStock {\n    lowStock {\n      sku\n      warehouse {\n        id\n      }\n      available\n      reserved\n      committed\n    }\n  }\n"): (typeof documents)["\n  query InventoryTestLowStock {\n    lowStock {\n      sku\n      warehouse {\n        id\n      }\n      available\n      reserved\n      committed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InventoryTestTopUp($sku: ID!) { receiveStock(sku: $sku, warehouseId: \"NJ-FC\", quantity: 5) { available } }"): (typeof documents)["mutation InventoryTestTopUp($sku: ID!) { receiveStock(sku: $sku, warehouseId: \"NJ-FC\", quantity: 5) { available } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InventoryTestWarehouses {\n    warehouses {\n      id\n      name\n      city\n      servesRegions\n    }\n  }\n"): (typeof documents)["\n  query InventoryTestWarehouses {\n    warehouses {\n      id\n      name\n      city\n      servesRegions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InventoryTestCatalogueAvailability($first: Int) {\n    products(first: $first) {\n      nodes {\n        sku\n        status\n        availability {\n          inStock\n          lowStock\n          totalAvailable\n          byWarehouse {\n            available\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query InventoryTestCatalogueAvailability($first: Int) {\n    products(first: $first) {\n      nodes {\n        sku\n        status\n        availability {\n          inStock\n          lowStock\n          totalAvailable\n          byWarehouse {\n            available\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InventoryTestStockMovements($sku: ID!, $warehouseId: ID, $first: Int) {\n    stockMovements(sku: $sku, warehouseId: $warehouseId, first: $first) {\n      id\n      sku\n      kind\n      deltaAvailable\n      deltaReserved\n      actor\n      reason\n      reference\n      occurredAt\n      warehouse {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query InventoryTestStockMovements($sku: ID!, $warehouseId: ID, $first: Int) {\n    stockMovements(sku: $sku, warehouseId: $warehouseId, first: $first) {\n      id\n      sku\n      kind\n      deltaAvailable\n      deltaReserved\n      actor\n      reason\n      reference\n      occurredAt\n      warehouse {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InventoryTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n"): (typeof documents)["\n  mutation InventoryTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InventoryTestAvailability($sku: ID!) {\n    product(sku: $sku) {\n      sku\n      availability {\n        inStock\n        lowStock\n        totalAvailable\n        byWarehouse {\n          sku\n          available\n          reserved\n          committed\n          shipped\n          warehouse {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query InventoryTestAvailability($sku: ID!) {\n    product(sku: $sku) {\n      sku\n      availability {\n        inStock\n        lowStock\n        totalAvailable\n        byWarehouse {\n          sku\n          available\n          reserved\n          committed\n          shipped\n          warehouse {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InventoryTestReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!, $reference: String) {\n    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: $reference) {\n      sku\n      available\n      reserved\n      committed\n      warehouse {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InventoryTestReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!, $reference: String) {\n    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: $reference) {\n      sku\n      available\n      reserved\n      committed\n      warehouse {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InventoryTestAdjustStock($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {\n      sku\n      available\n      reserved\n      committed\n      warehouse {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InventoryTestAdjustStock($sku: ID!, $warehouseId: ID!, $delta: Int!, $reason: String!) {\n    adjustStock(sku: $sku, warehouseId: $warehouseId, delta: $delta, reason: $reason) {\n      sku\n      available\n      reserved\n      committed\n      warehouse {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationsMine($first: Int, $after: String) {\n    myNotifications(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        to\n        subject\n        status\n        attempts\n        createdAt\n        sentAt\n        order {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationsMine($first: Int, $after: String) {\n    myNotifications(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        to\n        subject\n        status\n        attempts\n        createdAt\n        sentAt\n        order {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationsForStaff($status: NotificationStatus, $orderId: ID, $first: Int) {\n    notifications(status: $status, orderId: $orderId, first: $first) {\n      totalCount\n      nodes {\n        kind\n        to\n        status\n        order {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationsForStaff($status: NotificationStatus, $orderId: ID, $first: Int) {\n    notifications(status: $status, orderId: $orderId, first: $first) {\n      totalCount\n      nodes {\n        kind\n        to\n        status\n        order {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationsOfOrder($id: ID!) {\n    order(id: $id) {\n      id\n      notifications {\n        kind\n        to\n        status\n        attempts\n        sentAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationsOfOrder($id: ID!) {\n    order(id: $id) {\n      id\n      notifications {\n        kind\n        to\n        status\n        attempts\n        sentAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OperationsDeadLetters($context: String, $first: Int, $after: String) {\n    deadLetters(context: $context, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        context\n        handler\n        subject\n        eventId\n        error\n        attempts\n        failedAt\n        payload\n        replayedAt\n        replayRequestedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query OperationsDeadLetters($context: String, $first: Int, $after: String) {\n    deadLetters(context: $context, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        context\n        handler\n        subject\n        eventId\n        error\n        attempts\n        failedAt\n        payload\n        replayedAt\n        replayRequestedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OperationsReplay($id: ID!) {\n    replayDeadLetter(id: $id) {\n      id\n      replayedAt\n      replayRequestedAt\n    }\n  }\n"): (typeof documents)["\n  mutation OperationsReplay($id: ID!) {\n    replayDeadLetter(id: $id) {\n      id\n      replayedAt\n      replayRequestedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OperationsDeadLetterAlerts {\n    alertRaised {\n      id\n      kind\n      status\n      subject\n    }\n  }\n"): (typeof documents)["\n  subscription OperationsDeadLetterAlerts {\n    alertRaised {\n      id\n      kind\n      status\n      subject\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OperationsOrderRefunds($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      timeline {\n        type\n      }\n      payment {\n        status\n        refunded {\n          cents\n        }\n        refunds {\n          id\n          status\n          failureReason\n          manualReference\n          amount {\n            cents\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OperationsOrderRefunds($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      timeline {\n        type\n      }\n      payment {\n        status\n        refunded {\n          cents\n        }\n        refunds {\n          id\n          status\n          failureReason\n          manualReference\n          amount {\n            cents\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OperationsRetryRefund($refundId: ID!) {\n    retryRefund(refundId: $refundId) {\n      id\n      status\n      failureReason\n    }\n  }\n"): (typeof documents)["\n  mutation OperationsRetryRefund($refundId: ID!) {\n    retryRefund(refundId: $refundId) {\n      id\n      status\n      failureReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OperationsManualRefund($refundId: ID!, $reference: String!) {\n    recordManualRefund(refundId: $refundId, reference: $reference) {\n      id\n      status\n      manualReference\n      completedAt\n    }\n  }\n"): (typeof documents)["\n  mutation OperationsManualRefund($refundId: ID!, $reference: String!) {\n    recordManualRefund(refundId: $refundId, reference: $reference) {\n      id\n      status\n      manualReference\n      completedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OperationsAlerts($status: AlertStatus, $kind: AlertKind, $first: Int, $after: String) {\n    alerts(status: $status, kind: $kind, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        status\n        summary\n        subject\n        sku\n        raisedAt\n        acknowledgedAt\n        acknowledgedBy\n        resolvedAt\n        resolvedBy\n        resolution\n        escalatedAt\n        order {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OperationsAlerts($status: AlertStatus, $kind: AlertKind, $first: Int, $after: String) {\n    alerts(status: $status, kind: $kind, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        kind\n        status\n        summary\n        subject\n        sku\n        raisedAt\n        acknowledgedAt\n        acknowledgedBy\n        resolvedAt\n        resolvedBy\n        resolution\n        escalatedAt\n        order {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OperationsAcknowledge($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      status\n      acknowledgedAt\n      acknowledgedBy\n    }\n  }\n"): (typeof documents)["\n  mutation OperationsAcknowledge($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      id\n      status\n      acknowledgedAt\n      acknowledgedBy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OperationsResolve($id: ID!, $note: String) {\n    resolveAlert(id: $id, note: $note) {\n      id\n      status\n      resolvedAt\n      resolvedBy\n      resolution\n    }\n  }\n"): (typeof documents)["\n  mutation OperationsResolve($id: ID!, $note: String) {\n    resolveAlert(id: $id, note: $note) {\n      id\n      status\n      resolvedAt\n      resolvedBy\n      resolution\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OperationsAlertRaised {\n    alertRaised {\n      id\n      kind\n      status\n      summary\n      subject\n      sku\n      order {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription OperationsAlertRaised {\n    alertRaised {\n      id\n      kind\n      status\n      summary\n      subject\n      sku\n      order {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersSagaStock($sku: ID!) {\n    product(sku: $sku) {\n      availability {\n        totalAvailable\n        byWarehouse {\n          warehouse {\n            id\n          }\n          available\n          reserved\n          committed\n          shipped\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrdersSagaStock($sku: ID!) {\n    product(sku: $sku) {\n      availability {\n        totalAvailable\n        byWarehouse {\n          warehouse {\n            id\n          }\n          available\n          reserved\n          committed\n          shipped\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersSagaReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!) {\n    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: \"orders saga test\") {\n      available\n    }\n  }\n"): (typeof documents)["\n  mutation OrdersSagaReceiveStock($sku: ID!, $warehouseId: ID!, $quantity: Int!) {\n    receiveStock(sku: $sku, warehouseId: $warehouseId, quantity: $quantity, reference: \"orders saga test\") {\n      available\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersSagaAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      warnings {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OrdersSagaAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      warnings {\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersSagaSettlement($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      total {\n        cents\n      }\n      payment {\n        status\n        amount {\n          cents\n        }\n        captured {\n          cents\n        }\n        attempts\n        attemptLog {\n          operation\n          attempt\n          succeeded\n          failureKind\n        }\n      }\n      shipments {\n        id\n        status\n        warehouse {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrdersSagaSettlement($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      total {\n        cents\n      }\n      payment {\n        status\n        amount {\n          cents\n        }\n        captured {\n          cents\n        }\n        attempts\n        attemptLog {\n          operation\n          attempt\n          succeeded\n          failureKind\n        }\n      }\n      shipments {\n        id\n        status\n        warehouse {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersTestStaffListing($oldestFirst: Boolean, $first: Int, $after: String) {\n    orders(status: PLACED, oldestFirst: $oldestFirst, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        placedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrdersTestStaffListing($oldestFirst: Boolean, $first: Int, $after: String) {\n    orders(status: PLACED, oldestFirst: $oldestFirst, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        placedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrdersTestCheckout on Checkout {\n    id\n    status\n    items {\n      product {\n        sku\n      }\n      quantity\n      unitPrice {\n        cents\n        currency\n      }\n      lineTotal {\n        cents\n      }\n    }\n    shippingAddress {\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n    }\n    addressWarnings\n    shippingMethod\n    shippingCost {\n      cents\n      formatted\n    }\n    hasPaymentMethod\n    priceChanges {\n      product {\n        sku\n      }\n      previousPrice {\n        cents\n      }\n      currentPrice {\n        cents\n      }\n    }\n    subtotal {\n      cents\n    }\n    total {\n      cents\n      formatted\n    }\n    order {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment OrdersTestCheckout on Checkout {\n    id\n    status\n    items {\n      product {\n        sku\n      }\n      quantity\n      unitPrice {\n        cents\n        currency\n      }\n      lineTotal {\n        cents\n      }\n    }\n    shippingAddress {\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n    }\n    addressWarnings\n    shippingMethod\n    shippingCost {\n      cents\n      formatted\n    }\n    hasPaymentMethod\n    priceChanges {\n      product {\n        sku\n      }\n      previousPrice {\n        cents\n      }\n      currentPrice {\n        cents\n      }\n    }\n    subtotal {\n      cents\n    }\n    total {\n      cents\n      formatted\n    }\n    order {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrdersTestOrder on Order {\n    id\n    status\n    customer {\n      id\n    }\n    items {\n      product {\n        sku\n      }\n      quantity\n      unitPrice {\n        cents\n      }\n      lineTotal {\n        cents\n      }\n    }\n    shippingAddress {\n      line1\n      city\n      region\n      country\n    }\n    shippingMethod\n    subtotal {\n      cents\n    }\n    shippingCost {\n      cents\n    }\n    total {\n      cents\n      formatted\n    }\n    placedAt\n    cancellationReason\n    timeline {\n      type\n      occurredAt\n      detail\n    }\n  }\n"): (typeof documents)["\n  fragment OrdersTestOrder on Order {\n    id\n    status\n    customer {\n      id\n    }\n    items {\n      product {\n        sku\n      }\n      quantity\n      unitPrice {\n        cents\n      }\n      lineTotal {\n        cents\n      }\n    }\n    shippingAddress {\n      line1\n      city\n      region\n      country\n    }\n    shippingMethod\n    subtotal {\n      cents\n    }\n    shippingCost {\n      cents\n    }\n    total {\n      cents\n      formatted\n    }\n    placedAt\n    cancellationReason\n    timeline {\n      type\n      occurredAt\n      detail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersTestCheckout($id: ID!) {\n    checkout(id: $id) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n"): (typeof documents)["\n  query OrdersTestCheckout($id: ID!) {\n    checkout(id: $id) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersTestSetAddress($checkoutId: ID!, $addressId: ID, $address: AddressInput) {\n    setCheckoutShippingAddress(checkoutId: $checkoutId, addressId: $addressId, address: $address) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n"): (typeof documents)["\n  mutation OrdersTestSetAddress($checkoutId: ID!, $addressId: ID, $address: AddressInput) {\n    setCheckoutShippingAddress(checkoutId: $checkoutId, addressId: $addressId, address: $address) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersTestSetMethod($checkoutId: ID!, $method: ShippingMethod!) {\n    setCheckoutShippingMethod(checkoutId: $checkoutId, method: $method) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n"): (typeof documents)["\n  mutation OrdersTestSetMethod($checkoutId: ID!, $method: ShippingMethod!) {\n    setCheckoutShippingMethod(checkoutId: $checkoutId, method: $method) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersTestSetPayment($checkoutId: ID!, $paymentToken: String!) {\n    setCheckoutPaymentMethod(checkoutId: $checkoutId, paymentToken: $paymentToken) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n"): (typeof documents)["\n  mutation OrdersTestSetPayment($checkoutId: ID!, $paymentToken: String!) {\n    setCheckoutPaymentMethod(checkoutId: $checkoutId, paymentToken: $paymentToken) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersTestPlaceOrder($checkoutId: ID!, $acknowledgePriceChanges: Boolean) {\n    placeOrder(checkoutId: $checkoutId, acknowledgePriceChanges: $acknowledgePriceChanges) {\n      ...OrdersTestOrder\n    }\n  }\n  \n"): (typeof documents)["\n  mutation OrdersTestPlaceOrder($checkoutId: ID!, $acknowledgePriceChanges: Boolean) {\n    placeOrder(checkoutId: $checkoutId, acknowledgePriceChanges: $acknowledgePriceChanges) {\n      ...OrdersTestOrder\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersTestCancelOrder($orderId: ID!, $reason: String!) {\n    cancelOrder(orderId: $orderId, reason: $reason) {\n      ...OrdersTestOrder\n    }\n  }\n  \n"): (typeof documents)["\n  mutation OrdersTestCancelOrder($orderId: ID!, $reason: String!) {\n    cancelOrder(orderId: $orderId, reason: $reason) {\n      ...OrdersTestOrder\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersTestOrder($id: ID!) {\n    order(id: $id) {\n      ...OrdersTestOrder\n    }\n  }\n  \n"): (typeof documents)["\n  query OrdersTestOrder($id: ID!) {\n    order(id: $id) {\n      ...OrdersTestOrder\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersTestMyOrders($first: Int, $after: String) {\n    myOrders(first: $first, after: $after) {\n      nodes {\n        id\n        status\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrdersTestMyOrders($first: Int, $after: String) {\n    myOrders(first: $first, after: $after) {\n      nodes {\n        id\n        status\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersTestAllOrders($status: OrderStatus, $first: Int, $after: String) {\n    orders(status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        status\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrdersTestAllOrders($status: OrderStatus, $first: Int, $after: String) {\n    orders(status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        status\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OrdersTestOrderUpdated($orderId: ID) {\n    orderUpdated(orderId: $orderId) {\n      status\n      previousStatus\n      occurredAt\n      order {\n        id\n        status\n        total {\n          cents\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription OrdersTestOrderUpdated($orderId: ID) {\n    orderUpdated(orderId: $orderId) {\n      status\n      previousStatus\n      occurredAt\n      order {\n        id\n        status\n        total {\n          cents\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersTestRegister($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      token\n      customer {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OrdersTestRegister($input: RegisterCustomerInput!) {\n    registerCustomer(input: $input) {\n      token\n      customer {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersTestAddAddress($input: AddressInput!) {\n    addAddress(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation OrdersTestAddAddress($input: AddressInput!) {\n    addAddress(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersTestRemoveAddress($id: ID!) {\n    removeAddress(id: $id)\n  }\n"): (typeof documents)["\n  mutation OrdersTestRemoveAddress($id: ID!) {\n    removeAddress(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n"): (typeof documents)["\n  mutation OrdersTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      sku\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersTestChangePrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      sku\n    }\n  }\n"): (typeof documents)["\n  mutation OrdersTestChangePrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      sku\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersTestCreateCart {\n    createCart {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation OrdersTestCreateCart {\n    createCart {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersTestAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OrdersTestAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersTestCheckoutCart($cartId: ID!) {\n    checkoutCart(cartId: $cartId) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n"): (typeof documents)["\n  mutation OrdersTestCheckoutCart($cartId: ID!) {\n    checkoutCart(cartId: $cartId) {\n      ...OrdersTestCheckout\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersTestDispatch($shipmentId: ID!) {\n    dispatchShipment(shipmentId: $shipmentId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation OrdersTestDispatch($shipmentId: ID!) {\n    dispatchShipment(shipmentId: $shipmentId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrdersTestRecordDelivery($shipmentId: ID!, $delivered: Boolean!) {\n    recordDeliveryAttempt(shipmentId: $shipmentId, delivered: $delivered) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation OrdersTestRecordDelivery($shipmentId: ID!, $delivered: Boolean!) {\n    recordDeliveryAttempt(shipmentId: $shipmentId, delivered: $delivered) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersTestOrderPaymentAndShipments($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      payment {\n        status\n        amount {\n          cents\n        }\n      }\n      shipments {\n        id\n        status\n        warehouse {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrdersTestOrderPaymentAndShipments($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      payment {\n        status\n        amount {\n          cents\n        }\n      }\n      shipments {\n        id\n        status\n        warehouse {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PromotionsTestCreateCoupon($input: CreateCouponInput!) {\n    createCoupon(input: $input) {\n      code\n      description\n      percentOff\n      validUntil\n      maxRedemptions\n      redemptions\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation PromotionsTestCreateCoupon($input: CreateCouponInput!) {\n    createCoupon(input: $input) {\n      code\n      description\n      percentOff\n      validUntil\n      maxRedemptions\n      redemptions\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PromotionsTestDeactivateCoupon($code: ID!) {\n    deactivateCoupon(code: $code) {\n      code\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation PromotionsTestDeactivateCoupon($code: ID!) {\n    deactivateCoupon(code: $code) {\n      code\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromotionsTestCoupons($first: Int, $after: String) {\n    coupons(first: $first, after: $after) {\n      nodes {\n        code\n        percentOff\n        maxRedemptions\n        redemptions\n        active\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query PromotionsTestCoupons($first: Int, $after: String) {\n    coupons(first: $first, after: $after) {\n      nodes {\n        code\n        percentOff\n        maxRedemptions\n        redemptions\n        active\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PromotionsTestCart on Cart {\n    id\n    updatedAt\n    subtotal {\n      cents\n    }\n    discount {\n      cents\n      currency\n      formatted\n    }\n    coupon {\n      code\n      description\n      percentOff\n    }\n  }\n"): (typeof documents)["\n  fragment PromotionsTestCart on Cart {\n    id\n    updatedAt\n    subtotal {\n      cents\n    }\n    discount {\n      cents\n      currency\n      formatted\n    }\n    coupon {\n      code\n      description\n      percentOff\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PromotionsTestApplyCoupon($cartId: ID!, $code: String!) {\n    applyCoupon(cartId: $cartId, code: $code) {\n      cart {\n        ...PromotionsTestCart\n      }\n      warnings {\n        code\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  mutation PromotionsTestApplyCoupon($cartId: ID!, $code: String!) {\n    applyCoupon(cartId: $cartId, code: $code) {\n      cart {\n        ...PromotionsTestCart\n      }\n      warnings {\n        code\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PromotionsTestRemoveCoupon($cartId: ID!) {\n    removeCoupon(cartId: $cartId) {\n      cart {\n        ...PromotionsTestCart\n      }\n    }\n  }\n  \n"): (typeof documents)["\n  mutation PromotionsTestRemoveCoupon($cartId: ID!) {\n    removeCoupon(cartId: $cartId) {\n      cart {\n        ...PromotionsTestCart\n      }\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromotionsTestReadCart($id: ID!) {\n    cart(id: $id) {\n      ...PromotionsTestCart\n    }\n  }\n  \n"): (typeof documents)["\n  query PromotionsTestReadCart($id: ID!) {\n    cart(id: $id) {\n      ...PromotionsTestCart\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PromotionsTestMergeCart($guestToken: String!) {\n    mergeCart(guestToken: $guestToken) {\n      ...PromotionsTestCart\n    }\n  }\n  \n"): (typeof documents)["\n  mutation PromotionsTestMergeCart($guestToken: String!) {\n    mergeCart(guestToken: $guestToken) {\n      ...PromotionsTestCart\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromotionsTestCheckout($id: ID!) {\n    checkout(id: $id) {\n      id\n      subtotal {\n        cents\n      }\n      discount {\n        cents\n      }\n      couponCode\n      shippingCost {\n        cents\n      }\n      total {\n        cents\n      }\n    }\n  }\n"): (typeof documents)["\n  query PromotionsTestCheckout($id: ID!) {\n    checkout(id: $id) {\n      id\n      subtotal {\n        cents\n      }\n      discount {\n        cents\n      }\n      couponCode\n      shippingCost {\n        cents\n      }\n      total {\n        cents\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PromotionsTestPlaceOrder($checkoutId: ID!, $acknowledgePriceChanges: Boolean) {\n    placeOrder(checkoutId: $checkoutId, acknowledgePriceChanges: $acknowledgePriceChanges) {\n      id\n      status\n      couponCode\n      subtotal {\n        cents\n      }\n      discount {\n        cents\n      }\n      shippingCost {\n        cents\n      }\n      total {\n        cents\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PromotionsTestPlaceOrder($checkoutId: ID!, $acknowledgePriceChanges: Boolean) {\n    placeOrder(checkoutId: $checkoutId, acknowledgePriceChanges: $acknowledgePriceChanges) {\n      id\n      status\n      couponCode\n      subtotal {\n        cents\n      }\n      discount {\n        cents\n      }\n      shippingCost {\n        cents\n      }\n      total {\n        cents\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PromotionsTestOrderMoney($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      couponCode\n      discount {\n        cents\n      }\n      total {\n        cents\n      }\n      payment {\n        status\n        amount {\n          cents\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PromotionsTestOrderMoney($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      couponCode\n      discount {\n        cents\n      }\n      total {\n        cents\n      }\n      payment {\n        status\n        amount {\n          cents\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PromotionsTestCancelOrder($orderId: ID!) {\n    cancelOrder(orderId: $orderId, reason: \"changed my mind\") {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PromotionsTestCancelOrder($orderId: ID!) {\n    cancelOrder(orderId: $orderId, reason: \"changed my mind\") {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReturnsTestReturn on Return {\n    id\n    status\n    order {\n      id\n    }\n    items {\n      product {\n        sku\n      }\n      quantity\n      reason\n      acceptedQuantity\n      unitPrice {\n        cents\n      }\n    }\n    restockingFee {\n      cents\n      currency\n      formatted\n    }\n    refundAmount {\n      cents\n      currency\n      formatted\n    }\n    label {\n      carrier\n      trackingNumber\n      labelUrl\n    }\n    refundStatus\n    requestedAt\n    approvedAt\n    receivedAt\n    refundedAt\n    rejectionReason\n    comment\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment ReturnsTestReturn on Return {\n    id\n    status\n    order {\n      id\n    }\n    items {\n      product {\n        sku\n      }\n      quantity\n      reason\n      acceptedQuantity\n      unitPrice {\n        cents\n      }\n    }\n    restockingFee {\n      cents\n      currency\n      formatted\n    }\n    refundAmount {\n      cents\n      currency\n      formatted\n    }\n    label {\n      carrier\n      trackingNumber\n      labelUrl\n    }\n    refundStatus\n    requestedAt\n    approvedAt\n    receivedAt\n    refundedAt\n    rejectionReason\n    comment\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnsTestRequestReturn($orderId: ID!, $items: [ReturnItemInput!]!, $comment: String) {\n    requestReturn(orderId: $orderId, items: $items, comment: $comment) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n"): (typeof documents)["\n  mutation ReturnsTestRequestReturn($orderId: ID!, $items: [ReturnItemInput!]!, $comment: String) {\n    requestReturn(orderId: $orderId, items: $items, comment: $comment) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnsTestApproveReturn($returnId: ID!) {\n    approveReturn(returnId: $returnId) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n"): (typeof documents)["\n  mutation ReturnsTestApproveReturn($returnId: ID!) {\n    approveReturn(returnId: $returnId) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnsTestRejectReturn($returnId: ID!, $reason: String!) {\n    rejectReturn(returnId: $returnId, reason: $reason) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n"): (typeof documents)["\n  mutation ReturnsTestRejectReturn($returnId: ID!, $reason: String!) {\n    rejectReturn(returnId: $returnId, reason: $reason) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnsTestReceiveReturn($returnId: ID!, $items: [ReturnInspectionInput!]!) {\n    receiveReturn(returnId: $returnId, items: $items) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n"): (typeof documents)["\n  mutation ReturnsTestReceiveReturn($returnId: ID!, $items: [ReturnInspectionInput!]!) {\n    receiveReturn(returnId: $returnId, items: $items) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReturnsTestReturn($id: ID!) {\n    return(id: $id) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n"): (typeof documents)["\n  query ReturnsTestReturn($id: ID!) {\n    return(id: $id) {\n      ...ReturnsTestReturn\n    }\n  }\n  \n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReturnsTestReturns($status: ReturnStatus, $first: Int, $after: String) {\n    returns(status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        status\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReturnsTestReturns($status: ReturnStatus, $first: Int, $after: String) {\n    returns(status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        status\n      }\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReturnsTestOrderWithReturns($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      total {\n        cents\n      }\n      timeline {\n        type\n        detail\n      }\n      payment {\n        status\n        captured {\n          cents\n        }\n        refunded {\n          cents\n        }\n      }\n      returns {\n        id\n        status\n        refundAmount {\n          cents\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReturnsTestOrderWithReturns($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      total {\n        cents\n      }\n      timeline {\n        type\n        detail\n      }\n      payment {\n        status\n        captured {\n          cents\n        }\n        refunded {\n          cents\n        }\n      }\n      returns {\n        id\n        status\n        refundAmount {\n          cents\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffAccessShipTo($id: ID!) {\n    order(id: $id) {\n      id\n      shippingAddress {\n        city\n      }\n    }\n  }\n"): (typeof documents)["\n  query StaffAccessShipTo($id: ID!) {\n    order(id: $id) {\n      id\n      shippingAddress {\n        city\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffAccessShipmentShipTo($id: ID!) {\n    shipment(id: $id) {\n      id\n      order {\n        id\n        shippingAddress {\n          city\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StaffAccessShipmentShipTo($id: ID!) {\n    shipment(id: $id) {\n      id\n      order {\n        id\n        shippingAddress {\n          city\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffAccessShipmentsOfOrder($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      shipments {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query StaffAccessShipmentsOfOrder($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      shipments {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontListing($first: Int) {\n    products(first: $first) {\n      nodes {\n        sku\n        name\n        status\n        purchasable\n        price {\n          formatted\n        }\n        availability {\n          inStock\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontListing($first: Int) {\n    products(first: $first) {\n      nodes {\n        sku\n        name\n        status\n        purchasable\n        price {\n          formatted\n        }\n        availability {\n          inStock\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontCategories {\n    categories\n  }\n"): (typeof documents)["\n  query StorefrontCategories {\n    categories\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontCheckoutOptions($id: ID!) {\n    checkout(id: $id) {\n      shippingOptions {\n        method\n        cost {\n          cents\n          formatted\n        }\n        minDays\n        maxDays\n      }\n    }\n  }\n"): (typeof documents)["\n  query StorefrontCheckoutOptions($id: ID!) {\n    checkout(id: $id) {\n      shippingOptions {\n        method\n        cost {\n          cents\n          formatted\n        }\n        minDays\n        maxDays\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontOrderDetails($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      status\n      placedAt\n      updatedAt\n      shippingMethod\n      estimatedDeliveryBy\n    }\n  }\n"): (typeof documents)["\n  query StorefrontOrderDetails($id: ID!) {\n    order(id: $id) {\n      id\n      number\n      status\n      placedAt\n      updatedAt\n      shippingMethod\n      estimatedDeliveryBy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StorefrontOrderByNumber($number: String!) {\n    orders(number: $number) {\n      nodes {\n        id\n        number\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query StorefrontOrderByNumber($number: String!) {\n    orders(number: $number) {\n      nodes {\n        id\n        number\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorefrontReorder($orderId: ID!) {\n    reorder(orderId: $orderId) {\n      cart {\n        id\n        status\n        items {\n          product {\n            sku\n          }\n          quantity\n          unitPrice {\n            cents\n          }\n        }\n      }\n      warnings {\n        sku\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StorefrontReorder($orderId: ID!) {\n    reorder(orderId: $orderId) {\n      cart {\n        id\n        status\n        items {\n          product {\n            sku\n          }\n          quantity\n          unitPrice {\n            cents\n          }\n        }\n      }\n      warnings {\n        sku\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorefrontChangeStatus($sku: ID!, $status: ProductStatus!) {\n    changeProductStatus(sku: $sku, status: $status) {\n      sku\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation StorefrontChangeStatus($sku: ID!, $status: ProductStatus!) {\n    changeProductStatus(sku: $sku, status: $status) {\n      sku\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StorefrontProbeAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        items {\n          product {\n            sku\n          }\n          unitPrice {\n            cents\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StorefrontProbeAddItem($cartId: ID!, $sku: ID!, $quantity: Int!) {\n    addCartItem(cartId: $cartId, sku: $sku, quantity: $quantity) {\n      cart {\n        items {\n          product {\n            sku\n          }\n          unitPrice {\n            cents\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ResumeOrderUpdates($orderId: ID, $after: String) {\n    orderUpdated(orderId: $orderId, after: $after) {\n      status\n      previousStatus\n      cursor\n      order {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ResumeOrderUpdates($orderId: ID, $after: String) {\n    orderUpdated(orderId: $orderId, after: $after) {\n      status\n      previousStatus\n      cursor\n      order {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResumeStatusHistory($id: ID!, $after: String) {\n    order(id: $id) {\n      statusChanges(after: $after) {\n        status\n        previousStatus\n        cursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResumeStatusHistory($id: ID!, $after: String) {\n    order(id: $id) {\n      statusChanges(after: $after) {\n        status\n        previousStatus\n        cursor\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;