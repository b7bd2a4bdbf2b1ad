/** The signed-in admin behind a request, put there by AdminSessionGuard. */
export interface AdminPrincipal {
  sessionId: number;
  userId: number;
  email: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    admin?: AdminPrincipal;
  }
}
