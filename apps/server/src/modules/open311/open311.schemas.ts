import { z } from 'zod';

// The JSON shapes of GeoReport v2 (standards.md §1.4), after open311/schema-validation and
// mySociety's stricter schemas; the XML form is the same tree under its root element.
const w3c = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
const str = z.string();

export const errorsSchema = z.array(z.object({ code: str, description: str }));

export const discoverySchema = z.object({
  changeset: w3c,
  contact: str.min(1),
  key_service: str.min(1),
  endpoints: z
    .array(
      z.object({
        specification: str,
        url: str,
        changeset: w3c,
        type: z.enum(['production', 'test']),
        formats: z.array(str).min(1),
      }),
    )
    .min(1),
});

export const serviceSchema = z.object({
  service_code: str.min(1),
  service_name: str,
  description: str,
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: str,
  group: str,
});

export const definitionSchema = z.object({
  service_code: str,
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: str.min(1),
      datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
      required: z.boolean(),
      datatype_description: str,
      order: z.number().int().positive(),
      description: str,
      values: z.array(z.object({ key: str, name: str })).optional(),
    }),
  ),
});

export const postResponseSchema = z.array(
  z.object({ service_request_id: str, service_notice: str, account_id: str }),
);

export const requestSchema = z.object({
  service_request_id: str,
  status: z.enum(['open', 'closed']),
  status_notes: str,
  service_name: str,
  service_code: str,
  description: str,
  agency_responsible: str,
  service_notice: str,
  requested_datetime: w3c,
  updated_datetime: w3c,
  expected_datetime: w3c.nullable(),
  address: str,
  address_id: str,
  zipcode: str,
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: str,
  extended_attributes: z.record(str, str).optional(),
  notes: z.array(z.object({ datetime: w3c, description: str, type: str, summary: str })).optional(),
});

export const tokenSchema = z.array(z.object({ service_request_id: str, token: str }));

export const updateSchema = z.object({
  update_id: str,
  service_request_id: str,
  status: str,
  updated_datetime: w3c,
  description: str,
  media_url: str,
  external_status_code: str,
});

export const postUpdateResponseSchema = z.array(z.object({ update_id: str, account_id: str }));

export const argsSchema = z.record(str, z.union([str, z.array(z.unknown())]));
