// The shipped deploy files are valid for the programs that read them: systemd-analyze verify
// accepts deploy/katsudo.service (with its hardening), and `nginx -t` accepts deploy/nginx.conf
// inside an http { } block (certificate and cache paths pointed at temp files).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { requireBinary } from '../support/proxies.js';

const deployFile = (name: string) => readFileSync(new URL(`../../deploy/${name}`, import.meta.url), 'utf8');

test('deploy/katsudo.service passes systemd-analyze verify and is hardened', (t) => {
  const unit = deployFile('katsudo.service');
  for (const directive of ['NoNewPrivileges=yes', 'ProtectSystem=strict', 'ReadWritePaths=/var/lib/katsudo', 'PrivateTmp=yes', 'ProtectHome=yes', 'KillSignal=SIGTERM']) {
    assert.ok(unit.includes(`\n${directive}\n`), directive);
  }
  // Longer than serve's own limit, so katsudo ends itself before systemd kills it.
  assert.ok(Number(/^TimeoutStopSec=(\d+)$/m.exec(unit)?.[1]) > 10);
  if (!existsSync('/usr/bin/systemd-analyze')) {
    t.skip('systemd-analyze is not installed');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-unit-'));
  try {
    // verify checks that ExecStart's program exists: this machine's node.
    writeFileSync(join(dir, 'katsudo.service'), unit.replace('/usr/bin/node', process.execPath));
    const result = spawnSync('/usr/bin/systemd-analyze', ['verify', join(dir, 'katsudo.service')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /katsudo\.service:/, result.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('deploy/nginx.conf passes nginx -t', (t) => {
  const nginx = requireBinary(t, 'nginx');
  if (nginx === undefined) return;
  const dir = mkdtempSync(join(tmpdir(), 'katsudo-nginx-t-'));
  try {
    const cert = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=www.example.jp', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { encoding: 'utf8' },
    );
    assert.equal(cert.status, 0, cert.stderr);
    const site = deployFile('nginx.conf')
      .replace('/etc/letsencrypt/live/www.example.jp/fullchain.pem', join(dir, 'cert.pem'))
      .replace('/etc/letsencrypt/live/www.example.jp/privkey.pem', join(dir, 'key.pem'))
      .replace('/var/cache/nginx/katsudo', join(dir, 'cache'));
    const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${join(dir, kind)};`).join('\n');
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'error.log')};\nevents {}\nhttp {\naccess_log off;\n${temps}\n${site}\n}\n`,
    );
    const result = spawnSync(nginx, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /syntax is ok/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
