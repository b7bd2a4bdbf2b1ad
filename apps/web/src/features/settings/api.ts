import type { SettingsResponse } from '@goalpost/contracts';
import { api } from '../../api/client';
import type { SettingsChanges } from './settings-form-values';

export const getSettings = (signal?: AbortSignal) => api.get<SettingsResponse>('/api/admin/settings', undefined, signal);

export const updateSettings = (changes: SettingsChanges) => api.patch<SettingsResponse>('/api/admin/settings', changes);
