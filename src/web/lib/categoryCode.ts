/**
 * The code of a new category entry, made from its German label: lower case, umlauts folded,
 * everything else joined by underscores — the shape the API accepts (`[a-z0-9_]{1,50}`). Codes
 * already in the list get a number, so a new entry never takes over an existing one.
 */
export function codeForLabel(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 44)
      .replace(/_+$/, '') || 'entry';
  let code = base;
  for (let n = 2; taken.has(code); n += 1) code = `${base}_${n}`;
  return code;
}
