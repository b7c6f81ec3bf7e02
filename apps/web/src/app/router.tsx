import { type ComponentType, lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { RouteErrorBoundary } from './route-error.tsx';

const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

const Login = page(() => import('./routes/login.tsx'));
const PortalLayout = page(() => import('./routes/portal-layout.tsx'));
const PortalHome = page(() => import('./routes/portal-home.tsx'));
const PortalSubmit = page(() => import('./routes/portal-submit.tsx'));
const PortalTrack = page(() => import('./routes/portal-track.tsx'));
const PortalLogin = page(() => import('./routes/portal-login.tsx'));
const PortalMine = page(() => import('./routes/portal-mine.tsx'));
const PortalCase = page(() => import('./routes/portal-case.tsx'));
const StaffLayout = page(() => import('./routes/staff-layout.tsx'));
const Home = page(() => import('./routes/home.tsx'));
const Desk = page(() => import('./routes/desk.tsx'));
const Dispatch = page(() => import('./routes/dispatch.tsx'));
const Inbox = page(() => import('./routes/inbox.tsx'));
const Field = page(() => import('./routes/field.tsx'));
const Callback = page(() => import('./routes/callback.tsx'));
const Supervise = page(() => import('./routes/supervise.tsx'));
const Cases = page(() => import('./routes/cases.tsx'));
const CasePage = page(() => import('./routes/case.tsx'));
const AdminMap = page(() => import('./routes/admin-map.tsx'));
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
            </Route>
            <Route path="/" element={<StaffLayout />}>
              <Route index element={<Home />} />
              <Route path="desk" element={<Desk />} />
              <Route path="dispatch" element={<Dispatch />} />
              <Route path="inbox" element={<Inbox />} />
              <Route path="field" element={<Field />} />
              <Route path="callback" element={<Callback />} />
              <Route path="supervise" element={<Supervise />} />
              <Route path="cases" element={<Cases />} />
              <Route path="cases/:id" element={<CasePage />} />
              <Route path="admin/map" element={<AdminMap />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </Suspense>
      </RouteErrorBoundary>
    </BrowserRouter>
  );
}
