// /admin/reports/:id/attachments… and /admin/pages/:id/attachments…: attach media from the
// library, upload a new file and attach it, change an attachment's label and summary, detach
// it, move it up or down. One plugin for both kinds of item, registered by each item's routes
// with what differs (who may edit it, its edit page). Only someone who may edit the item may
// change its attachments. Uploads are multipart, parsed in this plugin alone; the CSRF token
// travels as the form's `_csrf` field.
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { attachMediaToReport } from '../../../actions/items/attach-media.js';
import { listMedia } from '../../../actions/media/list-media.js';
import { detachMedia } from '../../../actions/items/detach-media.js';
import { reorderAttachments } from '../../../actions/items/reorder-attachments.js';
import { uploadMedia } from '../../../actions/media/upload-media.js';
import { ValidationError, type FieldMessages } from '../../../domain/errors.js';
import { formRefusalOf, type FormRefusal } from '../../errors.js';
import { checkAttachmentText, formatMegabytes, withFileName } from '../../../domain/media-rules.js';
import { listAttachments } from '../../../actions/items/list-attachments.js';
import { suggestAltTexts } from '../../../actions/items/suggest-alt-texts.js';
import { findMedia } from '../../../actions/media/find-media.js';
import type { ItemKind, ItemRef } from '../../../domain/item-ref.js';
import { enforceAccess } from '../../admin/access.js';
import { formField, formPairs } from '../../admin/form-body.js';
import { withNotice, type NOTICES } from '../../admin/notices.js';
import type { WebDeps } from '../../deps.js';
import type { AttachmentForm, ReportAttachmentsProps } from '../../views/admin/report-attachments.js';
import { FORM_BODY_LIMIT } from './form-limits.js';
import { oncePerSubmissionKey } from '../../admin/submission-key.js';
import { parseId, reportIdOf } from './reports-shared.js';

const WRITER = { access: 'writer' } as const;

/** File names of the request's uploaded parts, by field (the body holds only their bytes). */
const uploadNames = new WeakMap<FastifyRequest, Map<string, string>>();

/** Field messages of an action, under the form's own field names (`upload.file` …). */
function prefixed(prefix: string, fields: FieldMessages): FieldMessages {
  return Object.fromEntries(Object.entries(fields).map(([name, message]) => [`${prefix}${name}`, message]));
}

/** The label a file gets when none is typed: its name without the extension. */
function stemOf(fileName: string): string {
  return fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '') || fileName;
}

type Params = { Params: { id: string; mediaId?: string } };

/** What the attachment forms show again after a refusal, besides the field messages. */
export interface AttachmentFailure {
  errors: FieldMessages;
  attachForm?: AttachmentForm;
  uploadForm?: AttachmentForm;
  /** The answer's status when not 422 (a full disk: 507). */
  status?: number;
}

/**
 * A full disk met by an attachment action (the file or the record could not be written; the
 * upload removed what it wrote): the panel's message, at its top, and the full-disk status.
 * `lead` says what did happen first (save-and-attach: the text was saved).
 */
function diskFullFailure(request: FastifyRequest, error: unknown, lead = ''): AttachmentFailure | undefined {
  const full = formRefusalOf(error, ['DISK_FULL']);
  if (!full) return undefined;
  request.log.error({ err: error }, 'attachment refused: the disk is full');
  return { errors: { order: `${lead}${full.message}` }, status: full.status };
}

/** What differs between reports and pages. */
export interface AttachmentItemRoutes<T extends { id: number }> {
  kind: ItemKind;
  /** The item, if the actor may edit it; otherwise throws the refusal (ForbiddenError, …). */
  loadEditable: (request: FastifyRequest, id: number) => Promise<T>;
  /** The item's edit page with the attachment forms as they failed (422). */
  sendEditPage: (request: FastifyRequest, reply: FastifyReply, item: T, failure: AttachmentFailure) => Promise<FastifyReply>;
  /** The 403/409 page of a refusal; other errors are thrown on. */
  sendRefusal: (request: FastifyRequest, reply: FastifyReply, error: unknown, id?: number) => Promise<FastifyReply>;
  /**
   * Saves the item's main form as posted with a file (`id` absent: a new draft), through the
   * normal save path with its conflict check: the saved item's id, or undefined when the form
   * was sent back instead (its errors or the conflict, with `problem` saying the file was not stored).
   */
  saveForm: (request: FastifyRequest, reply: FastifyReply, id: number | undefined, problem: string) => Promise<number | undefined>;
}

