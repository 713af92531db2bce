// Every route beyond the people slice, in one list for the dispatcher.
import { categoryRoutes } from './categories.js';
import { dealRoutes } from './deals.js';
import { fieldRoutes } from './fields.js';
import { groupRoutes } from './groups.js';
import { kaseRoutes } from './kases.js';
import { recordingRoutes } from './recordings.js';
import { searchRoutes } from './search.js';
import { tagRoutes } from './tags.js';
import { taskRoutes } from './tasks.js';
import type { Route } from './types.js';

export const recordRoutes: Route[] = [
  ...searchRoutes, ...dealRoutes, ...kaseRoutes, ...categoryRoutes, ...fieldRoutes, ...tagRoutes, ...recordingRoutes, ...taskRoutes, ...groupRoutes,
];
