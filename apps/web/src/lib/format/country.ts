/** ISO 3166-1 user-assigned codes (AA, QM–QZ, XA–XZ, ZZ): no country has them, whatever CLDR calls them. */
function isUserAssigned(code: string): boolean {
  return code === 'AA' || code === 'ZZ' || /^(Q[M-Z]|X[A-Z])$/.test(code);
}

/** "South Sudan (SS)"; a code that names no country is shown as it is. */
export function countryName(code: string): string {
  const upper = code.toUpperCase();
  if (isUserAssigned(upper)) return `${upper} (no real country)`;
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(upper);
    return name && name !== upper ? `${name} (${upper})` : upper;
  } catch {
    return upper;
  }
}
