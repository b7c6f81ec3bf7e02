import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { analysisRoutes } from '../analysis/analysis.routes.ts';
import { duplicatesRoutes } from '../analysis/duplicates.routes.ts';
import { assessmentRoutes } from '../assessment/assessment.routes.ts';
import { reportsRoutes } from '../reports/reports.routes.ts';
import { searchRoutes } from '../search/search.routes.ts';
import { overviewRoutes } from './overview.routes.ts';

/** The routes of this modules: overview, search, duplicates, warnings, assessment, reports. */
export function insightRoutes(app: FastifyInstance, deps: AppDeps) {
  overviewRoutes(app, deps);
  searchRoutes(app, deps);
  duplicatesRoutes(app, deps);
  analysisRoutes(app, deps);
  assessmentRoutes(app, deps);
  reportsRoutes(app, deps);
}
