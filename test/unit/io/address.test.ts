import { describe, expect, it } from 'vitest';
import { isNonPublicAddress } from '../../../lib/io/address.js';

describe('isNonPublicAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', '[::1]', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '224.0.0.1', '::ffff:7f00:1', '::7f00:1', '64:ff9b::a00:1', '2002:c0a8:101::1', '2001::1', '2001:db8::1', 'fec0::1', 'ff02::1', '192.0.2.1', '198.18.0.1', '240.0.0.1', '255.255.255.255', 'fe80::1%eth0'])(
    'refuses %s',
    (address) => expect(isNonPublicAddress(address)).toBe(true),
  );
  it.each(['8.8.8.8', '172.32.0.1', '2a00:1450:4001::1', 'example.org', '2002:808:808::1', '::ffff:8.8.8.8', '2001:4860:4860::8888', '10.0.0.1.example.org'])('allows %s', (address) => expect(isNonPublicAddress(address)).toBe(false));
});
