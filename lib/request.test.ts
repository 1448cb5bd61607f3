import { describe, expect, it } from 'vitest';
import { addressKey, clientIpFrom } from './request';

/**
 * With no proxy, scripts/server.mjs removes every forwarding header the client sent and writes the socket's
 * peer into X-Forwarded-For (the third argument says it did). Behind N proxies each appends the address it
 * received the request from: whatever stands left of those was written by the client.
 */
describe('clientIpFrom', () => {
  it("with no proxy, takes the peer the portal's server wrote", () => {
    expect(clientIpFrom('203.0.113.5', 0, true)).toBe('203.0.113.5');
    expect(clientIpFrom('::ffff:203.0.113.5', 0, true)).toBe('203.0.113.5');
    expect(clientIpFrom('2001:db8::1', 0, true)).toBe('2001:db8::1');
  });

  it('with no proxy and no server that wrote the peer (a bare next start), trusts no header at all', () => {
    expect(clientIpFrom('6.6.6.6', 0, false)).toBe('unknown');
    expect(clientIpFrom('6.6.6.6, 203.0.113.5', 0, false)).toBe('unknown');
    expect(clientIpFrom(null, 0, false)).toBe('unknown');
  });

  it('with one trusted proxy, takes the entry the proxy appended, not the ones the client wrote', () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the real client.
    expect(clientIpFrom('6.6.6.6, 203.0.113.5', 1, true)).toBe('203.0.113.5');
    expect(clientIpFrom('1.1.1.1, 6.6.6.6,203.0.113.5', 1, false)).toBe('203.0.113.5');
    // A proxy that replaces the header rather than appending.
    expect(clientIpFrom('203.0.113.5', 1, true)).toBe('203.0.113.5');
  });

  it("with two trusted proxies, skips the first proxy's entry and ignores spoofed ones", () => {
    // client → edge proxy (appends client) → inner proxy (appends edge) → portal
    expect(clientIpFrom('203.0.113.5, 10.0.0.2', 2, true)).toBe('203.0.113.5');
    expect(clientIpFrom('6.6.6.6, 7.7.7.7, 203.0.113.5, 10.0.0.2', 2, true)).toBe('203.0.113.5');
  });

  it('never lets a client pick its address by adding entries on the left', () => {
    for (const proxies of [1, 2, 3]) {
      const trusted = ['203.0.113.5', ...Array.from({ length: proxies - 1 }, (_, i) => `10.0.0.${i + 1}`)];
      const honest = clientIpFrom(trusted.join(', '), proxies, true);
      for (const spoof of ['6.6.6.6', '6.6.6.6, 7.7.7.7', 'unknown, , 8.8.8.8']) {
        expect(clientIpFrom(`${spoof}, ${trusted.join(', ')}`, proxies, true)).toBe(honest);
      }
      expect(honest).toBe('203.0.113.5');
    }
  });

  it('falls back to the leftmost entry when the chain is shorter than configured', () => {
    expect(clientIpFrom('203.0.113.5', 3, true)).toBe('203.0.113.5');
  });

  it('says "unknown" without the header, and caps the length of what it returns', () => {
    expect(clientIpFrom(null, 1, true)).toBe('unknown');
    expect(clientIpFrom(' , ', 1, true)).toBe('unknown');
    expect(clientIpFrom('x'.repeat(500), 0, true)).toHaveLength(64);
  });
});

describe('addressKey', () => {
  it('keeps an IPv4 address and "unknown" as they are', () => {
    expect(addressKey('203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('unknown')).toBe('unknown');
  });

  it('groups IPv6 addresses by their /64, however they are written', () => {
    const key = addressKey('2001:db8:1:2::1');
    expect(key).toBe('2001:db8:1:2::/64');
    for (const same of ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0db8:0001:0002:0:0:0:7', '2001:DB8:1:2:aaaa::', '2001:db8:1:2::10.0.0.1']) {
      expect(addressKey(same)).toBe(key);
    }
    expect(addressKey('2001:db8:1:3::1')).not.toBe(key);
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
