// /admin/media (editor and owner): the media library, uploads (multipart, parsed only in
// this plugin), alt text edits and deletion (refused while reports use the file).
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { deleteMedia } from '../../../actions/media/delete-media.js';
import { listMedia } from '../../../actions/media/list-media.js';
import { listMediaUsers } from '../../../actions/media/list-media-users.js';
import { updateMediaAlt } from '../../../actions/media/update-media-alt.js';
import { uploadMedia } from '../../../actions/media/upload-media.js';
import { MediaNotFoundError, PageNotFoundError, type MediaUser } from '../../../domain/errors.js';
import { mediaMessages, withFileName } from '../../../domain/media-rules.js';
import { isAllowed } from '../../../domain/user.js';
import { readMedia } from '../../../actions/media/read-media.js';
import { enforceAccess } from '../../admin/access.js';
import { formField } from '../../admin/form-body.js';
import { withNotice } from '../../admin/notices.js';
import { adminPageContext, sendAdminPage } from '../../admin/page.js';
import type { WebDeps } from '../../deps.js';
import { formRefusalOf } from '../../errors.js';
import type { FieldErrors } from '../../views/admin/form.js';
import { MediaDeletePage } from '../../views/admin/media-delete-page.js';
import { altFieldName, MediaLibraryPage, type MediaKindFilter } from '../../views/admin/media-library-page.js';
import { RefusalPage } from '../../views/admin/refusal-page.js';

const EDITOR = { access: 'editor' } as const;
const FILE_REQUIRED = 'ファイルを選んでください。';

interface UploadedFile {
  bytes: Buffer;
  fileName: string;
  /** Longer than the multipart limit: only its first maxUploadBytes + 1 bytes were kept. */
  isTruncated: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    mediaUpload?: UploadedFile;
  }
}

interface ListState {
  errors?: FieldErrors;
  uploadAltText?: string;
  editedAlt?: { id: number; altText: string };
}

function mediaId(text: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(text)) throw new MediaNotFoundError(text);
  return Number(text);
}

function kindOf(value: unknown): MediaKindFilter {
  if (value === undefined || value === '') return undefined;
  if (value === 'pdf' || value === 'image') return value;
  throw new PageNotFoundError(`media kind ${String(value)}`);
}

function pageOf(value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,5}$/.test(value)) throw new PageNotFoundError(`media page ${String(value)}`);
  return Number(value);
}

