/** Runs once when a server process starts: configuration, database, migrations, demo data, email worker. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./lib/startup');
  await startServer();
}
