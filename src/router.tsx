import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { setAuthNavigator } from './api/auth-redirect';
import { NotFoundPage } from './components/NotFoundPage';
import { AccountsPage } from './features/auth/AccountsPage';
import { AppLayout } from './features/auth/AppLayout';
import { RouteError } from './features/auth/RouteError';
import { SignInPage } from './features/auth/SignInPage';
import { PeopleListPage } from './features/people/PeopleListPage';

/**
 * Split by route: the sign-in page, the shell and the people list are in the first chunk; every
 * other page (the deals board with dnd-kit, the dashboard with recharts, …) loads when first visited.
 */
const page = <M,>(load: () => Promise<M>, pick: (m: M) => ReactNode) => async () => ({ element: pick(await load()) });
const people = () => import('./features/people/PersonPage');
const personForms = () => import('./features/people/PersonFormPage');
const deals = () => import('./features/deals/DealFormPage');
const companies = () => import('./features/companies/CompanyPages');
const activity = () => import('./features/activity/ActivityPage');
const contacts = () => import('./features/contacts/ContactsPage');

export const routes: RouteObject[] = [
  { path: '/signin', element: <SignInPage />, errorElement: <RouteError /> },
  { path: '/accounts', element: <AccountsPage />, errorElement: <RouteError /> },
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    // Shown while the first page's code loads.
    hydrateFallbackElement: (
      <p role="status" className="p-8 text-sm text-slate-700 dark:text-slate-300">
        Loading…
      </p>
    ),
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="/people" replace /> },
          { path: 'people', element: <PeopleListPage /> },
          { path: 'people/new', lazy: page(personForms, (m) => <m.NewPersonPage />) },
          { path: 'people/:id', lazy: page(people, (m) => <m.PersonPage />) },
          { path: 'people/:id/edit', lazy: page(personForms, (m) => <m.EditPersonPage />) },
          { path: 'deals', lazy: page(() => import('./features/deals/PipelinePage'), (m) => <m.PipelinePage />) },
          { path: 'deals/new', lazy: page(deals, (m) => <m.NewDealPage />) },
          { path: 'deals/:id', lazy: page(() => import('./features/deals/DealPage'), (m) => <m.DealPage />) },
          { path: 'deals/:id/edit', lazy: page(deals, (m) => <m.EditDealPage />) },
          { path: 'cases', lazy: page(() => import('./features/cases/CasesListPage'), (m) => <m.CasesListPage />) },
          { path: 'cases/:id', lazy: page(() => import('./features/cases/CasePage'), (m) => <m.CasePage />) },
          { path: 'dashboard', lazy: page(() => import('./features/dashboard/DashboardPage'), (m) => <m.DashboardPage />) },
          { path: 'tasks', lazy: page(() => import('./features/tasks/TasksPage'), (m) => <m.TasksPage />) },
          { path: 'activity', lazy: page(activity, (m) => <m.ActivityPage />) },
          { path: 'activity/party/:id', lazy: page(activity, (m) => <m.PartyRedirect />) },
          { path: 'contacts', lazy: page(contacts, (m) => <m.ContactsPage />) },
          { path: 'companies', lazy: page(contacts, (m) => <m.ContactsPage fixedType="companies" />) },
          { path: 'companies/new', lazy: page(companies, (m) => <m.NewCompanyPage />) },
          { path: 'companies/:id', lazy: page(companies, (m) => <m.CompanyPage />) },
          { path: 'companies/:id/edit', lazy: page(companies, (m) => <m.EditCompanyPage />) },
          { path: 'search', lazy: page(() => import('./features/search/SearchPage'), (m) => <m.SearchPage />) },
          { path: 'settings/custom-fields', lazy: page(() => import('./features/settings/CustomFieldsPage'), (m) => <m.CustomFieldsPage />) },
          { path: 'settings/groups', lazy: page(() => import('./features/settings/GroupsPage'), (m) => <m.GroupsPage />) },
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
