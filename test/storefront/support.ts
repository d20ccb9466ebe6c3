import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { GraphQLResponse, Stack } from '../support/stack.js';

/** Sends a typed document (test/__generated__'s `graphql()`) through the gateway; the answer is typed by it. */
export function send<TData, TVariables>(
  stack: Stack,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  token?: string,
): Promise<GraphQLResponse<TData>> {
  return stack.request<TData>(print(document), variables as Record<string, unknown>, token);
}
