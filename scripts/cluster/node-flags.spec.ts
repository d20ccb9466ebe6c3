import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../platform/paths.js';
import { systemNodeFlags } from './node-flags.js';

/** The system's Node flags are declared once per way of running it; these keep the three in step. */
describe('the system’s Node flags', () => {
  const flags = systemNodeFlags();

  it('are what the Dockerfile and the Kubernetes ConfigMap put in NODE_OPTIONS', () => {
    const dockerfile = /^ENV NODE_OPTIONS=(.*)$/m.exec(readFileSync(repoPath('Dockerfile'), 'utf8'))?.[1];
    const configMap = /^\s*NODE_OPTIONS: "(.*)"$/m.exec(readFileSync(repoPath('deploy/k8s/base/configmap.yaml'), 'utf8'))?.[1];
    expect(flags.length).toBeGreaterThan(0);
    expect(dockerfile?.split(' ')).toEqual(flags);
    expect(configMap?.split(' ')).toEqual(flags);
  });

  it('are accepted by this Node.js on the command line and in NODE_OPTIONS', () => {
    const onCommandLine = spawnSync(process.execPath, [...flags, '-e', '0'], { encoding: 'utf8' });
    expect(onCommandLine.stderr).toBe('');
    expect(onCommandLine.status).toBe(0);
    const inEnvironment = spawnSync(process.execPath, ['-e', '0'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: flags.join(' ') } });
    expect(inEnvironment.stderr).toBe('');
    expect(inEnvironment.status).toBe(0);
  });
});
