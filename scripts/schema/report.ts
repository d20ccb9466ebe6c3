/** One line per step (✔ / ✖ / –) followed by indented details; the exit code comes from `failed`. */

export type StepStatus = 'pass' | 'fail' | 'skip';

export interface StepResult {
  status: StepStatus;
  title: string;
  details: string[];
}

export const pass = (title: string, details: string[] = []): StepResult => ({ status: 'pass', title, details });
export const fail = (title: string, details: string[] = []): StepResult => ({ status: 'fail', title, details });
export const skip = (title: string, reason: string): StepResult => ({ status: 'skip', title: `${title} (skipped: ${reason})`, details: [] });

const MARK: Record<StepStatus, string> = { pass: '✔', fail: '✖', skip: '–' };

export function formatStep(step: StepResult): string {
  return [`${MARK[step.status]} ${step.title}`, ...step.details.map((line) => `    ${line}`)].join('\n');
}
