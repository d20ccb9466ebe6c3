import { createHash } from 'node:crypto';
import type { ReturnCarrierAdapter, ReturnLabel, ReturnLabelRequest } from './return-carrier.js';

/** Where stub labels claim to be; nothing is served there (development and tests only). */
const STUB_LABEL_ORIGIN = 'https://labels.stub-carrier.invalid';

/**
 * The default return carrier: books nothing anywhere and gives a deterministic USPS-shaped label
 * per return (a hash of the return id), so asking twice gives the same label.
 */
export class StubReturnCarrier implements ReturnCarrierAdapter {
  async createReturnLabel(request: ReturnLabelRequest): Promise<ReturnLabel> {
    const hash = createHash('sha256').update(`return:${request.returnId}`).digest();
    const digits = (BigInt(`0x${hash.toString('hex')}`) % 10n ** 18n).toString().padStart(18, '0');
    const trackingNumber = `9202${digits}`;
    return { carrier: 'USPS', trackingNumber, labelUrl: `${STUB_LABEL_ORIGIN}/returns/${request.returnId}/${trackingNumber}.pdf` };
  }
}
