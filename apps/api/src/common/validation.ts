import { getMetadataStorage, type ValidationError, validate } from 'class-validator';
import { AppError } from './errors';

function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Whether a class (or one it extends) declares any rule. Arguments such as PageArgs are built for
 * every resolved field of every row; a class without rules cannot fail, so it skips the validator.
 */
const hasRules = new WeakMap<Function, boolean>();
function declaresRules(type: Function): boolean {
  let known = hasRules.get(type);
  if (known === undefined) {
    known = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0;
    hasRules.set(type, known);
  }
  return known;
}

/**
 * Runs class-validator on every input object; the first problem names its field in the message,
 * all problems are listed in `extensions.fields`.
 */
export async function validateInput(value: unknown): Promise<void> {
  const nul = findNul(value, '');
  if (nul !== null) {
    const field = nul || 'input';
    throw new AppError('BAD_USER_INPUT', `${field}: must not contain NUL characters`, { field });
  }
  if (value === null || typeof value !== 'object') return;
  const targets = Array.isArray(value) ? value : [value];
  for (const target of targets) {
    if (target === null || typeof target !== 'object' || target.constructor === Object) continue;
    if (!declaresRules(target.constructor)) continue;
    const errors = await validate(target, { forbidUnknownValues: false, validationError: { target: false } });
    if (errors.length) {
      const fields = flatten(errors);
      const [first] = fields;
      throw new AppError('BAD_USER_INPUT', `${first.field}: ${first.message}`, {
        field: first.field,
        fields,
      });
    }
  }
}

/** PostgreSQL text cannot hold U+0000; find it before the database refuses it. */
function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}
