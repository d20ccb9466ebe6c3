import { useState } from 'react';
import { graphql } from '../__generated__';
import { api } from '../graphql/api';
import { Show, useLoad } from '../ui/data';
import { formatTime } from '../ui/format';
import { SubmissionNotes, TextField, useSubmission } from '../ui/forms';

const Coupons = graphql(`
  query AdminCoupons($after: String) {
    coupons(first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        code
        description
        percentOff
        validUntil
        redemptions
        maxRedemptions
        active
      }
    }
  }
`);

const CreateCoupon = graphql(`
  mutation AdminCreateCoupon($input: CreateCouponInput!) {
    createCoupon(input: $input) {
      code
    }
  }
`);

const DeactivateCoupon = graphql(`
  mutation AdminDeactivateCoupon($code: ID!) {
    deactivateCoupon(code: $code) {
      code
      active
    }
  }
`);

/** Coupons as catalog managers run them: what exists and how much it is used, a new one, deactivate. */
export function CouponsScreen() {
  const [after, setAfter] = useState<string | null>(null);
  const coupons = useLoad(() => api.request(Coupons, { after }), [after]);
  return (
    <>
      <h1>Coupons</h1>
      <div className="grid-2">
        <section aria-labelledby="coupon-list">
          <h2 id="coupon-list">All coupons</h2>
          <Show loaded={coupons}>
            {(data) => (
              <>
                <p className="muted">{data.coupons.totalCount} coupons</p>
                <table>
                  <thead>
                    <tr>
                      <th>Code</th>
                      <th>Description</th>
                      <th className="num">% off</th>
                      <th>Valid until</th>
                      <th className="num">Redemptions</th>
                      <th>State</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.coupons.nodes.map((c) => (
                      <tr key={c.code} data-coupon={c.code}>
                        <td>{c.code}</td>
                        <td>{c.description}</td>
                        <td className="num">{c.percentOff} %</td>
                        <td>{c.validUntil ? formatTime(c.validUntil) : 'No expiry'}</td>
                        <td className="num">
                          {c.redemptions} / {c.maxRedemptions ?? '∞'}
                        </td>
                        <td>
                          <span className={`status status-${c.active ? 'ACTIVE' : 'INACTIVE'}`}>{c.active ? 'ACTIVE' : 'INACTIVE'}</span>
                          {c.active && <DeactivateButton code={c.code} onDone={coupons.reload} />}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {data.coupons.pageInfo.hasNextPage && (
                  <button type="button" className="secondary" onClick={() => setAfter(data.coupons.pageInfo.endCursor ?? null)}>
                    Next page
                  </button>
                )}
              </>
            )}
          </Show>
        </section>
        <section aria-labelledby="new-coupon">
          <h2 id="new-coupon">New coupon</h2>
          <NewCouponForm onCreated={coupons.reload} />
        </section>
      </div>
    </>
  );
}

function DeactivateButton({ code, onDone }: { code: string; onDone: () => void }) {
  const deactivate = useSubmission(async () => {
    await api.request(DeactivateCoupon, { code });
    onDone();
  }, []);
  return (
    <form className="inline" onSubmit={deactivate.onSubmit} aria-label={`Deactivate ${code}`}>
      <button type="submit" className="secondary" disabled={deactivate.busy}>
        Deactivate
      </button>
      <SubmissionNotes submission={deactivate} />
    </form>
  );
}

const EMPTY = { code: '', description: '', percentOff: '', validUntil: '', maxRedemptions: '' };

/** The graph validates; its `extensions.fields` errors land under the inputs they are about. */
function NewCouponForm({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState(EMPTY);
  const set = (name: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value }));
  const create = useSubmission(async () => {
    const { createCoupon } = await api.request(CreateCoupon, {
      input: {
        code: form.code.trim(),
        description: form.description.trim(),
        percentOff: Number(form.percentOff),
        // a local date-time input: its instant in UTC, as the graph takes it
        validUntil: form.validUntil ? new Date(form.validUntil).toISOString() : null,
        maxRedemptions: form.maxRedemptions ? Number(form.maxRedemptions) : null,
      },
    });
    setForm(EMPTY);
    onCreated();
    return `Coupon ${createCoupon.code} created.`;
  }, ['code', 'description', 'percentOff', 'validUntil', 'maxRedemptions']);
  const errors = create.fieldErrors;
  return (
    <form onSubmit={create.onSubmit} aria-label="New coupon">
      <TextField label="Code" hint="3-32 letters, digits, - or _" required value={form.code} onChange={set('code')} error={errors.code} />
      <TextField label="Description" required maxLength={200} value={form.description} onChange={set('description')} error={errors.description} />
      <TextField label="Percent off" type="number" required value={form.percentOff} onChange={set('percentOff')} error={errors.percentOff} />
      <TextField label="Valid until (optional)" type="datetime-local" value={form.validUntil} onChange={set('validUntil')} error={errors.validUntil} />
      <TextField label="Maximum redemptions (optional)" type="number" value={form.maxRedemptions} onChange={set('maxRedemptions')} error={errors.maxRedemptions} />
      <button type="submit" disabled={create.busy}>
        Create coupon
      </button>
      <SubmissionNotes submission={create} />
    </form>
  );
}
