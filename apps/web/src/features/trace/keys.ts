export const traceKeys = {
  all: ['trace'] as const,
  sale: (query: string) => [...traceKeys.all, query] as const,
};
