import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEvent } from './contract.js';
import { handle } from './handler.js';
import { durableConsumerFor } from './durable-consumer.js';
import { retryDelay } from './delivery.js';
import type { Broker } from './nats.js';

const PaymentCaptured = defineEvent({ context: 'payments', type: 'PaymentCaptured', version: 1, schema: z.object({ orderId: z.string() }) });
const broker = { namespace: 'cs' } as Broker;
const noop = async () => undefined;
const seconds = (ns: number) => ns / 1e9;

describe('durable consumer per handler', () => {
  it('reads the producing context stream, filtered to the event, named after the consuming context and handler', () => {
    const consumer = durableConsumerFor(broker, 'orders', handle(PaymentCaptured, { name: 'saga' }, noop));
    expect(consumer).toMatchObject({ stream: 'CS_PAYMENTS', name: 'orders-saga' });
    expect(consumer.config).toMatchObject({ durable_name: 'orders-saga', filter_subject: 'cs.payments.payment-captured.v1', ack_policy: 'explicit', max_deliver: 5 });
  });

  it('keeps the server back-off shorter than max_deliver, each entry being the ack wait plus that retry delay', () => {
    const handler = handle(PaymentCaptured, { name: 'saga', maxDeliver: 3, ackWaitMs: 10_000, backoffMs: [1_000, 5_000, 30_000] }, noop);
    expect(durableConsumerFor(broker, 'orders', handler).config.backoff?.map(seconds)).toEqual([11, 15]);
    const once = handle(PaymentCaptured, { name: 'once', maxDeliver: 1 }, noop);
    expect(durableConsumerFor(broker, 'orders', once).config.backoff).toBeUndefined();
  });

  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [9, 400],
  ])('after delivery %i waits %i ms (the last delay repeats)', (deliveryCount, expected) => {
    expect(retryDelay([100, 200, 400], deliveryCount)).toBe(expected);
  });

  it.each([
    [{ name: 'has space' }, /name must be/],
    [{ name: 'x', maxDeliver: 0 }, /maxDeliver/],
    [{ name: 'x', backoffMs: [] }, /backoffMs/],
    [{ name: 'x', concurrency: 0 }, /concurrency/],
    [{ name: 'x', ackWaitMs: 10 }, /ackWaitMs/],
  ])('rejects invalid handler options %j', (options, problem) => {
    expect(() => handle(PaymentCaptured, options, noop)).toThrow(problem);
  });
});
