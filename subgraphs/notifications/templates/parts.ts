import type { ShippingAddressSnapshot } from '../../../events/contracts/orders/order-shapes.js';
import { formatMoney, type Money } from '../../../platform/money.js';
import { mjml, type Markup } from './markup.js';

/** Pieces several templates share: greetings, money, addresses, buttons, dates. */

export const money = (cents: number, currency: string): string => formatMoney({ cents, currency } satisfies Money);

// built once: constructing an Intl formatter loads locale data and cost more than the rest of a render
const LONG_DATE = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
export const longDate = (date: Date): string => LONG_DATE.format(date);

export const addressLines = (a: ShippingAddressSnapshot): string[] =>
  [a.line1, a.line2 ?? null, `${a.city}, ${a.region} ${a.postalCode}`, a.country].filter((line): line is string => Boolean(line));

export const paragraph = (text: string | Markup): Markup => mjml`<mj-text>${text}</mj-text>`;

export const heading = (text: string): Markup => mjml`<mj-text font-size="22px" font-weight="bold">${text}</mj-text>`;

export const button = (label: string, href: string): Markup => mjml`<mj-button href="${href}" background-color="#2f6f4f">${label}</mj-button>`;

export const greeting = (firstName: string): string => `Hi ${firstName},`;
