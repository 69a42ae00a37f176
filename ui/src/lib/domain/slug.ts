/** A lowercase id suggestion from a display name: "Ana Silva" → "ana-silva". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** `base`, or `base-2`, `base-3`… the first not in `taken`. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!base) return '';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}
