import { forkEm, type SubgraphSpec } from '../../platform/subgraph-runtime.js';
import type { Context } from './context.js';
import { customerHandlers } from './handlers/customer.handlers.js';
import { mailHandlers } from './handlers/mail-triggers.js';
import { orderHandlers } from './handlers/order.handlers.js';
import { SenderDoorbell, startSender } from './jobs/sender.job.js';
import { createNotificationsLoaders } from './loaders.js';
import { createSmtpMailer, type Mailer } from './mail/smtp-mailer.js';
import { createDeliveryMetrics } from './metrics.js';
import { createResolvers } from './resolvers/index.js';
import { Migration0001Notifications } from './store/migrations/0001-notifications.js';
import { Migration0002OrderDiscount } from './store/migrations/0002-order-discount.js';
import { NotificationEntity } from './store/notification.entity.js';
import { OrderSummaryEntity } from './store/order-summary.entity.js';
import { RecipientEntity } from './store/recipient.entity.js';

/** Sender loops per process: each holds one database connection while it talks to the SMTP server. */
const SENDER_WORKERS = 3;

export interface NotificationsOverrides {
  /** Instead of the wall clock (tests move past the retry schedule). */
  clock?: () => Date;
  /** Instead of the SMTP mailer built from SMTP_URL. */
  mailer?: Mailer;
}

/**
 * The notifications subgraph (SPEC §10): customer e-mails from integration events, rendered from
 * MJML templates, stored one row per message with the event's inbox row, sent over SMTP with 3
 * attempts on a durable schedule. Wired by hand.
 */
export function createNotificationsSubgraph(overrides: NotificationsOverrides = {}): SubgraphSpec<Context> {
  return {
    name: 'notifications',
    schemaFile: 'subgraphs/notifications/schema.graphql',
    entities: [NotificationEntity, RecipientEntity, OrderSummaryEntity],
    migrations: [
      { name: '0001-notifications', class: Migration0001Notifications },
      { name: '0002-order-discount', class: Migration0002OrderDiscount },
    ],
    build({ config, orm, log }) {
      const settings = config.notifications;
      const { smtpUrl, mailFrom } = settings;
      if (!mailFrom || (!smtpUrl && !overrides.mailer)) throw new Error('SMTP_URL and MAIL_FROM are required in production: notifications cannot send e-mails without them');
      const metrics = createDeliveryMetrics();
      const doorbell = new SenderDoorbell();
      const senderDeps = {
        mailer: overrides.mailer ?? createSmtpMailer({ url: smtpUrl!, from: mailFrom, timeoutMs: settings.smtpTimeoutMs, maxConnections: SENDER_WORKERS }),
        mailFrom,
        eventNamespace: config.nats.namespace,
        retryDelaysMs: settings.retryDelaysMs,
        clock: overrides.clock ?? (() => new Date()),
        onSent: metrics.observeSent,
      };
      return {
        resolvers: createResolvers(),
        createContext: (base) => {
          const em = forkEm(orm);
          return { ...base, em, loaders: createNotificationsLoaders(em) };
        },
        handlers: [...customerHandlers(), ...orderHandlers(), ...mailHandlers({ storefrontUrlBase: settings.storefrontUrlBase }, () => doorbell.ring())],
        jobs: [() => startSender({ orm, deps: senderDeps, pollMs: settings.pollMs, workers: SENDER_WORKERS, log: log.child({ component: 'sender' }), doorbell })],
        registerMetrics: metrics.register,
      };
    },
  };
}

export const notificationsSubgraph: SubgraphSpec<Context> = createNotificationsSubgraph();
