import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { One, Task, TaskCategory, TaskCategoryInput, TaskCreateInput, TaskUpdateInput } from '../../server/api/types';
import { apiFetch } from './client';

export type TaskView = 'upcoming' | 'today' | 'assigned' | 'completed' | 'all';

export const taskKeys = {
  all: ['tasks'] as const,
  list: (view: TaskView) => [...taskKeys.all, 'list', view] as const,
  categories: ['task-categories'] as const,
  subject: (subject: TaskSubjectSegment, id: number) => [...taskKeys.all, 'subject', subject, id] as const,
};

/** The record kinds whose upcoming tasks the BFF lists at /api/{subject}/:id/tasks. */
export type TaskSubjectSegment = 'people' | 'companies' | 'deals' | 'kases';

/** A record's upcoming tasks (not done; mine or public). Under taskKeys.all, so every task mutation refreshes it. */
export function useSubjectTasks(subject: TaskSubjectSegment, id: number) {
  return useQuery({
    queryKey: taskKeys.subject(subject, id),
    queryFn: async ({ signal }) => (await apiFetch<{ data: Task[] }>(`/api/${subject}/${id}/tasks`, { signal })).data,
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useTasks(view: TaskView) {
  return useQuery({
    queryKey: taskKeys.list(view),
    queryFn: async ({ signal }) => (await apiFetch<{ data: Task[] }>(`/api/tasks?view=${view}`, { signal })).data,
  });
}

export function useTaskCategories() {
  return useQuery({
    queryKey: taskKeys.categories,
    queryFn: async ({ signal }) => (await apiFetch<{ data: TaskCategory[] }>('/api/task-categories', { signal })).data,
    staleTime: 5 * 60_000,
  });
}

function useInvalidateTasks() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: taskKeys.all });
}

export function useCreateTask() {
  const done = useInvalidateTasks();
  return useMutation({
    mutationFn: async (input: TaskCreateInput) => (await apiFetch<One<Task>>('/api/tasks', { method: 'POST', json: input })).data,
    onSuccess: done,
  });
}

export function useUpdateTask() {
  const done = useInvalidateTasks();
  return useMutation({
    mutationFn: async ({ id, input }: { id: number; input: TaskUpdateInput }) => (await apiFetch<One<Task>>(`/api/tasks/${id}`, { method: 'PATCH', json: input })).data,
    onSuccess: done,
  });
}

export function useCompleteTask() {
  const done = useInvalidateTasks();
  return useMutation({
    mutationFn: async ({ id, reopen }: { id: number; reopen?: boolean }) =>
      (await apiFetch<One<Task>>(`/api/tasks/${id}/${reopen ? 'reopen' : 'complete'}`, { method: 'POST' })).data,
    onSettled: done,
  });
}

export function useDeleteTask() {
  const done = useInvalidateTasks();
  return useMutation({ mutationFn: (id: number) => apiFetch<void>(`/api/tasks/${id}`, { method: 'DELETE' }), onSuccess: done });
}

export function useCategoryMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: taskKeys.categories });
  return {
    create: useMutation({
      mutationFn: async (input: TaskCategoryInput) => (await apiFetch<One<TaskCategory>>('/api/task-categories', { method: 'POST', json: input })).data,
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: async ({ id, input }: { id: number; input: Partial<TaskCategoryInput> }) =>
        (await apiFetch<One<TaskCategory>>(`/api/task-categories/${id}`, { method: 'PATCH', json: input })).data,
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: number) => apiFetch<void>(`/api/task-categories/${id}`, { method: 'DELETE' }), onSuccess: refresh }),
  };
}
