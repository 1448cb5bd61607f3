import { describe, expect, it, vi } from 'vitest';

vi.mock('next/navigation', () => ({
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
}));

const { visibleOr404 } = await import('./pages');
const { NotFoundError } = await import('./errors');

describe('visibleOr404', () => {
  it('passes what was found through', async () => {
    await expect(visibleOr404(Promise.resolve({ id: 1 }))).resolves.toEqual({ id: 1 });
    await expect(visibleOr404(Promise.resolve(0))).resolves.toBe(0);
  });

  it('turns NotFoundError and nothing found into the not-found page', async () => {
    await expect(visibleOr404(Promise.reject(new NotFoundError('thread')))).rejects.toThrow('NEXT_NOT_FOUND');
    await expect(visibleOr404(Promise.resolve(null))).rejects.toThrow('NEXT_NOT_FOUND');
  });

  it('lets any other error through', async () => {
    await expect(visibleOr404(Promise.reject(new Error('database down')))).rejects.toThrow('database down');
  });
});
