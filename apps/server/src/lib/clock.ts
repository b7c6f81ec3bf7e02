export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told: tests and the demo generator use it. */
export class ManualClock implements Clock {
  private t: number;
  constructor(start: Date) {
    this.t = start.getTime();
  }
  now() {
    return new Date(this.t);
  }
  set(at: Date) {
    this.t = at.getTime();
  }
  advance(ms: number) {
    this.t += ms;
  }
}
