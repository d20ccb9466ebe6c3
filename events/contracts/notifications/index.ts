export { NotificationFailed } from './notification-failed.event.js';
