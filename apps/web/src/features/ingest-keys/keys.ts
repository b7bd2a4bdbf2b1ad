export const ingestKeyKeys = {
  all: ['ingest-keys'] as const,
  lists: () => [...ingestKeyKeys.all, 'list'] as const,
};
