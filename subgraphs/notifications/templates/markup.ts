/**
 * MJML with every interpolated value escaped: customer-supplied text (names, address lines, a
 * cancellation reason) can never become markup. Nested fragments built with `mjml` stay as they are.
 *
 * A fragment keeps its values apart from its MJML: `skeleton` has a numbered slot where each value
 * goes, `values` the escaped values. Rendering MJML is the costly part of an e-mail, and the
 * skeleton of an e-mail kind takes only a few shapes (the number of items, a discount or not),
 * so render.ts renders each skeleton once and fills the slots of the HTML.
 */
export class Markup {
  constructor(
    readonly skeleton: string,
    readonly values: readonly string[],
  ) {}

  /** The MJML with the values in place. */
  get source(): string {
    return fillSlots(this.skeleton, this.values);
  }

  toString(): string {
    return this.source;
  }
}

// Private-use characters: escapeHtml turns them into references, so no value can forge a slot.
const slot = (index: number): string => `\uE000${index}\uE001`;
const SLOTS = /\uE000(\d+)\uE001/g;

/** Puts each value where its slot is (in MJML, or in the HTML rendered from it). */
export const fillSlots = (text: string, values: readonly string[]): string => text.replace(SLOTS, (_, index: string) => values[Number(index)]!);

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\uE000': '&#xE000;', '\uE001': '&#xE001;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"'\uE000\uE001]/g, (c) => ENTITIES[c]!);

type Interpolation = Markup | string | number | null | undefined | readonly Interpolation[];

function piece(value: Interpolation, values: string[]): string {
  if (value instanceof Markup) {
    const offset = values.length;
    values.push(...value.values);
    return offset ? value.skeleton.replace(SLOTS, (_, index: string) => slot(offset + Number(index))) : value.skeleton;
  }
  if (Array.isArray(value)) return value.map((item) => piece(item, values)).join('');
  if (value === null || value === undefined) return '';
  values.push(escapeHtml(String(value)));
  return slot(values.length - 1);
}

export function mjml(strings: TemplateStringsArray, ...values: Interpolation[]): Markup {
  const escaped: string[] = [];
  const skeleton = strings.reduce((out, text, i) => out + text + (i < values.length ? piece(values[i] as Interpolation, escaped) : ''), '');
  return new Markup(skeleton, escaped);
}
