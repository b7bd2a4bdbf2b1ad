import type { ChangePasswordRequest, SessionResponse, SignInRequest } from '@goalpost/contracts';
import { api } from '../../api/client';

export const getSession = (signal?: AbortSignal) => api.get<SessionResponse>('/api/admin/session', undefined, signal);

/** First run only: creates the admin account and signs it in. */
export const createAdminAccount = (body: SignInRequest) => api.post<SessionResponse>('/api/admin/setup', body);

export const signIn = (body: SignInRequest) => api.post<SessionResponse>('/api/admin/session', body);

// 204 No Content: the request resolves to undefined.
export const signOut = () => api.delete<undefined>('/api/admin/session');

/** 204 No Content; every other session of the account ends, this one stays. */
export const changePassword = (body: ChangePasswordRequest) => api.post<undefined>('/api/admin/password', body);
