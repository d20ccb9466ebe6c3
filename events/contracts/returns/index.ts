export { ReturnUpdated } from './return-updated.event.js';
export { ReturnReceived } from './return-received.event.js';
export { ReturnRefundRequested } from './return-refund-requested.event.js';
export { returnReasonSchema, returnStatusSchema, type ReturnStatusName } from './return-shapes.js';