export const mediaRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (app, { deps }) => {
  // The body of an upload is read before the access check runs (preHandler), because the
  // CSRF token travels in it. Before reading megabytes, refuse whoever may not upload:
  // added ahead of the multipart plugin, so this hook runs before its parsing hook.
  app.addHook('preValidation', async (request, reply) => {
    if (!request.isMultipart() || isAllowed(request.admin?.user.role, request.routeOptions.config.access ?? 'owner')) return;
    if (!request.admin) return enforceAccess(app, deps, request, reply);
    // Refused whatever the token says, so the role is the answer (as for any other form).
    const page = await adminPageContext(deps, request, reply);
    return sendAdminPage(reply, <RefusalPage page={page} kind="role" />, 403);
  });
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    // One byte over the limit tells "too large" without reading the rest: the media rules
    // then give their Japanese message, not a bare 413.
    limits: { fileSize: deps.maxUploadBytes + 1, files: 1, fields: 4, parts: 5 },
    throwFileSizeLimit: false,
    async onFile(this: FastifyRequest, part: MultipartFile) {
      const bytes = await part.toBuffer();
      if (part.fieldname === 'file') this.mediaUpload = { bytes, fileName: part.filename, isTruncated: part.file.truncated };
    },
  });

  async function sendLibrary(request: FastifyRequest, reply: FastifyReply, state: ListState = {}, status = 200) {
    const query = request.query as Record<string, unknown>;
    const kind = kindOf(query.kind);
    const pageNumber = pageOf(query.page);
    const list = await listMedia(deps.ctx, { page: pageNumber, ...(kind === undefined ? {} : { kind }) });
    if (pageNumber > list.pageCount) throw new PageNotFoundError(`media page ${pageNumber}`);
    const page = await adminPageContext(deps, request, reply);
    return sendAdminPage(
      reply,
      <MediaLibraryPage
        page={page}
        items={list.items}
        total={list.total}
        pageNumber={list.page}
        pageCount={list.pageCount}
        kind={kind}
        maxUploadBytes={deps.maxUploadBytes}
        errors={state.errors ?? {}}
        uploadAltText={state.uploadAltText ?? ''}
        editedAlt={state.editedAlt}
        scripts={[deps.assets.adminUploadJs.path]}
      />,
      status,
    );
  }

  app.get('/media', { config: EDITOR }, async (request, reply) => sendLibrary(request, reply));

  app.post('/media', { config: EDITOR }, async (request, reply) => {
    const altText = formField(request, 'altText');
    const file = request.mediaUpload;
    if (!file || (file.bytes.byteLength === 0 && file.fileName === '')) {
      return sendLibrary(request, reply, { errors: { file: FILE_REQUIRED }, uploadAltText: altText }, 422);
    }
    if (file.isTruncated) {
      // The whole request's length is within a few hundred bytes of the file's.
      const size = Math.max(Number(request.headers['content-length']) || 0, file.bytes.byteLength);
      const message = withFileName(file.fileName, mediaMessages.tooLarge(deps.maxUploadBytes, size));
      return sendLibrary(request, reply, { errors: { file: message }, uploadAltText: altText }, 422);
    }
    try {
      const media = await uploadMedia(deps.ctx, { bytes: file.bytes, fileName: file.fileName, altText, user: request.admin!.actor, maxBytes: deps.maxUploadBytes });
      if (media.pdfFailure) request.log.warn({ mediaId: media.id, cause: media.pdfFailure }, 'PDF stored without page count or text');
      return reply.redirect(`${withNotice('/admin/media', media.isDuplicate ? 'media-duplicate' : 'media-uploaded')}#media-${media.id}`, 303);
    } catch (error) {
      const refused = formRefusalOf(error);
      if (!refused) throw error;
      return sendLibrary(request, reply, { errors: refused.fields, uploadAltText: altText }, refused.status);
    }
  });

  app.post<{ Params: { id: string } }>('/media/:id/alt', { config: EDITOR }, async (request, reply) => {
    const id = mediaId(request.params.id);
    const altText = formField(request, 'altText');
    try {
      await updateMediaAlt(deps.ctx, { mediaId: id, altText, user: request.admin!.actor });
    } catch (error) {
      const refused = formRefusalOf(error);
      if (!refused) throw error;
      return sendLibrary(
        request,
        reply,
        { errors: { [altFieldName(id)]: Object.values(refused.fields)[0] ?? refused.message }, editedAlt: { id, altText } },
        refused.status,
      );
    }
    return reply.redirect(`${withNotice('/admin/media', 'media-updated')}#media-${id}`, 303);
  });

  app.get<{ Params: { id: string } }>('/media/:id/delete', { config: EDITOR }, async (request, reply) => {
    const media = await readMedia(deps.ctx, mediaId(request.params.id));
    const usedBy = (await listMediaUsers(deps.ctx.db, [media])).get(media.id) ?? [];
    const page = await adminPageContext(deps, request, reply);
    return sendAdminPage(reply, <MediaDeletePage page={page} media={media} usedBy={usedBy} />);
  });

  app.post<{ Params: { id: string } }>('/media/:id/delete', { config: EDITOR }, async (request, reply) => {
    const id = mediaId(request.params.id);
    try {
      await deleteMedia(deps.ctx, { mediaId: id, user: request.admin!.actor });
    } catch (error) {
      const refused = formRefusalOf(error, ['MEDIA_IN_USE']);
      if (!refused) throw error;
      const [media, page] = await Promise.all([readMedia(deps.ctx, id), adminPageContext(deps, request, reply)]);
      const { reports } = refused.details as { reports: MediaUser[] };
      return sendAdminPage(reply, <MediaDeletePage page={page} media={media} usedBy={reports} isRefused />, refused.status);
    }
    return reply.redirect(withNotice('/admin/media', 'media-deleted'), 303);
  });
};
