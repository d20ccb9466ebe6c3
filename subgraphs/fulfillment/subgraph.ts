import { forkEm, type SubgraphSpec } from '../../platform/subgraph-runtime.js';
import { createCarrierAdapter } from './carrier/create-carrier.js';
import { StubCarrier } from './carrier/stub-carrier.js';
import type { Context } from './context.js';
import { orderHandlers } from './handlers/order.handlers.js';
import { carrierWebhookRoutes } from './http/carrier-webhook.js';
import { easyPostWebhookRoutes } from './http/easypost-webhook.js';
import { startCarrierSimulation } from './jobs/carrier-simulation.job.js';
import { createFulfillmentLoaders } from './loaders.js';
import { createResolvers } from './resolvers/index.js';
import { CarrierEventEntity } from './store/carrier-event.entity.js';
import { Migration0001Fulfillment } from './store/migrations/0001-fulfillment.js';
import { Migration0002TrackingUrl } from './store/migrations/0002-tracking-url.js';
import { OrderCancellationEntity } from './store/order-cancellation.entity.js';
import { ShipmentHistoryEntity } from './store/shipment-history.entity.js';
import { ShipmentEntity } from './store/shipment.entity.js';
import { createFulfillmentUseCases, type FulfillmentDeps } from './use-cases/index.js';

/**
 * The fulfillment subgraph (SPEC §8): one shipment per order, assigned to the reserving warehouse,
 * dispatched by warehouse staff or the carrier's pick-up scan, delivered or held after three failed
 * attempts. Carrier reports arrive on signed webhooks (the generic carrier one and EasyPost's trackers).
 * The carrier adapter is chosen by configuration (stub or EasyPost). Wired by hand.
 */
export const fulfillmentSubgraph: SubgraphSpec<Context> = {
  name: 'fulfillment',
  schemaFile: 'subgraphs/fulfillment/schema.graphql',
  entities: [ShipmentEntity, ShipmentHistoryEntity, CarrierEventEntity, OrderCancellationEntity],
  migrations: [
    { name: '0001-fulfillment', class: Migration0001Fulfillment },
    { name: '0002-tracking-url', class: Migration0002TrackingUrl },
  ],
  build({ config, orm, log, outbound }) {
    const carrier = createCarrierAdapter({ config, outbound, log });
    const deps: FulfillmentDeps = { eventNamespace: config.nats.namespace, carrier };
    const { carrierWebhookSecret, carrierSimulationStepMs } = config.fulfillment;
    // only the stub simulates deliveries; EasyPost's own test mode moves its trackers
    const simulator = config.fulfillment.carrierSimulation && carrier instanceof StubCarrier ? carrier : null;
    if (!carrierWebhookSecret) log.warn('CARRIER_WEBHOOK_SECRET is not set: the carrier webhook answers 503');
    const easyPostWebhookSecret = config.carrier.easypost.webhookSecret;
    if (carrier.name === 'easypost' && !easyPostWebhookSecret) log.warn('EASYPOST_WEBHOOK_SECRET is not set: the EasyPost webhook answers 503');
    const fork = () => forkEm(orm);
    return {
      resolvers: createResolvers(createFulfillmentUseCases(deps)),
      createContext: (base) => {
        const em = forkEm(orm);
        return { ...base, em, loaders: createFulfillmentLoaders(em) };
      },
      handlers: orderHandlers(deps),
      routes: (app) => {
        carrierWebhookRoutes({ secret: carrierWebhookSecret, eventNamespace: deps.eventNamespace, fork, log })(app);
        easyPostWebhookRoutes({ secret: easyPostWebhookSecret, eventNamespace: deps.eventNamespace, fork, log })(app);
      },
      jobs: simulator
        ? [() => startCarrierSimulation({ orm, eventNamespace: deps.eventNamespace, simulator, stepMs: carrierSimulationStepMs, log: log.child({ component: 'carrier-simulation' }) })]
        : [],
    };
  },
};
