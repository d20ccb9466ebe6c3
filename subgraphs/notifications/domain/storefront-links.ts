/**
 * Links into the storefront that e-mails carry. The storefront's reorder page calls
 * `reorder(orderId)` (docs/clients.md): the order's items back in the cart at today's prices.
 */
export const reorderLink = (storefrontUrlBase: string, orderId: string): string => `${storefrontUrlBase}/orders/${encodeURIComponent(orderId)}/reorder`;
