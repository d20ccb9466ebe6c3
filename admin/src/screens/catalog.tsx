import { useState, type FormEvent } from 'react';
import { graphql } from '../__generated__';
import type { ProductStatus } from '../__generated__/graphql';
import { api } from '../graphql/api';
import { navigate, useLocation } from '../router';
import { Show, useLoad } from '../ui/data';
import { SelectField, TextField } from '../ui/forms';
import { Link } from '../ui/link';

const Products = graphql(`
  query AdminProducts($search: String, $status: ProductStatus, $after: String) {
    products(search: $search, status: $status, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        sku
        name
        category
        status
        price {
          formatted
        }
        availability {
          totalAvailable
        }
      }
    }
  }
`);

export const PRODUCT_STATUSES: readonly ProductStatus[] = ['ACTIVE', 'COMING_SOON', 'OUT_OF_SEASON', 'DISCONTINUED'];

/** The catalogue as catalog managers see it (every status), searchable; rows open the editor. */
export function CatalogScreen() {
  const { query } = useLocation();
  const search = query.get('search') ?? '';
  const status = (query.get('status') ?? '') as ProductStatus | '';
  const [after, setAfter] = useState<string | null>(null);
  const [text, setText] = useState(search);
  const products = useLoad(() => api.request(Products, { search: search || null, status: status || null, after }), [search, status, after]);
  const apply = (next: { search?: string; status?: string }) => {
    setAfter(null);
    const params = new URLSearchParams(Object.entries({ search, status, ...next }).filter(([, v]) => v) as [string, string][]);
    navigate(params.size ? `/catalog?${params}` : '/catalog');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ search: text.trim() });
  };
  return (
    <>
      <h1>Catalog</h1>
      <p>
        <Link to="/catalog/new">New product</Link>
      </p>
      <form className="inline" onSubmit={submit} aria-label="Search products">
        <TextField label="Search (name, brand, tags)" name="search" maxLength={200} value={text} onChange={(e) => setText(e.target.value)} />
        <SelectField label="Status" value={status} options={[{ value: '', label: 'Any status' }, ...PRODUCT_STATUSES.map((s) => ({ value: s, label: s }))]} onChange={(e) => apply({ status: e.target.value })} />
        <button type="submit">Search</button>
      </form>
      <Show loaded={products}>
        {(data) => (
          <>
            <p className="muted">{data.products.totalCount} products</p>
            <table>
              <thead>
                <tr>
                  <th>SKU</th>
                  <th>Name</th>
                  <th>Category</th>
                  <th>Status</th>
                  <th className="num">Price</th>
                  <th className="num">Available</th>
                </tr>
              </thead>
              <tbody>
                {data.products.nodes.map((p) => (
                  <tr key={p.sku}>
                    <td>
                      <Link to={`/catalog/${encodeURIComponent(p.sku)}`}>{p.sku}</Link>
                    </td>
                    <td>{p.name}</td>
                    <td>{p.category}</td>
                    <td>
                      <span className={`status status-${p.status}`}>{p.status}</span>
                    </td>
                    <td className="num">{p.price.formatted}</td>
                    <td className="num">{p.availability.totalAvailable}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.products.pageInfo.hasNextPage && (
              <button type="button" className="secondary" onClick={() => setAfter(data.products.pageInfo.endCursor ?? null)}>
                Next page
              </button>
            )}
          </>
        )}
      </Show>
    </>
  );
}
