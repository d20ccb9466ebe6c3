export type { NotificationKind } from '../templates/index.js';
