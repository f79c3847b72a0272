import type { Database, Statement } from "better-sqlite3";

/**
 * Prepares each SQL text once per connection. Preparing is the expensive part of a small query,
 * and search runs one statement shape per filter combination, so a map keyed by the text suffices.
 */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  get<R = unknown>(sql: string): Statement<unknown[], R> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement as Statement<unknown[], R>;
  }
}