/** The attachment routes of one kind of item. */
export const itemAttachmentRoutes =
  <T extends { id: number }>(owner: AttachmentItemRoutes<T>): FastifyPluginAsync<{ deps: WebDeps }> =>
  async (app, { deps }) => {
    const segment = owner.kind === 'report' ? 'reports' : 'pages';
    const ownerOf = (id: number) => (owner.kind === 'report' ? { reportId: id } : { pageId: id });
    // A visitor without a session is refused before the upload is read into memory.
    app.addHook('preValidation', async (request, reply) => {
      if (!request.admin && request.isMultipart()) return enforceAccess(app, deps, request, reply);
      return undefined;
    });
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      // One byte over the limit is enough for uploadMedia to refuse the file with its
      // Japanese size message; truncating instead of throwing avoids a bare 413.
      // Fields as large as the editor's urlencoded form allows, so that the main form posted with
      // a file (save-and-attach) has an over-long body refused by the save's own rule.
      limits: { fileSize: deps.maxUploadBytes + 1, fieldSize: FORM_BODY_LIMIT, files: 1, fields: 40, parts: 45 },
      throwFileSizeLimit: false,
      async onFile(this: FastifyRequest, part: MultipartFile) {
        await part.toBuffer();
        const names = uploadNames.get(this) ?? new Map<string, string>();
        names.set(part.fieldname, part.filename);
        uploadNames.set(this, names);
      },
    });

    /** Runs `act` on an editable item; refusals become their pages, validation errors the edit page (422). */
    async function handle(
      request: FastifyRequest<Params>,
      reply: FastifyReply,
      act: (id: number) => Promise<keyof typeof NOTICES>,
      onInvalid: (error: Pick<FormRefusal, 'fields' | 'message'>) => AttachmentFailure,
    ): Promise<FastifyReply> {
      let item: T;
      try {
        item = await owner.loadEditable(request, reportIdOf(request.params.id));
      } catch (error) {
        return owner.sendRefusal(request, reply, error, parseId(request.params.id));
      }
      let notice: keyof typeof NOTICES;
      try {
        notice = await act(item.id);
      } catch (error) {
        const full = diskFullFailure(request, error);
        // The forms as they were sent (onInvalid keeps them), with the panel's message.
        if (full) return owner.sendEditPage(request, reply, item, { ...onInvalid({ fields: {}, message: '' }), ...full });
        const refused = formRefusalOf(error);
        if (!refused) throw error;
        return owner.sendEditPage(request, reply, item, { ...onInvalid(refused), status: refused.status });
      }
      return reply.redirect(`${withNotice(`/admin/${segment}/${item.id}/edit`, notice)}#attachments`, 303);
    }

    /** Stores the request's `upload.file` and attaches it to the item (label: the typed one, else the file's name). */
    async function uploadAndAttach(request: FastifyRequest, id: number, form: AttachmentForm): Promise<keyof typeof NOTICES> {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const bytes = body['upload.file'];
      const fileName = uploadNames.get(request)?.get('upload.file') ?? '';
      if (!Buffer.isBuffer(bytes) || (bytes.length === 0 && fileName === '')) {
        throw new ValidationError('ファイルを選んでください。', { file: 'アップロードするファイルを選んでください。' });
      }
      if (bytes.length > deps.maxUploadBytes) {
        // Cut at the multipart limit, so its real size is unknown: the limit alone is stated.
        const message = withFileName(fileName, `ファイルが大きすぎます(上限${formatMegabytes(deps.maxUploadBytes)})。小さくしてからアップロードしてください。`);
        throw new ValidationError(message, { file: message });
      }
      // Label and summary are checked first, so a refused label does not leave an unused upload behind.
      checkAttachmentText({ label: form.label.trim() || stemOf(fileName) || 'ファイル', summary: form.summary });
      const actor = request.admin!.actor;
      const media = await uploadMedia(deps.ctx, { bytes, fileName, altText: form.altText, user: actor, maxBytes: deps.maxUploadBytes });
      if (media.pdfFailure) request.log.warn({ mediaId: media.id, cause: media.pdfFailure }, 'PDF stored without page count or text');
      const label = form.label.trim() || stemOf(media.originalName);
      // The alt text typed with the file is this use's (the media record keeps its own default).
      await attachMediaToReport(deps.ctx, { ...ownerOf(id), mediaId: media.id, label, summary: form.summary, altText: form.altText, user: actor });
      return 'attachment-uploaded';
    }

    const mediaIdOf = (request: FastifyRequest<Params>) => parseId(request.params.mediaId) ?? 0;

    app.post<Params>(`/${segment}/:id/attachments`, { config: WRITER }, async (request, reply) => {
      const form: AttachmentForm = {
        mediaId: formField(request, 'attach.mediaId'),
        label: formField(request, 'attach.label'),
        summary: formField(request, 'attach.summary'),
        altText: '',
      };
      return handle(
        request,
        reply,
        async (id) => {
          const mediaId = parseId(form.mediaId);
          if (mediaId === undefined) throw new ValidationError('ファイルを選んでください。', { mediaId: 'ファイルを選んでください。' });
          const media = await findMedia(deps.ctx, mediaId);
          if (!media) throw new ValidationError('そのファイルはありません。', { mediaId: 'そのファイルはありません。一覧から選んでください。' });
          const label = form.label.trim() || stemOf(media.originalName);
          await attachMediaToReport(deps.ctx, { ...ownerOf(id), mediaId, label, summary: form.summary, user: request.admin!.actor });
          return 'attachment-added';
        },
        (error) => ({ errors: prefixed('attach.', error.fields), attachForm: form }),
      );
    });

    app.post<Params>(`/${segment}/:id/attachments/upload`, { config: WRITER }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
      const form: AttachmentForm = { mediaId: '', label: text('upload.label'), summary: text('upload.summary'), altText: text('upload.altText') };
      return handle(
        request,
        reply,
        (id) => uploadAndAttach(request, id, form),
        (error) => ({ errors: prefixed('upload.', error.fields), uploadForm: form }),
      );
    });

    /**
     * The main form posted with a file (its 「ファイルを添付…」 button, multipart; issue 12): the
     * typed text is saved first through the item's own save (a new draft when there is no item
     * yet), then the file is stored and attached. A form sent back (errors, a conflict) keeps
     * everything typed and names the file, which is not stored; a refused file after the save
     * shows the saved item with the upload's message. Once per submission key, like the form.
     */
    async function saveThenAttach(request: FastifyRequest, reply: FastifyReply, id?: number): Promise<FastifyReply> {
      const fileName = uploadNames.get(request)?.get('upload.file') ?? '';
      const problem = fileName
        ? `選んだファイル「${fileName}」はまだ添付されていません。下の内容を確かめてから、もう一度ファイルを選んでボタンを押してください。`
        : 'ファイルはまだ添付されていません。下の内容を確かめてから、ファイルを選んでボタンを押してください。';
      const savedId = await owner.saveForm(request, reply, id, problem);
      if (savedId === undefined) return reply;
      const item = await owner.loadEditable(request, savedId);
      const altText = (request.body as Record<string, unknown> | undefined)?.['upload.altText'];
      const form: AttachmentForm = { mediaId: '', label: '', summary: '', altText: typeof altText === 'string' ? altText : '' };
      try {
        await uploadAndAttach(request, savedId, form);
      } catch (error) {
        const full = diskFullFailure(request, error, `入力した内容は保存しましたが、${fileName ? `ファイル「${fileName}」` : 'ファイル'}は添付できませんでした。`);
        if (full) return owner.sendEditPage(request, reply, item, { ...full, uploadForm: form });
        const refused = formRefusalOf(error);
        if (!refused) throw error;
        return owner.sendEditPage(request, reply, item, { errors: prefixed('upload.', refused.fields), uploadForm: form, status: refused.status });
      }
      return reply.redirect(`${withNotice(`/admin/${segment}/${savedId}/edit`, 'attachment-saved-uploaded')}#attachments`, 303);
    }
    const once = { config: WRITER, bodyLimit: FORM_BODY_LIMIT, ...oncePerSubmissionKey(deps) };
    app.post(`/${segment}/new/attach`, once, async (request, reply) => saveThenAttach(request, reply));
    app.post<Params>(`/${segment}/:id/edit/attach`, once, async (request, reply) => {
      try {
        await owner.loadEditable(request, reportIdOf(request.params.id));
      } catch (error) {
        return owner.sendRefusal(request, reply, error, parseId(request.params.id));
      }
      return saveThenAttach(request, reply, reportIdOf(request.params.id));
    });

    app.post<Params>(`/${segment}/:id/attachments/:mediaId`, { config: WRITER }, async (request, reply) => {
      const mediaId = mediaIdOf(request);
      const prefix = `item.${mediaId}.`;
      return handle(
        request,
        reply,
        async (id) => {
          const order = (await listAttachments(deps.ctx, { kind: owner.kind, id })).map((a) => a.mediaId);
          const position = order.indexOf(mediaId);
          if (position < 0)
            throw new ValidationError('この添付資料は外されています。', { order: 'この添付資料はすでに外されています。ページを読み込み直してください。' });
          const label = formField(request, `${prefix}label`);
          // Photos' forms carry this use's alt text; the others' leave it as it is.
          const altText = formPairs(request).some(([name]) => name === `${prefix}altText`) ? { altText: formField(request, `${prefix}altText`) } : {};
          await attachMediaToReport(deps.ctx, {
            ...ownerOf(id),
            mediaId,
            label,
            summary: formField(request, `${prefix}summary`),
            position,
            ...altText,
            user: request.admin!.actor,
          });
          return 'attachment-updated';
        },
        (error) => ({ errors: error.fields.order ? error.fields : prefixed(prefix, error.fields) }),
      );
    });

    app.post<Params>(`/${segment}/:id/attachments/:mediaId/detach`, { config: WRITER }, async (request, reply) =>
      handle(
        request,
        reply,
        async (id) => {
          await detachMedia(deps.ctx, { ...ownerOf(id), mediaId: mediaIdOf(request), user: request.admin!.actor });
          return 'attachment-removed';
        },
        (error) => ({ errors: { order: error.message } }),
      ),
    );

    app.post<Params>(`/${segment}/:id/attachments/:mediaId/move`, { config: WRITER }, async (request, reply) =>
      handle(
        request,
        reply,
        async (id) => {
          const mediaId = mediaIdOf(request);
          const ids = (await listAttachments(deps.ctx, { kind: owner.kind, id })).map((a) => a.mediaId);
          const from = ids.indexOf(mediaId);
          const to = from + (formField(request, 'direction') === 'up' ? -1 : 1);
          if (from < 0 || to < 0 || to >= ids.length) {
            throw new ValidationError('移動できません。', { order: 'この添付資料はその方向に移動できません。ページを読み込み直してください。' });
          }
          [ids[from], ids[to]] = [ids[to]!, ids[from]!];
          await reorderAttachments(deps.ctx, { ...ownerOf(id), mediaIds: ids, user: request.admin!.actor });
          return 'attachment-moved';
        },
        (error) => ({ errors: { order: error.fields.order ?? error.message } }),
      ),
    );
  };

