import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { HttpError } from '../http-error.js';
import { casesRoutes } from './cases.js';
import { companiesRoutes } from './companies.js';
import { exportRoutes } from './contacts-export.js';
import { customFieldsRoutes } from './custom-fields.js';
import { dealCategoriesRoutes } from './deal-categories.js';
import { dealsRoutes } from './deals.js';
import { groupsRoutes } from './groups.js';
import { meRoutes } from './me.js';
import { peopleRoutes } from './people.js';
import { searchRoutes } from './search.js';
import { tagsRoutes } from './tags.js';
import { usersRoutes } from './users.js';
import { commentsRoutes } from './comments.js';
import { emailsRoutes, subjectEmailsRoutes } from './emails.js';
import { filesRoutes } from './files.js';
import { notesRoutes, subjectNotesRoutes } from './notes.js';
import { recordingsRoutes } from './recordings.js';
import { taskCategoriesRoutes } from './task-categories.js';
import { subjectTasksRoutes, tasksRoutes } from './tasks.js';

/**
 * The JSON API for the SPA. Each resource router requires a chosen account itself, so an unknown
 * /api path is a 404 even when signed out.
 */
export const apiRoutes = new Hono<AppEnv>()
  .route('/people', peopleRoutes)
  .route('/companies', companiesRoutes)
  .route('/search', searchRoutes)
  .route('/tags', tagsRoutes)
  .route('/custom-fields', customFieldsRoutes)
  .route('/groups', groupsRoutes)
  .route('/export', exportRoutes)
  .route('/deals', dealsRoutes)
  .route('/deal-categories', dealCategoriesRoutes)
  .route('/cases', casesRoutes)
  .route('/me', meRoutes)
  .route('/users', usersRoutes)
  .route('/notes', notesRoutes)
  .route('/emails', emailsRoutes)
  .route('/comments', commentsRoutes)
  .route('/files', filesRoutes)
  .route('/tasks', tasksRoutes)
  .route('/task-categories', taskCategoriesRoutes)
  .route('/recordings', recordingsRoutes)
  // /api/{people|companies|deals|kases}/:id/{notes|emails|tasks}: each route checks the account itself.
  .route('/', subjectNotesRoutes)
  .route('/', subjectEmailsRoutes)
  .route('/', subjectTasksRoutes)
  .all('*', () => {
    throw new HttpError(404, 'There is no such API route.', { code: 'no_route' });
  });

export type ApiRoutes = typeof apiRoutes;
