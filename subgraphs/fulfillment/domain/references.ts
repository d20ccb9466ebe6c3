/** Entities other subgraphs own, as fulfillment refers to them: by key only. */
export interface OrderReference {
  id: string;
}