/** How many recently uploaded files the attach form offers. */
const LIBRARY_CHOICES = 50;

/** The attachments part of an item's edit page: its list, the library to attach from, the forms as they failed. */
export async function loadAttachmentPanel(deps: WebDeps, item: ItemRef, csrfToken: string, failure: Partial<AttachmentFailure> = {}): Promise<ReportAttachmentsProps> {
  const [attached, library] = await Promise.all([listAttachments(deps.ctx, item), listMedia(deps.ctx, { perPage: LIBRARY_CHOICES })]);
  const attachedIds = new Set(attached.map((a) => a.mediaId));
  const others = await suggestAltTexts(
    deps.ctx,
    item,
    attached.filter((a) => !a.useAltText).map((a) => a.mediaId),
  );
  return {
    altSuggestions: new Map([...others].map(([mediaId, uses]) => [mediaId, uses.map((u) => ({ title: u.title, altText: u.altText }))])),
    basePath: `/admin/${item.kind === 'report' ? 'reports' : 'pages'}/${item.id}/attachments`,
    csrfToken,
    attachments: attached,
    library: library.items.filter((m) => !attachedIds.has(m.id)),
    errors: failure.errors ?? {},
    attachForm: failure.attachForm,
    uploadForm: failure.uploadForm,
    maxUploadSize: formatMegabytes(deps.maxUploadBytes),
  };
}
