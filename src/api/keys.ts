/** Query-key factories: one place that knows how each resource is cached. */
export const sessionKeys = {
  all: ['session'] as const,
};

export const peopleKeys = {
  all: ['people'] as const,
  lists: () => [...peopleKeys.all, 'list'] as const,
  list: (page: number) => [...peopleKeys.lists(), page] as const,
  details: () => [...peopleKeys.all, 'detail'] as const,
  detail: (id: number) => [...peopleKeys.details(), id] as const,
};

export const meKeys = {
  all: ['me'] as const,
};
