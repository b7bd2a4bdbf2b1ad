/** Ports of the end-to-end stack (started by playwright.config.ts); override when they clash. */
export const API_PORT = Number(process.env.E2E_API_PORT ?? 3610);
export const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4610);
export const LANDING_PORT = Number(process.env.E2E_LANDING_PORT ?? 3611);

export const API_URL = `http://127.0.0.1:${API_PORT}`;
export const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
export const LANDING_URL = `http://127.0.0.1:${LANDING_PORT}`;

export const SANDBOX_API_KEY = 'e2e-aflite-key';
export const SANDBOX_MID = '2002';
