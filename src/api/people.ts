import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { One, Page, Person, PersonCreateInput, PersonUpdateInput } from '../../server/api/types';
import { apiFetch } from './client';
import { peopleKeys } from './keys';
import { forgetDeleted } from './query-client';

export function fetchPeople(page: number): Promise<Page<Person>> {
  return apiFetch<Page<Person>>(`/api/people?page=${page}`);
}

export async function fetchPerson(id: number): Promise<Person> {
  const res = await apiFetch<One<Person>>(`/api/people/${id}`);
  return res.data;
}

export function usePeople(page: number) {
  return useQuery({
    queryKey: peopleKeys.list(page),
    queryFn: ({ signal }) => apiFetch<Page<Person>>(`/api/people?page=${page}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: number) {
  const client = useQueryClient();
  return useQuery<Person, Error, Person, ReturnType<typeof peopleKeys.detail>>({
    queryKey: peopleKeys.detail(id),
    queryFn: async ({ signal }) => (await apiFetch<One<Person>>(`/api/people/${id}`, { signal })).data,
    enabled: Number.isInteger(id) && id > 0,
    // Show what the list already knows while the full record loads.
    placeholderData: (): Person | undefined => {
      for (const [, page] of client.getQueriesData<Page<Person>>({ queryKey: peopleKeys.lists() })) {
        const hit = page?.data.find((p) => p.id === id);
        if (hit) return hit;
      }
      return undefined;
    },
  });
}

export function useCreatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: PersonCreateInput) => (await apiFetch<One<Person>>('/api/people', { method: 'POST', json: input })).data,
    onSuccess: (person) => {
      if (person?.id != null) client.setQueryData(peopleKeys.detail(person.id), person);
      return client.invalidateQueries({ queryKey: peopleKeys.lists() });
    },
  });
}

export function useUpdatePerson(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: PersonUpdateInput) =>
      (await apiFetch<One<Person>>(`/api/people/${id}`, { method: 'PATCH', json: input })).data,
    onSuccess: (person) => {
      if (person) client.setQueryData(peopleKeys.detail(id), person);
      else client.invalidateQueries({ queryKey: peopleKeys.detail(id) });
      return client.invalidateQueries({ queryKey: peopleKeys.lists() });
    },
  });
}

export function useDeletePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<void>(`/api/people/${id}`, { method: 'DELETE' }),
    onSuccess: (_void, id) => {
      forgetDeleted(client, peopleKeys.detail(id));
      return client.invalidateQueries({ queryKey: peopleKeys.lists() });
    },
  });
}
