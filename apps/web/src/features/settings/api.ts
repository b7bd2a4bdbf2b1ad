import type { SettingsResponse, SettingsUpdate } from '@goalpost/contracts';
import { api } from '../../api/client';

export const getSettings = (signal?: AbortSignal) => api.get<SettingsResponse>('/api/admin/settings', undefined, signal);

export const updateSettings = (changes: SettingsUpdate) => api.patch<SettingsResponse>('/api/admin/settings', changes);
