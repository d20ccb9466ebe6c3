export { PaymentAuthorized } from './payment-authorized.event.js';
export { PaymentAuthorizationFailed } from './payment-authorization-failed.event.js';
export { PaymentCaptured } from './payment-captured.event.js';
export { PaymentCaptureFailed } from './payment-capture-failed.event.js';
export { PaymentVoided } from './payment-voided.event.js';
export { RefundCompleted } from './refund-completed.event.js';
export { RefundFailed } from './refund-failed.event.js';
