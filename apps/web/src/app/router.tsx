import { type ComponentType, lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { loadFeatureMessages } from '../lib/i18n/index.tsx';
import { RouteErrorBoundary } from './route-error.tsx';

type Load = () => Promise<{ default: ComponentType }>;
/** A page that also uses the features' strings: they load with it (lib/i18n). */
const page = (load: Load) => lazy(() => Promise.all([load(), loadFeatureMessages()]).then(([m]) => m));
/** A light page (the resident portal's own): the app's core strings only, so its first load stays small. */
const lite = (load: Load) => lazy(load);

const Login = lite(() => import('./routes/login.tsx'));
const PortalLayout = lite(() => import('./routes/portal-layout.tsx'));
const PortalHome = lite(() => import('./routes/portal-home.tsx'));
const PortalSubmit = lite(() => import('./routes/portal-submit.tsx'));
const PortalTrack = lite(() => import('./routes/portal-track.tsx'));
const PortalLogin = lite(() => import('./routes/portal-login.tsx'));
const PortalMine = lite(() => import('./routes/portal-mine.tsx'));
const PortalCase = lite(() => import('./routes/portal-case.tsx'));
const StaffLayout = page(() => import('./routes/staff-layout.tsx'));
const Home = page(() => import('./routes/home.tsx'));
const Desk = page(() => import('./routes/desk.tsx'));
const Dispatch = page(() => import('./routes/dispatch.tsx'));
const Inbox = page(() => import('./routes/inbox.tsx'));
const Field = page(() => import('./routes/field.tsx'));
const FieldSupervision = page(() => import('./routes/field-supervision.tsx'));
const Callback = page(() => import('./routes/callback.tsx'));
const Supervise = page(() => import('./routes/supervise.tsx'));
const Cases = page(() => import('./routes/cases.tsx'));
const CasePage = page(() => import('./routes/case.tsx'));
const AdminMap = page(() => import('./routes/admin-map.tsx'));
const AdminDeadlines = page(() => import('./routes/admin-deadlines.tsx'));
const AdminOrg = page(() => import('./routes/admin-org.tsx'));
const MediationDesk = page(() => import('./routes/mediation.tsx'));
const MediationCase = page(() => import('./routes/mediation-case.tsx'));
const MediationRoom = page(() => import('./routes/mediation-room.tsx'));
const PortalMediation = lite(() => import('./routes/portal-mediation.tsx'));
const PortalMediationCase = lite(() => import('./routes/portal-mediation-case.tsx'));
const PortalInfo = lite(() => import('./routes/portal-info.tsx'));
const AdminWebhooks = page(() => import('./routes/admin-webhooks.tsx'));
const Overview = page(() => import('./routes/overview.tsx'));
const Analysis = page(() => import('./routes/analysis.tsx'));
const Reports = page(() => import('./routes/reports.tsx'));
const NotFound = page(() => import('./routes/not-found.tsx'));

/** Every page is its own chunk: the resident portal never downloads the staff screens. */
export function AppRoutes() {
  return (
    <BrowserRouter>
      <RouteErrorBoundary>
        <Suspense fallback={null}>
          <Routes>
            <Route path="/login" element={<Login />} />
            <Route path="/portal" element={<PortalLayout />}>
              <Route index element={<PortalHome />} />
              <Route path="submit" element={<PortalSubmit />} />
              <Route path="track" element={<PortalTrack />} />
              <Route path="login" element={<PortalLogin />} />
              <Route path="mine" element={<PortalMine />} />
              <Route path="mine/:id" element={<PortalCase />} />
              <Route path="mediation" element={<PortalMediation />} />
              <Route path="mediation/:caseId" element={<PortalMediationCase />} />
              <Route path="info/:token" element={<PortalInfo />} />
            </Route>
            <Route path="/mediation/room/:sessionId" element={<MediationRoom />} />
            <Route path="/field" element={<Field />} />
            <Route path="/" element={<StaffLayout />}>
              <Route index element={<Home />} />
              <Route path="desk" element={<Desk />} />
              <Route path="dispatch" element={<Dispatch />} />
              <Route path="inbox" element={<Inbox />} />
              <Route path="field-supervision" element={<FieldSupervision />} />
              <Route path="callback" element={<Callback />} />
              <Route path="supervise" element={<Supervise />} />
              <Route path="cases" element={<Cases />} />
              <Route path="cases/:id" element={<CasePage />} />
              <Route path="admin/map" element={<AdminMap />} />
              <Route path="admin/deadlines" element={<AdminDeadlines />} />
              <Route path="admin/webhooks" element={<AdminWebhooks />} />
              <Route path="admin/org" element={<AdminOrg />} />
              <Route path="mediation" element={<MediationDesk />} />
              <Route path="mediation/:id" element={<MediationCase />} />
              <Route path="overview" element={<Overview />} />
              <Route path="analysis" element={<Analysis />} />
              <Route path="reports" element={<Reports />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </Suspense>
      </RouteErrorBoundary>
    </BrowserRouter>
  );
}
