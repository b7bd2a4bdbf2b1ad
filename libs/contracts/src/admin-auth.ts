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
  /** At setup: at least 10 characters, and not a common or easily guessed password. */
  password: string;
}

/**
 * POST /api/admin/password — the signed-in admin sets a new password (204). Every other session of the
 * account ends. A refused new password is a 400 naming `newPassword`; a wrong current one names `currentPassword`.
 */
export interface ChangePasswordRequest {
  currentPassword: string;
  /** At least 10 characters, and not a common or easily guessed password. */
  newPassword: string;
}
