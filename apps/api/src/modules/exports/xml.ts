/** XML text and attribute values: markup characters escaped, characters XML 1.0 forbids dropped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 cannot carry
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlText(value: string): string {
  return value
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** One element with text content, or nothing when there is no value. */
export function el(
  name: string,
  value: string | null | undefined,
  attributes: Record<string, string> = {},
): string {
  if (value === null || value === undefined || value === '') return '';
  return `<${name}${attrs(attributes)}>${xmlText(value)}</${name}>`;
}

export function attrs(attributes: Record<string, string | null | undefined>): string {
  return Object.entries(attributes)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlText(v as string)}"`)
    .join('');
}

/** "Every Word Capitalised" from an enum value: EXERCISE → Exercise (CAP's vocabularies). */
export const capitalised = (value: string) => value.charAt(0) + value.slice(1).toLowerCase();
