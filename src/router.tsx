import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { setAuthNavigator } from './api/auth-redirect';
import { NotFoundPage } from './components/NotFoundPage';
import { AccountsPage } from './features/auth/AccountsPage';
import { AppLayout } from './features/auth/AppLayout';
import { RouteError } from './features/auth/RouteError';
import { SignInPage } from './features/auth/SignInPage';
import { EditPersonPage, NewPersonPage } from './features/people/PersonFormPage';
import { PeopleListPage } from './features/people/PeopleListPage';
import { PersonPage } from './features/people/PersonPage';
import { ActivityPage, PartyRedirect } from './features/activity/ActivityPage';
import { TasksPage } from './features/tasks/TasksPage';

export const routes: RouteObject[] = [
  { path: '/signin', element: <SignInPage />, errorElement: <RouteError /> },
  { path: '/accounts', element: <AccountsPage />, errorElement: <RouteError /> },
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="/people" replace /> },
          { path: 'people', element: <PeopleListPage /> },
          { path: 'people/new', element: <NewPersonPage /> },
          { path: 'people/:id', element: <PersonPage /> },
          { path: 'people/:id/edit', element: <EditPersonPage /> },
          { path: 'tasks', element: <TasksPage /> },
          { path: 'activity', element: <ActivityPage /> },
          { path: 'activity/party/:id', element: <PartyRedirect /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createRouter() {
  const router = createBrowserRouter(routes);
  setAuthNavigator(
    (to) => void router.navigate(to, { replace: true }),
    () => `${router.state.location.pathname}${router.state.location.search}${router.state.location.hash}`,
  );
  return router;
}
