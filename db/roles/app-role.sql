-- The portal's runtime role: run as the role that owns the tables (the one DATABASE_MIGRATION_URL signs in
-- as), after the first migration. Replace portal_app (and give it a password or your usual authentication).
-- The app may read and write its tables, but the audit log only INSERT and SELECT: it cannot change or
-- remove a row, nor disable the append-only trigger (only the table's owner can).
CREATE ROLE portal_app LOGIN;
GRANT USAGE ON SCHEMA public TO portal_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO portal_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO portal_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM portal_app;
GRANT USAGE ON SCHEMA drizzle TO portal_app;
GRANT SELECT ON drizzle.__drizzle_migrations TO portal_app;
-- Tables and sequences later migrations add (the audit log is not among them).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO portal_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO portal_app;
