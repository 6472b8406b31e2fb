/**
 * The natural keys seen so far in one file, each with the line it was first seen on, to report a
 * duplicate on its second occurrence. Keys are kept as 64-bit hashes in typed arrays, not as strings
 * in a Map: a million-row file costs 24 to 48 MB outside the JS heap instead of well over 100 MB of
 * strings on it. Two different keys share a hash with a probability of about n^2 / 2^65, one in 37
 * million for a million rows; that would report a false duplicate, never hide a real one.
 */
export class KeyLines {
  private high = new Uint32Array(1024);
  private low = new Uint32Array(1024);
  private lines = new Uint32Array(1024);
  private size = 0;

  /** The line `key` was first seen on; or undefined, and `line` is remembered for it. */
  firstLine(key: string, line: number): number | undefined {
    if (this.size * 2 >= this.lines.length) this.grow();
    const [high, low] = hash64(key);
    const slot = this.find(high, low);
    const seen = this.lines[slot]!;
    if (seen !== 0) return seen;
    this.high[slot] = high;
    this.low[slot] = low;
    this.lines[slot] = line;
    this.size++;
    return undefined;
  }

  private find(high: number, low: number): number {
    const mask = this.lines.length - 1;
    let slot = low & mask;
    while (this.lines[slot] !== 0 && (this.high[slot] !== high || this.low[slot] !== low)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { high, low, lines } = this;
    this.high = new Uint32Array(lines.length * 2);
    this.low = new Uint32Array(lines.length * 2);
    this.lines = new Uint32Array(lines.length * 2);
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === 0) continue;
      const slot = this.find(high[i]!, low[i]!);
      this.high[slot] = high[i]!;
      this.low[slot] = low[i]!;
      this.lines[slot] = lines[i]!;
    }
  }
}

/** cyrb53's two 32-bit lanes (a fast, well-mixed string hash), both kept: 64 bits. */
function hash64(text: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h2 >>> 0, h1 >>> 0];
}
