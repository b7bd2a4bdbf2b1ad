/** GET /api/admin/session — who is signed in, and whether first-run setup is still open. */
export interface SessionResponse {
  /** True until the first admin account exists: the dashboard shows "create admin account". */
  setupRequired: boolean;
  user: AdminUser | null;
  /** Send back as the `x-csrf-token` header on every state-changing admin request. */
  csrfToken: string | null;
}

export interface AdminUser {
  id: number;
  email: string;
}

/** POST /api/admin/setup (only while setupRequired) and POST /api/admin/session (sign in). */
export interface SignInRequest {
  email: string;
  /** At least 10 characters. */
  password: string;
}
