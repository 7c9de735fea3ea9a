/**
 * Collects positional parameters while a statement is assembled, so that values never enter SQL text.
 * `q.p(value)` returns the placeholder (`$3`) for a value.
 */
export class Sql {
  readonly where: string[] = [];

  /**
   * Whether the statement reads a whole set (a count) rather than a page or a few rows by key;
   * read rules shape their subqueries for one or the other (see common/visibility.ts).
   */
  wholeSet = false;

  /** `params` is shared with the statement a part (a joined subquery) is built for. */
  constructor(readonly params: unknown[] = []) {}

  /** A builder for a subquery of this statement: own conditions, the same parameters. */
  part(): Sql {
    const part = new Sql(this.params);
    part.wholeSet = this.wholeSet;
    return part;
  }

  p(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /**
   * `column` equal to one of `values`. One value is compared as a scalar, not as a one-element
   * array: PostgreSQL estimates `= $1` exactly but `= ANY($1)` as several rows, so only the scalar
   * form lets a prepared statement settle on its generic plan instead of being planned on every
   * execution (most callers hold one id: one task, one token's organisation).
   */
  in(column: string, values: readonly unknown[], type = 'uuid'): string {
    return this.oneOf(values, type)(column);
  }

  /** One parameter for `values`, compared as `in` does, for several conditions of the statement. */
  oneOf(values: readonly unknown[], type = 'uuid'): (column: string) => string {
    const param = values.length === 1 ? `${this.p(values[0])}::${type}` : `ANY(${this.p(values)}::${type}[])`;
    return (column) => `${column} = ${param}`;
  }

  /**
   * The keys of a batch as rows `k(id)`. They are read through a subquery so that no plan knows how
   * many there are: custom and generic plans then cost the same, and a prepared statement keeps its
   * generic plan instead of being planned again for every batch size (which cost as much as running it).
   */
  keyRows(keys: readonly string[]): string {
    return `unnest((SELECT ${this.p(keys)}::uuid[])) AS k(id)`;
  }

  /** Adds a condition; `build` receives the builder to place its own parameters. */
  and(condition: string): this {
    this.where.push(condition);
    return this;
  }

  whereClause(): string {
    return this.where.length ? `WHERE ${this.where.join(' AND ')}` : '';
  }
}

/** Escapes LIKE wildcards in user text used for substring search. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
