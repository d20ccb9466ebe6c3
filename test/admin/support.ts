import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { ADMIN_APP_DIR } from '../../gateway/admin-app.js';
import { repoPath } from '../../platform/paths.js';
import { PaymentGatewayError, StubPaymentGateway, type PaymentGateway } from '../../subgraphs/payments/adapters/payment-gateway/index.js';
import type { AuthorizeRequest } from '../../subgraphs/payments/adapters/payment-gateway/payment-gateway.js';

/** Shared by the staff app's browser tests: the built app, Debian's Chromium, a provider that never answers. */

/** Debian's package (`.ci/run` installs it): Playwright drives it, no browser download. */
export const CHROMIUM = '/usr/bin/chromium';

export const SCREENSHOTS = repoPath('test-results', 'admin');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    // Playwright gives each launch a fresh, temporary profile (user data dir).
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * The gateway serves admin/dist; build it when `npm run build` has not (or sources are newer), so
 * the test runs the app as it is in the tree.
 */
export async function ensureAdminBuilt(): Promise<void> {
  const index = path.join(ADMIN_APP_DIR, 'index.html');
  if (existsSync(index) && newestSource(repoPath('admin', 'src')) <= statSync(index).mtimeMs) return;
  // A production build, as `npm run build` makes it (Vitest's NODE_ENV=test would give React's development build).
  execFileSync(process.execPath, [repoPath('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', repoPath('admin', 'vite.config.ts'), '--logLevel', 'warn'], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
}

function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }, 0);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * The stub provider, except that authorizations with a `tok_hold…` token get no answer until
 * `release()` (then a decline): a payment that never answers, so the order goes ON_HOLD, and the
 * stack can still stop (no handler left waiting).
 */
export class HeldPaymentGateway implements PaymentGateway {
  readonly name = 'stub' as const;
  private readonly stub = new StubPaymentGateway();
  private readonly waiting: Array<() => void> = [];
  private released = false;

  async authorize(request: AuthorizeRequest) {
    if (request.paymentToken.startsWith('tok_hold') && !this.released) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      throw new PaymentGatewayError('DECLINED', 'held by the test, then declined', false);
    }
    return this.stub.authorize(request);
  }

  capture: PaymentGateway['capture'] = (request) => this.stub.capture(request);
  void: PaymentGateway['void'] = (request) => this.stub.void(request);
  refund: PaymentGateway['refund'] = (request) => this.stub.refund(request);

  release(): void {
    this.released = true;
    this.waiting.splice(0).forEach((resolve) => resolve());
  }
}
