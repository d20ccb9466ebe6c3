/**
 * MJML with every interpolated value escaped: customer-supplied text (names, address lines, a
 * cancellation reason) can never become markup. Nested fragments built with `mjml` stay as they are.
 */
export class Markup {
  constructor(readonly source: string) {}
  toString(): string {
    return this.source;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

type Interpolation = Markup | string | number | null | undefined | readonly Interpolation[];

function piece(value: Interpolation): string {
  if (value instanceof Markup) return value.source;
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value === null || value === undefined) return '';
  return escapeHtml(String(value));
}

export function mjml(strings: TemplateStringsArray, ...values: Interpolation[]): Markup {
  return new Markup(strings.reduce((out, text, i) => out + text + (i < values.length ? piece(values[i] as Interpolation) : ''), ''));
}
