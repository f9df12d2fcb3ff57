// Route of seed 003's Connect+ imports: one CSV file for a template, answered row by row. 200 when every row
// was accepted, 201 when one or more were refused (the platform's documented batch status).
import type { ImportRowResult } from '../service/imports.ts';
import { messages, ok, withoutUndefined, type RouteDefinition } from './route_support.ts';

function rowBody(result: ImportRowResult): Record<string, unknown> {
  return withoutUndefined({
    row: result.row,
    status: result.status,
    customerId: result.customerId,
    createdId: result.createdId,
    errors: result.error ? messages([result.error]) : undefined,
    warnings: result.warnings && result.warnings.length > 0 ? messages(result.warnings) : undefined,
  });
}

export const IMPORT_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'POST',
    path: '/v2/imports',
    operationId: 'importCsv',
    auth: true,
    handler: ({ service, org, body }) => {
      const result = service.importRows(org.id, { template: body.template, csv: body.csv, dateFormat: body.dateFormat, by: org.till.username });
      const refused = result.rows.filter((row) => row.status === 'REFUSED').length;
      const entity = { template: result.template, totalRows: result.rows.length, accepted: result.rows.length - refused, refused, rows: result.rows.map(rowBody) };
      return ok({ entity, warnings: [] }, refused > 0 ? 201 : 200);
    },
  },
];
