import { z } from 'zod';
import type { Viewer } from '../../http/access.ts';
import type { OrgDirectory } from '../org/org.directory.ts';

export const userSchema = z.object({
  id: z.string(),
  username: z.string().nullable(),
  displayName: z.string(),
  role: z.string(),
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  countyId: z.string(),
});

export function presentViewer(v: Viewer, org: OrgDirectory): z.infer<typeof userSchema> {
  return {
    id: v.userId,
    username: v.username,
    displayName: v.displayName,
    role: v.role,
    regionId: v.regionId,
    regionName: v.regionId ? (org.region(v.regionId)?.name ?? null) : null,
    departmentId: v.departmentId,
    departmentName: v.departmentId ? (org.department(v.departmentId)?.name ?? null) : null,
    countyId: v.countyId,
  };
}
