import type { SettingsUpdate } from '@goalpost/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getSettings, updateSettings } from './api';
import { settingsKeys } from './keys';

export const useSettings = () => useQuery({ queryKey: settingsKeys.current(), queryFn: ({ signal }) => getSettings(signal) });

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: SettingsUpdate) => updateSettings(changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.all }),
  });
}
