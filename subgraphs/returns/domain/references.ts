/** An order as another subgraph refers to it (orders owns it). */
export interface OrderReference {
  id: string;
}
