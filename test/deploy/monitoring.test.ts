import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoPath } from '../../platform/paths.js';
import { notificationsSubgraph } from '../../subgraphs/notifications/subgraph.js';
import { operationsSubgraph } from '../../subgraphs/operations/subgraph.js';
import { ordersSubgraph } from '../../subgraphs/orders/subgraph.js';
import { paymentsSubgraph } from '../../subgraphs/payments/subgraph.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * deploy/monitoring checked against the code: the alerting rules are well-formed (and pass
 * `promtool check rules` where promtool is installed), every expression of the rules and of the
 * Grafana dashboard is balanced and calls only PromQL functions, and every metric they name is
 * exported on /metrics by a running process.
 */

const RULES_FILE = 'deploy/monitoring/prometheus-rules.yaml';
const DASHBOARD_FILE = 'deploy/monitoring/grafana-dashboard.json';

const FUNCTIONS = new Set([
  'abs', 'absent', 'avg', 'avg_over_time', 'ceil', 'changes', 'clamp', 'clamp_max', 'clamp_min', 'count', 'count_over_time', 'delta', 'deriv', 'floor',
  'histogram_quantile', 'idelta', 'increase', 'irate', 'label_replace', 'max', 'max_over_time', 'min', 'min_over_time', 'quantile', 'quantile_over_time',
  'rate', 'resets', 'round', 'scalar', 'sort', 'sort_desc', 'sum', 'sum_over_time', 'time', 'topk', 'bottomk', 'vector', 'last_over_time',
]);
const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset']);

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const rules = (): Rule[] => (parse(readFileSync(repoPath(RULES_FILE), 'utf8')) as { groups: { name: string; rules: Rule[] }[] }).groups.flatMap((g) => g.rules);

function dashboardExpressions(): { title: string; expr: string }[] {
  const dashboard = JSON.parse(readFileSync(repoPath(DASHBOARD_FILE), 'utf8')) as { panels: { title: string; targets: { expr: string }[] }[] };
  return dashboard.panels.flatMap((panel) => panel.targets.map((target) => ({ title: panel.title, expr: target.expr })));
}

/** Problems of a PromQL expression this check can see: unbalanced brackets, bad ranges, unknown functions. */
function problemsOf(expr: string): string[] {
  const problems: string[] = [];
  const withoutStrings = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const ch of withoutStrings) {
    if ('([{'.includes(ch)) stack.push(ch);
    else if (ch in pairs && stack.pop() !== pairs[ch]) problems.push(`unbalanced ${ch}`);
  }
  if (stack.length) problems.push(`unclosed ${stack.join('')}`);
  for (const [, range] of withoutStrings.matchAll(/\[([^\]]*)\]/g)) if (!/^\d+[smhdw]$/.test(range!)) problems.push(`bad range [${range}]`);
  for (const [, name] of stripLabels(withoutStrings).matchAll(/(?<![\w.:])([a-zA-Z_][a-zA-Z0-9_]*)\s*\(/g)) {
    if (!FUNCTIONS.has(name!) && !KEYWORDS.has(name!)) problems.push(`unknown function ${name}`);
  }
  return problems;
}

/** Label matchers and by/without lists hold label names, not metrics. */
function stripLabels(expr: string): string {
  return expr.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\{[^}]*\}/g, '').replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '').replace(/\[[^\]]*\]/g, '');
}

/** The metric names an expression reads (histogram series by their base name). */
function metricsOf(expr: string): string[] {
  const names = new Set<string>();
  for (const match of stripLabels(expr).matchAll(/(?<![\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\w:]|\s*\()/g)) {
    const name = match[1]!;
    if (KEYWORDS.has(name) || FUNCTIONS.has(name)) continue;
    names.add(name.replace(/_(bucket|sum|count)$/, ''));
  }
  return [...names];
}

describe('alerting rules', () => {
  it('are well-formed: a name, an expression, a duration, a severity and a summary each', () => {
    const all = rules();
    expect(all.length).toBeGreaterThan(0);
    for (const rule of all) {
      expect(rule.alert, JSON.stringify(rule)).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(typeof rule.expr).toBe('string');
      if (rule.for !== undefined) expect(rule.for, rule.alert).toMatch(/^\d+[smhd]$/);
      expect(['page', 'ticket'], rule.alert).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary, rule.alert).toBeTruthy();
    }
    expect(new Set(all.map((r) => r.alert)).size).toBe(all.length);
  });

  it('cover every service level and the operations targets', () => {
    const metrics = new Set(rules().flatMap((r) => metricsOf(r.expr)));
    for (const name of ['orders_checkout_completion_seconds', 'payments_refund_completion_seconds', 'notification_delivery_seconds', 'operations_dead_letters_pending', 'operations_overdue_alerts']) {
      expect(metrics, name).toContain(name);
    }
  });

  it('parse, as do the dashboard queries', () => {
    const expressions = [...rules().map((r) => ({ title: r.alert!, expr: r.expr })), ...dashboardExpressions()];
    for (const { title, expr } of expressions) expect(problemsOf(expr), title).toEqual([]);
    expect(problemsOf('sum(rate(x[5m])')).not.toEqual([]); // the check can fail
    expect(problemsOf('summ(x)')).toEqual(['unknown function summ']);
  });

  it.runIf(spawnSync('promtool', ['--version']).status === 0)('pass promtool check rules', () => {
    const result = spawnSync('promtool', ['check', 'rules', repoPath(RULES_FILE)], { encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});

describe('every metric the rules and the dashboard read', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack([ordersSubgraph, paymentsSubgraph, notificationsSubgraph, operationsSubgraph]);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('is exported on /metrics by a running process', async () => {
    const exported = new Set<string>();
    for (const running of Object.values(stack.subgraphs)) {
      const text = await (await fetch(new URL('/metrics', running.url))).text();
      for (const [, name] of text.matchAll(/^# TYPE (\S+) \S+$/gm)) exported.add(name!);
    }
    const referenced = new Set([...rules(), ...dashboardExpressions()].flatMap((r) => metricsOf(r.expr)));
    const missing = [...referenced].filter((name) => !exported.has(name));
    expect(missing).toEqual([]);
    expect(referenced.size).toBeGreaterThan(5);
  });
});
