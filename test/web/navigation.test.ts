import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp } from '../support/app.js';
import { setSettings, TEST_SETTINGS } from '../support/factories.js';

test('prints only the navigation links the settings form accepts, whatever is stored', async () => {
  const t = await createTestApp({
    seed: (site) =>
      setSettings(site, {
        ...TEST_SETTINGS,
        navigation: [
          { label: 'プロフィール', url: '/profile/' },
          { label: '後援会', url: 'https://kouenkai.example.jp/' },
          { label: '危険', url: 'javascript:alert(1)' },
          { label: '別サイト', url: '//evil.example/' },
          { label: 'データ', url: 'data:text/html,x' },
        ],
      }),
  });
  try {
    const home = (await t.app.inject({ method: 'GET', url: '/' })).body;
    assert.match(home, /href="\/profile\/"[^>]*>プロフィール/);
    assert.match(home, /href="https:\/\/kouenkai\.example\.jp\/"[^>]*>後援会/);
    for (const label of ['危険', '別サイト', 'データ']) assert.doesNotMatch(home, new RegExp(`>${label}<`));
    assert.doesNotMatch(home, /javascript:|data:text|\/\/evil/);
  } finally {
    await t.close();
  }
});
