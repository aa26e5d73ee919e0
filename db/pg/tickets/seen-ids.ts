/**
 * The ids an import has read so far, kept as 32-bit hashes (4 to 8 bytes an id, not the ids themselves): a row whose
 * id's hash is new certainly has a new id; one whose hash was seen may repeat an earlier row's id, or share its hash by
 * chance (about one row in 8,000 by a million rows), and is checked exactly by the database.
 */
export class SeenIds {
  private slots = new Uint32Array(1 << 16);
  private count = 0;

  /** Notes an id by its hash (idHash()); true when the hash was noted before (a possible repeat). */
  add(hash: number): boolean {
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === hash) return true;
      if (slot === 0) {
        this.slots[i] = hash;
        if (++this.count * 2 > this.slots.length) this.grow();
        return false;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (const hash of old) {
      if (hash === 0) continue;
      let i = hash & mask;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.slots[i] = hash;
    }
  }
}
