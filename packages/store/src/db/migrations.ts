/**
 * The one migration set of the store (数据库迁移), in code, for SQLite and PostgreSQL alike. Tables
 * are built with Kysely's schema builder; the few rules that make history and publication database
 * facts are triggers, written once per dialect:
 *
 * - a published document is never updated or deleted again (whatever a file or a hand-written
 *   `UPDATE` says), and a document's version only ever goes up by one;
 * - a saved state can only be added as the document's current version (so a state exists for every
 *   version and for no other), and states, publication records and the audit log are never
 *   updated or deleted; a blob is never changed.
 *
 * Add a migration by appending an entry (names sort in order); never edit one that has shipped.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/** The two backends. */
export type Dialect = 'sqlite' | 'postgres';

const FROZEN = 'jixiao: 已发布的文档不可修改 (a published document is frozen)';
const STEP = 'jixiao: 文档版本只能逐一递增 (a document version only goes up by one)';
const APPEND_ONLY = 'jixiao: 历史记录、发布记录与操作日志不可改写 (saved states, publications and the audit log are never rewritten)';
const STATE_SEQ = 'jixiao: 历史记录只能作为文档的当前版本写入 (a saved state is written only as the current version)';

async function triggersSqlite(db: Kysely<unknown>): Promise<void> {
  const stmts = [
    `CREATE TRIGGER documents_published_frozen BEFORE UPDATE ON documents WHEN OLD.status = 'published' BEGIN SELECT RAISE(ABORT, '${FROZEN}'); END`,
    `CREATE TRIGGER documents_published_kept BEFORE DELETE ON documents WHEN OLD.status = 'published' BEGIN SELECT RAISE(ABORT, '${FROZEN}'); END`,
    `CREATE TRIGGER documents_version_step BEFORE UPDATE ON documents WHEN NEW.version <> OLD.version + 1 BEGIN SELECT RAISE(ABORT, '${STEP}'); END`,
    `CREATE TRIGGER states_current_only BEFORE INSERT ON states WHEN NEW.seq IS NOT (SELECT version FROM documents WHERE id = NEW.document_id) BEGIN SELECT RAISE(ABORT, '${STATE_SEQ}'); END`,
  ];
  for (const table of ['states', 'publications', 'audit_log']) {
    stmts.push(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY}'); END`);
    stmts.push(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY}'); END`);
  }
  stmts.push(`CREATE TRIGGER blobs_no_update BEFORE UPDATE ON blobs BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY}'); END`);
  for (const s of stmts) await sql.raw(s).execute(db);
}

