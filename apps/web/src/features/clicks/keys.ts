export const clickKeys = {
  all: ['clicks'] as const,
  lists: () => [...clickKeys.all, 'list'] as const,
  list: (search: string) => [...clickKeys.lists(), { search }] as const,
  latest: () => [...clickKeys.all, 'latest'] as const,
  details: () => [...clickKeys.all, 'detail'] as const,
  detail: (id: number) => [...clickKeys.details(), id] as const,
};
