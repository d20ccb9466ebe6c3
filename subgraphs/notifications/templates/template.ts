import type { Markup } from './markup.js';

/** One kind of e-mail: its subject, its MJML body (inside the shared layout) and its plain-text twin. */
export interface Template<TData> {
  subject(data: TData): string;
  body(data: TData): Markup;
  text(data: TData): string;
}