async function triggersPostgres(db: Kysely<unknown>): Promise<void> {
  const stmts = [
    `CREATE FUNCTION jixiao_documents_guard() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF OLD.status = 'published' THEN RAISE EXCEPTION '${FROZEN}'; END IF;
       IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
       IF NEW.version <> OLD.version + 1 THEN RAISE EXCEPTION '${STEP}'; END IF;
       RETURN NEW;
     END $$`,
    `CREATE TRIGGER documents_guard BEFORE UPDATE OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION jixiao_documents_guard()`,
    `CREATE FUNCTION jixiao_states_current_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF NEW.seq IS DISTINCT FROM (SELECT version FROM documents WHERE id = NEW.document_id) THEN RAISE EXCEPTION '${STATE_SEQ}'; END IF;
       RETURN NEW;
     END $$`,
    `CREATE TRIGGER states_current_only BEFORE INSERT ON states FOR EACH ROW EXECUTE FUNCTION jixiao_states_current_only()`,
    `CREATE FUNCTION jixiao_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION '${APPEND_ONLY}'; END $$`,
    `CREATE TRIGGER blobs_no_update BEFORE UPDATE ON blobs FOR EACH ROW EXECUTE FUNCTION jixiao_append_only()`,
  ];
  for (const table of ['states', 'publications', 'audit_log']) {
    stmts.push(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION jixiao_append_only()`);
  }
  for (const s of stmts) await sql.raw(s).execute(db);
}

/** The migrations, by name (applied in name order). */
export function storeMigrations(dialect: Dialect): Record<string, Migration> {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    '0001-documents-states-publications-audit': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('documents')
          .addColumn('id', idType, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('scheme', 'case')`))
          .addColumn('family', 'text', (c) => c.notNull())
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('case_id', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
          .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('draft', 'published')`))
          .addColumn('text_sha256', 'text', (c) => c.notNull())
          .addColumn('content_hash', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('documents_name', ['kind', 'family', 'year', 'case_id'])
          .addCheckConstraint('documents_published_hash', sql`status = 'draft' OR content_hash IS NOT NULL`)
          .addCheckConstraint('documents_case_id', sql`(kind = 'scheme') = (case_id = '')`)
          .execute();

        await db.schema
          .createTable('blobs')
          .addColumn('sha256', 'text', (c) => c.primaryKey())
          .addColumn('size', 'integer', (c) => c.notNull())
          .addColumn('encoding', 'text', (c) => c.notNull().check(sql`encoding IN ('full', 'delta')`))
          .addColumn('base_sha256', 'text', (c) => c.references('blobs.sha256'))
          .addColumn('depth', 'integer', (c) => c.notNull())
          .addColumn('body', bytes, (c) => c.notNull())
          .addCheckConstraint('blobs_delta_base', sql`(encoding = 'delta') = (base_sha256 IS NOT NULL)`)
          .execute();

        await db.schema
          .createTable('states')
          .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull().references('blobs.sha256'))
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('author', 'text', (c) => c.notNull())
          .addColumn('time', 'text', (c) => c.notNull())
          .addColumn('summary', 'text', (c) => c.notNull())
          .addColumn('based_on', 'integer')
          .addColumn('restored_from', 'integer')
          .addPrimaryKeyConstraint('states_pk', ['document_id', 'seq'])
          .execute();

        await db.schema
          .createTable('publications')
          .addColumn('document_id', 'integer', (c) => c.primaryKey().references('documents.id'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('published_at', 'text', (c) => c.notNull())
          .addColumn('published_by', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addForeignKeyConstraint('publications_state', ['document_id', 'seq'], 'states', ['document_id', 'seq'])
          .execute();

        await db.schema
          .createTable('audit_log')
          .addColumn('id', idType, (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('time', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('family', 'text', (c) => c.notNull())
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('case_id', 'text', (c) => c.notNull())
          .addColumn('document_id', 'integer')
          .addColumn('from_version', 'integer')
          .addColumn('to_version', 'integer')
          .addColumn('detail', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('audit_log_document').on('audit_log').columns(['kind', 'family', 'year', 'case_id', 'id']).execute();

        if (dialect === 'postgres') await triggersPostgres(db);
        else await triggersSqlite(db);
      },
    },
    // 账号与登录会话 (accounts.ts): local accounts with their role, and login sessions by the sha256 of their token.
    '0002-users-sessions': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('users')
          .addColumn('username', 'text', (c) => c.primaryKey())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('policy', 'reviewer', 'department')`))
          .addColumn('department', 'text')
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addCheckConstraint('users_department', sql`(role = 'department') = (department IS NOT NULL)`)
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('token_sha256', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull().references('users.username').onDelete('cascade'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sessions_username').on('sessions').column('username').execute();
      },
    },
    // 删除 (a tombstone): a deleted document keeps its row, states and texts; `deleted_at` leaves it out of lists and reads
    '0003-document-deleted': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('documents').addColumn('deleted_at', 'text').execute();
      },
    },
  };
}

class InCodeProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(storeMigrations(this.dialect));
  }
}

/**
 * Brings the database to the latest migration. Two processes opening a new database at once are
 * fine: the loser of the race retries and finds the work done. Throws when a migration fails.
 */
export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: new InCodeProvider(dialect) });
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const { error } = await migrator.migrateToLatest();
    if (!error) return;
    lastError = error;
    await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
  }
  throw lastError instanceof Error ? lastError : new Error(`数据库迁移失败 (migration failed): ${String(lastError)}`);
}
