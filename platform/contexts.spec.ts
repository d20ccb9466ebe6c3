import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTEXT_NAMES, CONTEXTS, portVariable } from './contexts.js';
import { loadConfig } from './config.js';
import { repoPath } from './paths.js';

describe('the registry of contexts', () => {
  it.each(CONTEXT_NAMES)('%s has its subgraph folder: an SDL and a process entry point', (name) => {
    expect(existsSync(repoPath(`subgraphs/${name}/schema.graphql`))).toBe(true);
    expect(existsSync(repoPath(`subgraphs/${name}/main.ts`))).toBe(true);
  });

  it('gives every context its own default port, none of them the gateway’s', () => {
    const ports = CONTEXT_NAMES.map((name) => CONTEXTS[name].port);
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports).not.toContain(4000);
  });

  it('lets no two contexts claim the same setting', () => {
    const claimed = CONTEXT_NAMES.flatMap((name) => Object.keys(CONTEXTS[name].settings));
    expect(claimed.filter((setting, i) => claimed.indexOf(setting) !== i)).toEqual([]);
  });

  it('moves a context off its default port with <NAME>_PORT and gives it its own config section', () => {
    const config = loadConfig({ [portVariable('orders')]: '5105', ORDER_TIMEOUT_POLL_MS: '250' });
    expect(config.ports.orders).toBe(5105);
    expect(config.ports.catalog).toBe(CONTEXTS.catalog.port);
    expect(config.orders.timeoutPollMs).toBe(250);
  });

  it('reports a context’s bad setting with the others, by name', () => {
    expect(() => loadConfig({ ORDER_TIMEOUT_POLL_MS: 'soon', CART_EXPIRY_SWEEP_MS: '-1' })).toThrow(/ORDER_TIMEOUT_POLL_MS[\s\S]*CART_EXPIRY_SWEEP_MS|CART_EXPIRY_SWEEP_MS[\s\S]*ORDER_TIMEOUT_POLL_MS/);
  });
});

describe('notifications settings', () => {
  const production = { NODE_ENV: 'production', JWT_PUBLIC_KEY: 'x', STAFF_ACCOUNTS: '[]', SUBGRAPH_SHARED_SECRET: 'a-production-subgraph-secret' };

  it('sends to the development inbox (maildev) outside production', () => {
    const config = loadConfig({});
    expect(config.notifications.smtpUrl).toBe('smtp://127.0.0.1:1025');
    expect(config.notifications.retryDelaysMs).toEqual([300_000, 1_800_000]);
  });

  it('has no mail server in production unless configured, and refuses the development ones', () => {
    // null: the notifications process refuses to start (other processes do not need the SMTP secret)
    expect(loadConfig(production).notifications).toMatchObject({ smtpUrl: null, mailFrom: null });
    expect(() => loadConfig({ ...production, SMTP_URL: 'smtp://127.0.0.1:1025', MAIL_FROM: 'Shop <shop@example.com>' })).toThrow(/SMTP_URL must not be the development mail server/);
    expect(() => loadConfig({ ...production, SMTP_URL: 'smtp://user:pass@smtp.example.com:587', MAIL_FROM: 'CritterSupply <orders@crittersupply.dev>' })).toThrow(/MAIL_FROM must not be the development sender/);
    expect(loadConfig({ ...production, SMTP_URL: 'smtps://user:pass@smtp.example.com:465', MAIL_FROM: 'Shop <shop@example.com>' }).notifications.smtpUrl).toBe('smtps://user:pass@smtp.example.com:465');
  });

  it('accepts only smtp:// and smtps:// URLs', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL/);
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.com:465' }).notifications.smtpUrl).toBe('smtps://u:p@mail.example.com:465');
  });
});
