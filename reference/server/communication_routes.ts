// Routes of seed 003's communications: SMS with a sender ID (v1.1 path) and email with attachments (v2 path).
import { messages, ok, withoutUndefined, type RouteDefinition } from './route_support.ts';

interface AttachmentBody {
  fileName?: string;
  file_name?: string;
  fileData?: string;
  file_data?: string;
  fileEncodingType?: string;
  file_encoding_type?: string;
}

export const COMMUNICATION_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'POST',
    path: '/v1.1/communications/sms',
    operationId: 'sendSms',
    auth: true,
    handler: ({ service, org, body }) => {
      const sent = service.sendSms(org.id, withoutUndefined({ to: body.to as string, body: body.body as string, sender: body.sender as string | undefined }));
      return ok({ entity: { id: sent.id, to: sent.to, sender: sent.sender }, warnings: messages([]) });
    },
  },
  {
    method: 'POST',
    path: '/v2/communications/email',
    operationId: 'sendEmail',
    auth: true,
    handler: ({ service, org, body }) => {
      // v2 names (fileEncodingType) and the v1.1 ones (file_encoding_type) are both read.
      const attachments = ((body.attachments ?? []) as AttachmentBody[]).map((item) =>
        withoutUndefined({
          fileName: String(item.fileName ?? item.file_name),
          fileData: String(item.fileData ?? item.file_data),
          encoding: item.fileEncodingType ?? item.file_encoding_type,
        }),
      );
      const sent = service.sendEmail(org.id, { to: body.to, subject: body.subject, body: body.body, attachments });
      return ok({ entity: { id: sent.id, to: sent.to, attachments: sent.attachments ?? [] }, warnings: [] });
    },
  },
];
