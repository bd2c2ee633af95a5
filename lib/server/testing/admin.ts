/**
 * Environment for admin data-layer tests: call before importing lib/server modules (env() is read once).
 * SMTP is unset so invitations report "not e-mailed" instead of trying a server.
 */
export function mockAdminTestEnvironment() {
  process.env.NEXTAUTH_SECRET ??= "vitest-only-secret-vitest-only-secret-000";
  process.env.PUBLIC_BASE_URL ??= "http://localhost:3000";
  delete process.env.SMTP_HOST;
}
