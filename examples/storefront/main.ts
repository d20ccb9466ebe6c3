import { runJourney } from './journey.js';

/**
 * `npx tsx examples/storefront/main.ts [http://127.0.0.1:4000/graphql]` against a running system
 * (`npm start`): the whole storefront journey, printed as it goes.
 */
const httpUrl = process.argv[2] ?? 'http://127.0.0.1:4000/graphql';
const wsUrl = httpUrl.replace(/^http/, 'ws');

runJourney({ httpUrl, wsUrl, log: (line) => console.log(line) }).then(
  (result) => console.log(`done: order ${result.orderNumber}, ${result.updates.length} live update(s), ${result.connections} connection(s)`),
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
