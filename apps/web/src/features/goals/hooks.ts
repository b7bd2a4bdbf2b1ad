import type { GoalRequest } from '@goalpost/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deliveryKeys } from '../deliveries/keys';
import { createGoal, listGoals, updateGoal } from './api';
import { goalKeys } from './keys';

export const useGoals = () => useQuery({ queryKey: goalKeys.lists(), queryFn: ({ signal }) => listGoals(signal) });

export function useCreateGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GoalRequest) => createGoal(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: goalKeys.lists() }),
  });
}

/** Editing, disabling and enabling are all a partial update; deliveries show the goal's name, so they follow a rename. */
export function useUpdateGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: Partial<GoalRequest> }) => updateGoal(id, changes),
    onSuccess: (_goal, { changes }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: goalKeys.lists() }),
        changes.name !== undefined ? queryClient.invalidateQueries({ queryKey: deliveryKeys.all }) : undefined,
      ]),
  });
}
