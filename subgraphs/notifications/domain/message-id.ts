/**
 * The Message-ID of a notification: derived from its row id, so every attempt of one e-mail
 * carries the same one. A send that the SMTP server accepted just before the process died is
 * retried with it, and mail stores and clients recognise the copy as the same message.
 */
export function messageIdFor(notificationId: string, mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  const domain = address.includes('@') ? address.slice(address.lastIndexOf('@') + 1).trim() : 'crittersupply.invalid';
  return `<notification.${notificationId}@${domain}>`;
}
