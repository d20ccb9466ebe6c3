import { canMove, type OrderStatus } from './order-status.js';
import type { AlertKind, SagaCommand, SagaEnvironment, SagaOutcome, SagaRecord, SagaState, TimeoutInstruction, TimeoutKind } from './types.js';

/**
 * One reaction of the saga under construction: a private copy of the state plus what the
 * reaction asks for. The decider's functions write to it; `finish` hands the result back.
 */
export class Step {
  readonly state: SagaState;
  private readonly commands: SagaCommand[] = [];
  private readonly records: SagaRecord[] = [];
  private readonly timeouts: TimeoutInstruction[] = [];
  /** The state as it came, as JSON: the copy is made from it and `finish` compares with it. */
  private readonly originalJson: string;

  constructor(
    private readonly original: SagaState,
    readonly env: SagaEnvironment,
  ) {
    // The state is JSON (it is stored as jsonb): a JSON round trip copies it in half the CPU of
    // structuredClone, and the text serves finish's comparison too — every saga step makes one.
    this.originalJson = JSON.stringify(original);
    this.state = JSON.parse(this.originalJson) as SagaState;
  }

  request(command: SagaCommand): void {
    this.commands.push(command);
  }

  timeline(entry: string, detail: string | null = null): void {
    this.records.push({ type: 'TimelineEntry', entry, detail });
  }

  alert(kind: AlertKind, detail: string): void {
    this.records.push({ type: 'AlertRaised', kind, detail });
    this.timeline('ALERT_RAISED', `${kind}: ${detail}`);
  }

  /** Moves the order along the transition table; any other move is a bug in the decider. */
  moveTo(to: OrderStatus, reason: string | null = null): void {
    const from = this.state.status;
    if (!canMove(from, to)) throw new Error(`Order ${this.state.orderId}: no transition ${from} → ${to}`);
    this.state.status = to;
    this.records.push({ type: 'StatusChanged', from, to, reason });
  }

  schedule(kind: TimeoutKind, dueAt: Date): void {
    const token = this.env.newId();
    this.state.timeouts[kind] = token;
    this.timeouts.push({ type: 'Schedule', kind, token, dueAt });
  }

  cancelTimeout(kind: TimeoutKind): void {
    if (this.state.timeouts[kind] === undefined) return;
    delete this.state.timeouts[kind];
    this.timeouts.push({ type: 'Cancel', kind });
  }

  /** The timeout fired: it is no longer pending (its row is gone already). */
  forgetTimeout(kind: TimeoutKind): void {
    delete this.state.timeouts[kind];
  }

  finish(): SagaOutcome {
    const changed = this.commands.length > 0 || this.records.length > 0 || this.timeouts.length > 0 || JSON.stringify(this.state) !== this.originalJson;
    if (!changed) return { changed, state: this.original, commands: [], records: [], timeouts: [] };
    return { changed, state: this.state, commands: this.commands, records: this.records, timeouts: this.timeouts };
  }
}
