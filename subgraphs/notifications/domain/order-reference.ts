/** An order as notifications' GraphQL knows it: by id (orders owns everything else about it). */
export interface OrderReference {
  id: string;
}
