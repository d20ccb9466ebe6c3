/** SKUs as catalog writes them (SPEC §3): 3-24 of A-Z, 0-9 and '-', upper-cased on input. */
const SKU = /^[A-Z0-9-]{3,24}$/;

export const normaliseSku = (sku: string): string => sku.trim().toUpperCase();

export const isSku = (sku: string): boolean => SKU.test(sku);
