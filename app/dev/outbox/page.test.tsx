import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createFormatter, createTranslator } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderEmail } from '@/lib/email/templates';
import { fileTransport } from '@/lib/email/transport';
import en from '@/messages/en';

const state = vi.hoisted(() => ({ dir: '' }));

vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: 'dev') => createTranslator({ locale: 'en', messages: en, namespace }),
  getFormatter: async () => createFormatter({ locale: 'en', timeZone: 'UTC' }),
}));
vi.mock('next/server', () => ({ connection: async () => undefined }));
vi.mock('@/lib/config', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/config')>();
  return { ...real, config: () => ({ ...real.config(), outboxDir: state.dir }) };
});

async function render() {
  const { default: Page } = await import('./page');
  return renderToStaticMarkup(await Page());
}

beforeEach(async () => {
  state.dir = await mkdtemp(path.join(os.tmpdir(), 'pp-dev-page-'));
  vi.resetModules();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(state.dir, { recursive: true, force: true });
});

describe('/dev/outbox', () => {
  it('shows an empty state', async () => {
    const html = await render();
    expect(html).toContain(`<h1 class="text-2xl font-bold text-brand-900">${en.dev.title}</h1>`);
    expect(html).toContain('role="status"');
    expect(html).not.toContain('<ol');
  });

  it('lists emails newest first with clickable links', async () => {
    const link = 'http://portal.test/verify-email?token=abc_-123';
    await fileTransport(state.dir).send({
      id: 1,
      to: 'older@example.org',
      ...renderEmail('resetPassword', 'en', 'http://portal.test/reset-password?token=r'),
    });
    await new Promise((r) => setTimeout(r, 5));
    await fileTransport(state.dir).send({ id: 2, to: 'ada@example.org', ...renderEmail('verifyEmail', 'en', link) });
    const html = await render();
    expect(html).toContain(`<a href="${link.replace('&', '&amp;')}" class="break-all">${link}</a>`);
    expect(html.indexOf('ada@example.org')).toBeLessThan(html.indexOf('older@example.org'));
    expect(html).toContain('<time dateTime="');
    expect(html).toContain('2 emails');
  });

  it('does not exist in production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    await expect(render()).rejects.toMatchObject({ digest: expect.stringContaining('404') });
  });
});
