export type Rng = () => number;

/** mulberry32: a small seeded generator, so the demo county is the same every time. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n bytes from the seeded generator, for ids and codes that must come out the same each time. */
export function rngBytes(rng: Rng): (n: number) => Buffer {
  return (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rng() * 256)));
}
