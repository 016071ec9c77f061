// Runs before every test file: applies migrations/*.sql to the file's D1 database, exactly
// as `wrangler d1 migrations apply` would (same split, same d1_migrations table). Already
// applied migrations are skipped, so this is safe when storage persists between files.
import { applyD1Migrations, env } from 'cloudflare:test'

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
