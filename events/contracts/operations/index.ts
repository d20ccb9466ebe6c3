export { AlertRaised, alertKindSchema } from './alert-raised.event.js';
export { AlertEscalated } from './alert-escalated.event.js';
export { DeadLetterReplayRequested } from './dead-letter-replay-requested.event.js';
