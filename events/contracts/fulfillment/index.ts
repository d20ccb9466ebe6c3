export { ReservationShipRequested } from './reservation-ship-requested.event.js';
export { ShipmentAssigned } from './shipment-assigned.event.js';
export { ShipmentDispatched } from './shipment-dispatched.event.js';
export { DeliveryAttemptFailed } from './delivery-attempt-failed.event.js';
export { ShipmentDelivered } from './shipment-delivered.event.js';
export { DeliveryFailed } from './delivery-failed.event.js';
