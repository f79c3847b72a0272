import type { FrameRate, FrameRateStatic, TickTime, TickTimeStatic } from "@adobe/premierepro";

export const TICKS_PER_SECOND = 254_016_000_000n;

/** Premiere's time value: an integer count of ticks, handed out as a decimal string. */
export class SimTickTime {
  constructor(readonly value: bigint) {}

  get ticks(): string {
    return this.value.toString();
  }

  get ticksNumber(): number {
    return Number(this.value);
  }

  get seconds(): number {
    return Number(this.value) / Number(TICKS_PER_SECOND);
  }

  equals(other: TickTime): boolean {
    return BigInt(other.ticks) === this.value;
  }

  add(other: TickTime): TickTime {
    return tick(this.value + BigInt(other.ticks));
  }

  subtract(other: TickTime): TickTime {
    return tick(this.value - BigInt(other.ticks));
  }

  multiply(factor: number): TickTime {
    return tick(BigInt(Math.round(Number(this.value) * factor)));
  }

  divide(divisor: number): TickTime {
    return divisor === 0 ? TIME_INVALID : tick(BigInt(Math.round(Number(this.value) / divisor)));
  }

  alignToFrame(frameRate: FrameRate): TickTime {
    const perFrame = BigInt(frameRate.ticksPerFrame);
    return tick((this.value / perFrame) * perFrame);
  }

  alignToNearestFrame(frameRate: FrameRate): TickTime {
    const perFrame = BigInt(frameRate.ticksPerFrame);
    return tick(((2n * this.value + perFrame) / (2n * perFrame)) * perFrame);
  }
}

/** Typed as the declarations' TickTime (which also declares construct signatures no instance has). */
export function tick(value: bigint): TickTime {
  return new SimTickTime(value) as unknown as TickTime;
}

export function ticksOf(time: TickTime): bigint {
  return BigInt(time.ticks);
}

const TIME_INVALID = tick(-1n);

export class SimFrameRate {
  constructor(public ticksPerFrame: number) {}

  get value(): number {
    return Number(TICKS_PER_SECOND) / this.ticksPerFrame;
  }

  equals(other: FrameRate): boolean {
    return other.ticksPerFrame === this.ticksPerFrame;
  }
}

export function frameRateOfTicks(ticksPerFrame: bigint): FrameRate {
  return new SimFrameRate(Number(ticksPerFrame)) as unknown as FrameRate;
}

export const FrameRateStaticSim: FrameRateStatic = {
  createWithValue: (value: number) => frameRateOfTicks(BigInt(Math.round(Number(TICKS_PER_SECOND) / value))),
};

export const TickTimeStaticSim: TickTimeStatic = {
  createWithFrameAndFrameRate: (frameCount: number, frameRate: FrameRate) =>
    tick(BigInt(frameCount) * BigInt(frameRate.ticksPerFrame)),
  createWithSeconds: (seconds: number) => tick(BigInt(Math.round(seconds * Number(TICKS_PER_SECOND)))),
  createWithTicks: (ticks: string) => tick(BigInt(ticks)),
  TIME_ZERO: tick(0n),
  TIME_ONE_SECOND: tick(TICKS_PER_SECOND),
  TIME_ONE_MINUTE: tick(60n * TICKS_PER_SECOND),
  TIME_ONE_HOUR: tick(3600n * TICKS_PER_SECOND),
  TIME_MAX: tick(2n ** 63n - 1n),
  TIME_MIN: tick(-(2n ** 63n)),
  TIME_INVALID,
};
