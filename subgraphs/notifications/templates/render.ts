import mjml2html from 'mjml';
import { fillSlots, mjml, type Markup } from './markup.js';
import { TEMPLATES, type DataOf, type NotificationKind } from './index.js';
import type { Template } from './template.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

const FOOTER = 'CritterSupply · supplies for every critter · You receive this e-mail because of your CritterSupply account or order.';

/** One e-mail as MJML: the kind's body inside the shared responsive layout, its subject and text part. */
export function emailDocument<K extends NotificationKind>(kind: K, data: DataOf<K>): { subject: string; document: Markup; text: string } {
  const template = TEMPLATES[kind] as unknown as Template<DataOf<K>>;
  // a subject is one header line whatever a customer typed into their name
  const subject = template.subject(data).replace(/\s+/g, ' ').trim();
  const document = mjml`
    <mjml>
      <mj-head>
        <mj-title>${subject}</mj-title>
        <mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" /><mj-text font-size="15px" line-height="1.5" color="#222" /></mj-attributes>
      </mj-head>
      <mj-body background-color="#f4f4f0">
        <mj-section background-color="#2f6f4f"><mj-column><mj-text color="#ffffff" font-size="20px" font-weight="bold">CritterSupply</mj-text></mj-column></mj-section>
        <mj-section background-color="#ffffff"><mj-column>${template.body(data)}</mj-column></mj-section>
        <mj-section><mj-column><mj-text font-size="12px" color="#777">${FOOTER}</mj-text></mj-column></mj-section>
      </mj-body>
    </mjml>`;
  return { subject, document, text: `${template.text(data)}\n\n--\n${FOOTER}\n` };
}

/** Renders one e-mail (emailDocument) to HTML and text. */
export async function renderEmail<K extends NotificationKind>(kind: K, data: DataOf<K>): Promise<RenderedEmail> {
  const { subject, document, text } = emailDocument(kind, data);
  return { subject, html: await htmlOf(kind, document), text };
}

/** HTML per skeleton (markup.ts): an e-mail kind has a handful of shapes; bounded all the same. */
const renderedSkeletons = new Map<string, string>();
const MAX_SKELETONS = 500;

async function htmlOf(kind: NotificationKind, document: Markup): Promise<string> {
  let html = renderedSkeletons.get(document.skeleton);
  if (html === undefined) {
    const rendered = await mjml2html(document.skeleton, { validationLevel: 'strict' });
    if (rendered.errors?.length) throw new Error(`MJML template ${kind} is invalid: ${rendered.errors.map((e) => e.formattedMessage).join('; ')}`);
    html = rendered.html;
    if (renderedSkeletons.size >= MAX_SKELETONS) renderedSkeletons.clear();
    renderedSkeletons.set(document.skeleton, html);
  }
  return fillSlots(html, document.values);
}
