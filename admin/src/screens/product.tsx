import { useState } from 'react';
import { graphql } from '../__generated__';
import type { ProductStatus } from '../__generated__/graphql';
import { api } from '../graphql/api';
import { navigate } from '../router';
import { useSession } from '../session';
import { Show, useLoad } from '../ui/data';
import { SelectField, SubmissionNotes, TextArea, TextField, useSubmission } from '../ui/forms';
import { Link } from '../ui/link';
import { PRODUCT_STATUSES } from './catalog';

const Product = graphql(`
  query AdminProduct($sku: ID!) {
    categories
    product(sku: $sku) {
      sku
      name
      description
      brand
      category
      tags
      status
      price {
        cents
        formatted
      }
    }
  }
`);

const CreateProduct = graphql(`
  mutation AdminCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      sku
    }
  }
`);

const UpdateProduct = graphql(`
  mutation AdminUpdateProduct($sku: ID!, $input: UpdateProductInput!) {
    updateProduct(sku: $sku, input: $input) {
      sku
      name
    }
  }
`);

const ChangePrice = graphql(`
  mutation AdminChangeProductPrice($sku: ID!, $price: MoneyInput!) {
    changeProductPrice(sku: $sku, price: $price) {
      sku
      price {
        formatted
      }
    }
  }
`);

const ChangeStatus = graphql(`
  mutation AdminChangeProductStatus($sku: ID!, $status: ProductStatus!, $reason: String) {
    changeProductStatus(sku: $sku, status: $status, reason: $reason) {
      sku
      status
    }
  }
`);

/** `12.99` → 1299; anything else is NaN (the graph then names the field). */
export const toCents = (dollars: string): number => (/^\d+(\.\d{1,2})?$/.test(dollars.trim()) ? Math.round(Number(dollars.trim()) * 100) : NaN);

/** Create (no sku) or edit a product: details, price and status are separate changes, as in the graph. */
export function ProductScreen({ sku }: { sku?: string }) {
  const loaded = useLoad(() => (sku ? api.request(Product, { sku }) : Promise.resolve(null)), [sku]);
  return (
    <>
      <p>
        <Link to="/catalog">← Catalog</Link>
      </p>
      {!sku ? (
        <>
          <h1>New product</h1>
          <DetailsForm />
        </>
      ) : (
        <Show loaded={loaded}>
          {(data) =>
            !data?.product ? (
              <p>No product with SKU {sku}.</p>
            ) : (
              <>
                <h1>
                  {data.product.sku} · {data.product.name} <span className={`status status-${data.product.status}`}>{data.product.status}</span>
                </h1>
                <div className="grid-2">
                  <DetailsForm product={data.product} onSaved={loaded.reload} />
                  <div>
                    <PriceForm sku={data.product.sku} cents={data.product.price.cents} onSaved={loaded.reload} />
                    <StatusForm sku={data.product.sku} status={data.product.status} onSaved={loaded.reload} />
                  </div>
                </div>
              </>
            )
          }
        </Show>
      )}
    </>
  );
}

interface ProductDetails {
  sku: string;
  name: string;
  description: string;
  brand?: string | null;
  category: string;
  tags: string[];
}

function DetailsForm({ product, onSaved }: { product?: ProductDetails; onSaved?: () => void }) {
  const [sku, setSku] = useState(product?.sku ?? '');
  const [name, setName] = useState(product?.name ?? '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [brand, setBrand] = useState(product?.brand ?? '');
  const [category, setCategory] = useState(product?.category ?? '');
  const [tags, setTags] = useState(product?.tags.join(', ') ?? '');
  const [price, setPrice] = useState('');
  const tagList = tags.split(',').map((t) => t.trim()).filter(Boolean);
  const submission = useSubmission(async () => {
    if (!product) {
      const { createProduct } = await api.request(CreateProduct, {
        input: { sku, name, description, brand: brand || null, category, tags: tagList, price: { cents: toCents(price), currency: 'USD' } },
      });
      navigate(`/catalog/${encodeURIComponent(createProduct.sku)}`);
      return;
    }
    await api.request(UpdateProduct, { sku: product.sku, input: { name, description, brand: brand || null, category, tags: tagList } });
    onSaved?.();
    return 'Saved.';
  }, ['sku', 'name', 'description', 'brand', 'category', 'tags', 'price.cents']);
  const errors = submission.fieldErrors;
  return (
    <form onSubmit={submission.onSubmit} aria-label={product ? 'Product details' : 'Create a product'}>
      {!product && <TextField label="SKU" name="sku" required value={sku} onChange={(e) => setSku(e.target.value)} error={errors.sku} hint="3-24 characters: A-Z, 0-9 and '-'" />}
      <TextField label="Name" name="name" required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <TextArea label="Description" name="description" required value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} />
      <TextField label="Brand" name="brand" value={brand} onChange={(e) => setBrand(e.target.value)} error={errors.brand} />
      <TextField label="Category" name="category" required value={category} onChange={(e) => setCategory(e.target.value)} error={errors.category} />
      <TextField label="Tags (comma-separated)" name="tags" value={tags} onChange={(e) => setTags(e.target.value)} error={errors.tags} />
      {!product && <TextField label="Price (USD)" name="price" inputMode="decimal" required value={price} onChange={(e) => setPrice(e.target.value)} error={errors['price.cents']} hint="e.g. 12.99" />}
      <SubmissionNotes submission={submission} />
      <button type="submit" disabled={submission.busy}>
        {product ? 'Save details' : 'Create product'}
      </button>
    </form>
  );
}

function PriceForm({ sku, cents, onSaved }: { sku: string; cents: number; onSaved: () => void }) {
  const [price, setPrice] = useState((cents / 100).toFixed(2));
  const submission = useSubmission(async () => {
    const { changeProductPrice } = await api.request(ChangePrice, { sku, price: { cents: toCents(price), currency: 'USD' } });
    onSaved();
    return `Price is now ${changeProductPrice.price.formatted}.`;
  }, ['price.cents']);
  return (
    <form onSubmit={submission.onSubmit} aria-label="Price">
      <TextField label="Price (USD)" name="price" inputMode="decimal" required value={price} onChange={(e) => setPrice(e.target.value)} error={submission.fieldErrors['price.cents']} />
      <SubmissionNotes submission={submission} />
      <button type="submit" disabled={submission.busy}>
        Change price
      </button>
    </form>
  );
}

function StatusForm({ sku, status, onSaved }: { sku: string; status: ProductStatus; onSaved: () => void }) {
  const session = useSession()!;
  const [next, setNext] = useState<ProductStatus>(status);
  const [reason, setReason] = useState('');
  const submission = useSubmission(async () => {
    await api.request(ChangeStatus, { sku, status: next, reason: reason || null });
    onSaved();
    return `Status is now ${next}.`;
  }, ['status', 'reason']);
  // DISCONTINUED is final except for an ADMIN, who may bring the product back.
  const options = status === 'DISCONTINUED' && session.role !== 'ADMIN' ? [{ value: status, label: status }] : PRODUCT_STATUSES.map((s) => ({ value: s, label: s }));
  return (
    <form onSubmit={submission.onSubmit} aria-label="Status">
      <SelectField label="Status" name="status" value={next} options={options} onChange={(e) => setNext(e.target.value as ProductStatus)} error={submission.fieldErrors.status} />
      <TextField label="Reason" name="reason" value={reason} onChange={(e) => setReason(e.target.value)} error={submission.fieldErrors.reason} />
      <SubmissionNotes submission={submission} />
      <button type="submit" disabled={submission.busy}>
        Change status
      </button>
    </form>
  );
}
