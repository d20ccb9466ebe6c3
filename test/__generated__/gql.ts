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
    "\n  mutation CatalogTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": typeof types.CatalogTestCreateProductDocument,
    "\n  mutation CatalogTestUpdateProduct($sku: ID!, $input: UpdateProductInput!) {\n    updateProduct(sku: $sku, input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": typeof types.CatalogTestUpdateProductDocument,
    "\n  mutation CatalogTestChangeProductPrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": typeof types.CatalogTestChangeProductPriceDocument,
    "\n  mutation CatalogTestChangeProductStatus($sku: ID!, $status: ProductStatus!, $reason: String) {\n    changeProductStatus(sku: $sku, status: $status, reason: $reason) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": typeof types.CatalogTestChangeProductStatusDocument,
    "\n  query CatalogTestProduct($sku: ID!) {\n    product(sku: $sku) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": typeof types.CatalogTestProductDocument,
    "\n  fragment CatalogTestProduct on Product {\n    sku\n    name\n    description\n    category\n    brand\n    tags\n    images {\n      url\n      altText\n    }\n    price {\n      cents\n      currency\n      formatted\n    }\n    status\n  }\n": typeof types.CatalogTestProductFragmentDoc,
};
const documents: Documents = {
    "\n  mutation CatalogTestCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": types.CatalogTestCreateProductDocument,
    "\n  mutation CatalogTestUpdateProduct($sku: ID!, $input: UpdateProductInput!) {\n    updateProduct(sku: $sku, input: $input) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": types.CatalogTestUpdateProductDocument,
    "\n  mutation CatalogTestChangeProductPrice($sku: ID!, $price: MoneyInput!) {\n    changeProductPrice(sku: $sku, price: $price) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": types.CatalogTestChangeProductPriceDocument,
    "\n  mutation CatalogTestChangeProductStatus($sku: ID!, $status: ProductStatus!, $reason: String) {\n    changeProductStatus(sku: $sku, status: $status, reason: $reason) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": types.CatalogTestChangeProductStatusDocument,
    "\n  query CatalogTestProduct($sku: ID!) {\n    product(sku: $sku) {\n      ...CatalogTestProduct\n    }\n  }\n  \n": types.CatalogTestProductDocument,
    "\n  fragment CatalogTestProduct on Product {\n    sku\n    name\n    description\n    category\n    brand\n    tags\n    images {\n      url\n      altText\n    }\n    price {\n      cents\n      currency\n      formatted\n    }\n    status\n  }\n": types.CatalogTestProductFragmentDoc,
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
export function graphql(source: "\n  fragment CatalogTestProduct on Product {\n    sku\n    name\n    description\n    category\n    brand\n    tags\n    images {\n      url\n      altText\n    }\n    price {\n      cents\n      currency\n      formatted\n    }\n    status\n  }\n"): (typeof documents)["\n  fragment CatalogTestProduct on Product {\n    sku\n    name\n    description\n    category\n    brand\n    tags\n    images {\n      url\n      altText\n    }\n    price {\n      cents\n      currency\n      formatted\n    }\n    status\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;