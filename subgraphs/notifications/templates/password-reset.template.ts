import { mjml } from './markup.js';
import { button, greeting, heading, longDate, paragraph } from './parts.js';
import type { Template } from './template.js';

export interface PasswordResetData {
  firstName: string;
  resetUrl: string;
  expiresAt: Date;
}

/** Sent when someone asked to reset the account's password: the single-use link. */
export const passwordReset: Template<PasswordResetData> = {
  subject: () => 'Reset your CritterSupply password',
  body: (d) => mjml`
    ${heading('Reset your password')}
    ${paragraph(greeting(d.firstName))}
    ${paragraph('Someone (hopefully you) asked to reset the password of your CritterSupply account. The link works once.')}
    ${button('Choose a new password', d.resetUrl)}
    ${paragraph(`It expires on ${longDate(d.expiresAt)} at ${d.expiresAt.toISOString().slice(11, 16)} UTC. If you did not ask for it, ignore this e-mail: your password stays as it is.`)}`,
  text: (d) =>
    [
      greeting(d.firstName),
      '',
      'Someone (hopefully you) asked to reset the password of your CritterSupply account. The link works once:',
      d.resetUrl,
      '',
      `It expires on ${longDate(d.expiresAt)} at ${d.expiresAt.toISOString().slice(11, 16)} UTC. If you did not ask for it, ignore this e-mail: your password stays as it is.`,
    ].join('\n'),
};
