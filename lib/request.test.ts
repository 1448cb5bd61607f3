import { describe, expect, it } from 'vitest';
import { clientIpFrom } from './request';

/**
 * `next start` sets X-Forwarded-For to the socket's peer only when the request carries none; each trusted
 * proxy appends the address it received the request from. Whatever stands left of that was written by
 * the client.
 */
describe('clientIpFrom', () => {
  it('with no proxy, takes the peer that next start wrote', () => {
    expect(clientIpFrom('203.0.113.5', 0)).toBe('203.0.113.5');
    expect(clientIpFrom('::ffff:203.0.113.5', 0)).toBe('203.0.113.5');
    expect(clientIpFrom('2001:db8::1', 0)).toBe('2001:db8::1');
  });

  it('with one trusted proxy, takes the entry the proxy appended, not the ones the client wrote', () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the real client.
    expect(clientIpFrom('6.6.6.6, 203.0.113.5', 1)).toBe('203.0.113.5');
    expect(clientIpFrom('1.1.1.1, 6.6.6.6,203.0.113.5', 1)).toBe('203.0.113.5');
    // A proxy that replaces the header rather than appending.
    expect(clientIpFrom('203.0.113.5', 1)).toBe('203.0.113.5');
  });

  it('with two trusted proxies, skips the first proxy\'s entry and ignores spoofed ones', () => {
    // client → edge proxy (appends client) → inner proxy (appends edge) → portal
    expect(clientIpFrom('203.0.113.5, 10.0.0.2', 2)).toBe('203.0.113.5');
    expect(clientIpFrom('6.6.6.6, 7.7.7.7, 203.0.113.5, 10.0.0.2', 2)).toBe('203.0.113.5');
  });

  it('never lets a client pick its address by adding entries on the left', () => {
    for (const proxies of [1, 2, 3]) {
      const trusted = ['203.0.113.5', ...Array.from({ length: proxies - 1 }, (_, i) => `10.0.0.${i + 1}`)];
      const honest = clientIpFrom(trusted.join(', '), proxies);
      for (const spoof of ['6.6.6.6', '6.6.6.6, 7.7.7.7', 'unknown, , 8.8.8.8']) {
        expect(clientIpFrom(`${spoof}, ${trusted.join(', ')}`, proxies)).toBe(honest);
      }
      expect(honest).toBe('203.0.113.5');
    }
  });

  it('falls back to the leftmost entry when the chain is shorter than configured', () => {
    expect(clientIpFrom('203.0.113.5', 3)).toBe('203.0.113.5');
  });

  it('uses X-Real-IP only without X-Forwarded-For, and says "unknown" without either', () => {
    expect(clientIpFrom(null, 0, '198.51.100.4')).toBe('198.51.100.4');
    expect(clientIpFrom('', 1, '198.51.100.4')).toBe('198.51.100.4');
    expect(clientIpFrom('203.0.113.5', 0, '198.51.100.4')).toBe('203.0.113.5');
    expect(clientIpFrom(null, 0, null)).toBe('unknown');
    expect(clientIpFrom(' , ', 1)).toBe('unknown');
  });

  it('caps the length of what it returns', () => {
    expect(clientIpFrom('x'.repeat(500), 0)).toHaveLength(64);
  });
});
