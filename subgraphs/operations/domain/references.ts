/** Entities other subgraphs own, as operations refers to them: by key only. */
export interface OrderReference {
  id: string;
}
