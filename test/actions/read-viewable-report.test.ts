import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readViewableReport } from '../../src/actions/reports/read-viewable-report.js';
import { saveReport } from '../../src/actions/reports/save-report.js';
import { ForbiddenError, ReportNotFoundError } from '../../src/domain/errors.js';
import { addTeam, type Team } from '../support/authors.js';
import { createTestSite, type TestSite } from '../support/db.js';

let site: TestSite;
let team: Team;

before(async () => {
  site = await createTestSite();
  team = await addTeam(site);
});
after(() => site.cleanup());

const fields = { title: '視察報告', activityDate: '2024-08-01', categoryId: null, tags: [], slug: '', summary: '', bodySource: '港湾施設を見た。' };

test('editors and the owner open any report, a writer only their own', async () => {
  const draft = await saveReport(site, team.writer, fields);
  for (const actor of [team.writer, team.editor, team.owner]) assert.equal((await readViewableReport(site, actor, draft.id)).id, draft.id);
  await assert.rejects(
    readViewableReport(site, team.otherWriter, draft.id),
    (error) => error instanceof ForbiddenError && error.message === '自分が作成した報告だけを開けます。',
  );
});

test('a report that does not exist is not found, whoever asks', async () => {
  for (const actor of [team.owner, team.writer]) await assert.rejects(readViewableReport(site, actor, 999_999), ReportNotFoundError);
});
