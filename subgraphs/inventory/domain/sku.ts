/**
 * SKUs as catalog defines them (SPEC §3): 3–24 characters of A-Z, 0-9 and '-', upper-cased on
 * input. Inventory keeps its own copy of the rule instead of importing catalog's domain.
 */
const SKU_PATTERN = /^[A-Z0-9-]{3,24}$/;

export const normaliseSku = (sku: string): string => sku.trim().toUpperCase();

export const isValidSku = (sku: string): boolean => SKU_PATTERN.test(sku);

/** A catalog product as inventory knows it: by SKU only (the entity key). */
export interface SkuReference {
  sku: string;
}
