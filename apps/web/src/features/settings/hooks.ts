import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getSettings, updateSettings } from './api';
import { settingsKeys } from './keys';
import type { SettingsChanges } from './settings-form-values';

export const useSettings = () => useQuery({ queryKey: settingsKeys.current(), queryFn: ({ signal }) => getSettings(signal) });

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: SettingsChanges) => updateSettings(changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.all }),
  });
}
