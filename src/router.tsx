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
import { CasePage } from './features/cases/CasePage';
import { CasesListPage } from './features/cases/CasesListPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { DealPage } from './features/deals/DealPage';
import { EditDealPage, NewDealPage } from './features/deals/DealFormPage';
import { PipelinePage } from './features/deals/PipelinePage';
import { ActivityPage, PartyRedirect } from './features/activity/ActivityPage';
import { TasksPage } from './features/tasks/TasksPage';
import { ContactsPage } from './features/contacts/ContactsPage';
import { CompanyPage, EditCompanyPage, NewCompanyPage } from './features/companies/CompanyPages';
import { SearchPage } from './features/search/SearchPage';

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
          { path: 'deals', element: <PipelinePage /> },
          { path: 'deals/new', element: <NewDealPage /> },
          { path: 'deals/:id', element: <DealPage /> },
          { path: 'deals/:id/edit', element: <EditDealPage /> },
          { path: 'cases', element: <CasesListPage /> },
          { path: 'cases/:id', element: <CasePage /> },
          { path: 'dashboard', element: <DashboardPage /> },
          { path: 'tasks', element: <TasksPage /> },
          { path: 'activity', element: <ActivityPage /> },
          { path: 'activity/party/:id', element: <PartyRedirect /> },
          { path: 'contacts', element: <ContactsPage /> },
          { path: 'companies', element: <ContactsPage fixedType="companies" /> },
          { path: 'companies/new', element: <NewCompanyPage /> },
          { path: 'companies/:id', element: <CompanyPage /> },
          { path: 'companies/:id/edit', element: <EditCompanyPage /> },
          { path: 'search', element: <SearchPage /> },
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
