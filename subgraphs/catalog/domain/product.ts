import { validatePrice, type Money, type MoneyInput } from './money.js';
import { invalid, valid, type FieldErrors, type Validated } from './validation.js';

/** The catalogue's rules for a product's fields (SPEC §3). Pure: no ORM, no GraphQL. */

export const PRODUCT_STATUSES = ['ACTIVE', 'COMING_SOON', 'OUT_OF_SEASON', 'DISCONTINUED'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export interface ProductImage {
  url: string;
  altText: string;
}

/** The descriptive fields `updateProduct` may change. */
export interface ProductDetails {
  name: string;
  description: string;
  category: string;
  brand: string | null;
  tags: string[];
  images: ProductImage[];
}
export type DetailField = keyof ProductDetails;
export const DETAIL_FIELDS: readonly DetailField[] = ['name', 'description', 'category', 'brand', 'tags', 'images'];

/** A product as the catalogue knows it (also the event snapshot). */
export interface Product extends ProductDetails {
  sku: string;
  price: Money;
  status: ProductStatus;
}

export const LIMITS = {
  skuPattern: /^[A-Z0-9-]{3,24}$/,
  nameMax: 100,
  descriptionMax: 2000,
  categoryMax: 50,
  brandMax: 100,
  tagMax: 50,
  /** Not in the spec: bounds that keep a product page and its search document sane. */
  tagsPerProduct: 20,
  imagesPerProduct: 10,
  urlMax: 2048,
  altTextMax: 250,
} as const;

// ---- inputs as they arrive from the API (GraphQL nullables included) ----

export interface ImageInput {
  url: string;
  altText: string;
}

export interface NewProductInput {
  sku: string;
  name: string;
  description: string;
  category: string;
  brand?: string | null;
  tags?: readonly string[] | null;
  images?: readonly ImageInput[] | null;
  price: MoneyInput;
  status?: ProductStatus | null;
}

/** `undefined` leaves a field as it is; `null` clears the brand and is refused elsewhere. */
export interface ProductChangesInput {
  name?: string | null;
  description?: string | null;
  category?: string | null;
  brand?: string | null;
  tags?: readonly string[] | null;
  images?: readonly ImageInput[] | null;
}

export type ProductChanges = Partial<ProductDetails>;

// ---- field rules ----

/** SKUs are compared upper-cased: `dog-bowl-001` and `DOG-BOWL-001` are the same product. */
export const normaliseSku = (raw: string): string => raw.trim().toUpperCase();

export function checkSku(raw: string): Validated<string> {
  const sku = normaliseSku(raw);
  return LIMITS.skuPattern.test(sku) ? valid(sku) : invalid({ sku: 'must be 3-24 characters of A-Z, 0-9 and "-"' });
}

type FieldCheck<T> = { value: T } | { error: string; field?: string };

function requiredText(raw: string, min: number, max: number): FieldCheck<string> {
  const value = raw.trim();
  if (value.length < min) return { error: 'must not be empty' };
  if (value.length > max) return { error: `must be at most ${max} characters` };
  return { value };
}

function optionalText(raw: string | null | undefined, max: number): FieldCheck<string | null> {
  const value = raw?.trim() ?? '';
  if (value.length > max) return { error: `must be at most ${max} characters` };
  return { value: value.length ? value : null };
}

/** Trimmed, de-duplicated case-insensitively (first spelling wins), order kept. */
function checkTags(raw: readonly string[], errors: FieldErrors): string[] {
  if (raw.length > LIMITS.tagsPerProduct) errors.tags = `at most ${LIMITS.tagsPerProduct} tags`;
  const seen = new Set<string>();
  const tags: string[] = [];
  raw.forEach((rawTag, i) => {
    const tag = rawTag.trim();
    if (!tag.length) errors[`tags[${i}]`] = 'must not be empty';
    else if (tag.length > LIMITS.tagMax) errors[`tags[${i}]`] = `must be at most ${LIMITS.tagMax} characters`;
    else if (!seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  });
  return tags;
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function checkImages(raw: readonly ImageInput[], errors: FieldErrors): ProductImage[] {
  if (raw.length > LIMITS.imagesPerProduct) errors.images = `at most ${LIMITS.imagesPerProduct} images`;
  return raw.map((image, i) => {
    const url = image.url.trim();
    const altText = image.altText.trim();
    if (url.length > LIMITS.urlMax || !isWebUrl(url)) errors[`images[${i}].url`] = 'must be an http(s) URL';
    if (!altText.length) errors[`images[${i}].altText`] = 'must not be empty';
    else if (altText.length > LIMITS.altTextMax) errors[`images[${i}].altText`] = `must be at most ${LIMITS.altTextMax} characters`;
    return { url, altText };
  });
}

function take<T>(check: FieldCheck<T>, field: string, errors: FieldErrors): T {
  if ('error' in check) {
    errors[check.field ?? field] = check.error;
    return undefined as T;
  }
  return check.value;
}

// ---- whole inputs ----

/** Normalises and validates a new product; reports every invalid field at once. */
export function validateNewProduct(input: NewProductInput): Validated<Product> {
  const errors: FieldErrors = {};
  const sku = checkSku(input.sku);
  if (!sku.ok) Object.assign(errors, sku.errors);
  const name = take(requiredText(input.name, 1, LIMITS.nameMax), 'name', errors);
  const description = take(requiredText(input.description, 0, LIMITS.descriptionMax), 'description', errors);
  const category = take(requiredText(input.category, 1, LIMITS.categoryMax), 'category', errors);
  const brand = take(optionalText(input.brand, LIMITS.brandMax), 'brand', errors);
  const tags = checkTags(input.tags ?? [], errors);
  const images = checkImages(input.images ?? [], errors);
  const price = validatePrice(input.price);
  if (!price.ok) Object.assign(errors, price.errors);
  const status = input.status ?? 'ACTIVE';
  if (!PRODUCT_STATUSES.includes(status)) errors.status = `must be one of ${PRODUCT_STATUSES.join(', ')}`;

  if (Object.keys(errors).length || !sku.ok || !price.ok) return invalid(errors);
  return valid({ sku: sku.value, name, description, category, brand, tags, images, price: price.value, status });
}

/** Normalises and validates a partial update; only the fields present are checked and returned. */
export function validateProductChanges(input: ProductChangesInput): Validated<ProductChanges> {
  const errors: FieldErrors = {};
  const changes: ProductChanges = {};
  const cannotClear = 'cannot be null (leave it out to keep the current value)';

  for (const field of ['name', 'description', 'category'] as const) {
    const raw = input[field];
    if (raw === undefined) continue;
    if (raw === null) {
      errors[field] = cannotClear;
      continue;
    }
    const max = field === 'name' ? LIMITS.nameMax : field === 'description' ? LIMITS.descriptionMax : LIMITS.categoryMax;
    changes[field] = take(requiredText(raw, field === 'description' ? 0 : 1, max), field, errors);
  }
  if (input.brand !== undefined) changes.brand = take(optionalText(input.brand, LIMITS.brandMax), 'brand', errors);
  if (input.tags === null) errors.tags = `${cannotClear}; an empty list removes all tags`;
  else if (input.tags !== undefined) changes.tags = checkTags(input.tags, errors);
  if (input.images === null) errors.images = `${cannotClear}; an empty list removes all images`;
  else if (input.images !== undefined) changes.images = checkImages(input.images, errors);

  return Object.keys(errors).length ? invalid(errors) : valid(changes);
}

/** The fields whose value `changes` would actually alter, in a stable order. */
export function changedFields(current: ProductDetails, changes: ProductChanges): DetailField[] {
  return DETAIL_FIELDS.filter((field) => field in changes && changes[field] !== undefined && !sameValue(current[field], changes[field]));
}

/** Compares by content; images are compared field by field (stored JSON may order keys differently). */
function sameValue(a: ProductDetails[DetailField], b: ProductDetails[DetailField] | undefined): boolean {
  const canonical = (v: unknown) =>
    JSON.stringify(Array.isArray(v) ? v.map((item) => (typeof item === 'object' && item ? [item.url, item.altText] : item)) : v);
  return canonical(a) === canonical(b);
}
