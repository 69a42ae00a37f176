/**
 * Type-to-search over IANA zone names: every word typed must appear in the name
 * (`_` reads as a space, case ignored); names whose city starts with the query
 * come first, then names whose region does, then the rest, each alphabetically.
 */
function norm(s: string): string {
  return s.toLowerCase().replace(/_/g, ' ');
}

export function filterZones(zones: readonly string[], query: string): string[] {
  const q = norm(query.trim());
  if (q === '') return [...zones];
  const words = q.split(/[\s/]+/).filter(Boolean);
  const hits: { zone: string; rank: number }[] = [];
  for (const zone of zones) {
    const n = norm(zone);
    if (!words.every((w) => n.includes(w))) continue;
    const city = n.slice(n.lastIndexOf('/') + 1);
    const rank = n === q ? 0 : city.startsWith(q) ? 1 : n.startsWith(q) ? 2 : 3;
    hits.push({ zone, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || a.zone.localeCompare(b.zone));
  return hits.map((h) => h.zone);
}
