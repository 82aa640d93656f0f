import { BlockList, isIP } from 'node:net';

/** Why an address may not receive webhooks. */
export type AddressKind = 'loopback' | 'private' | 'link-local' | 'metadata' | 'reserved';

const RANGES: [AddressKind, 'ipv4' | 'ipv6', string, number][] = [
  // Cloud metadata first, so the message names it (AWS/GCP/Azure, Alibaba, AWS IPv6, Oracle).
  ['metadata', 'ipv4', '169.254.169.254', 32],
  ['metadata', 'ipv4', '100.100.100.200', 32],
  ['metadata', 'ipv6', 'fd00:ec2::254', 128],
  ['metadata', 'ipv4', '192.0.0.192', 32],
  ['loopback', 'ipv4', '127.0.0.0', 8],
  ['loopback', 'ipv6', '::1', 128],
  ['private', 'ipv4', '10.0.0.0', 8],
  ['private', 'ipv4', '172.16.0.0', 12],
  ['private', 'ipv4', '192.168.0.0', 16],
  ['private', 'ipv4', '100.64.0.0', 10], // carrier-grade NAT
  ['private', 'ipv6', 'fc00::', 7], // unique local
  ['link-local', 'ipv4', '169.254.0.0', 16],
  ['link-local', 'ipv6', 'fe80::', 10],
  ['reserved', 'ipv4', '0.0.0.0', 8],
  ['reserved', 'ipv4', '192.0.0.0', 24],
  ['reserved', 'ipv4', '192.0.2.0', 24],
  ['reserved', 'ipv4', '198.18.0.0', 15],
  ['reserved', 'ipv4', '198.51.100.0', 24],
  ['reserved', 'ipv4', '203.0.113.0', 24],
  ['reserved', 'ipv4', '224.0.0.0', 4], // multicast
  ['reserved', 'ipv4', '240.0.0.0', 4], // reserved and broadcast
  ['reserved', 'ipv6', '::', 128],
  ['reserved', 'ipv6', 'ff00::', 8], // multicast
  ['reserved', 'ipv6', '2001:db8::', 32], // documentation
  // IPv6 forms that carry an IPv4 address (NAT64, 6to4, Teredo) could smuggle a private one past
  // the checks above; no webhook receiver needs them, so they are refused outright. IPv4-mapped
  // addresses are judged by the IPv4 address they carry (see below).
  ['reserved', 'ipv6', '64:ff9b::', 96],
  ['reserved', 'ipv6', '2002::', 16],
  ['reserved', 'ipv6', '2001::', 32],
];

const V4 = new Map<AddressKind, BlockList>();
const V6 = new Map<AddressKind, BlockList>();
for (const [kind, type, network, prefix] of RANGES) {
  const lists = type === 'ipv4' ? V4 : V6;
  let list = lists.get(kind);
  if (!list) lists.set(kind, (list = new BlockList()));
  list.addSubnet(network, prefix, type);
}
const ORDER: AddressKind[] = ['metadata', 'loopback', 'private', 'link-local', 'reserved'];

/** The kind of non-public address `ip` is, or null for a public unicast address (or not an IP). */
export function forbiddenAddressKind(ip: string): AddressKind | null {
  const version = isIP(ip);
  if (version === 0) return null;
  const mapped = version === 6 ? mappedIpv4(ip) : null;
  if (mapped) return forbiddenAddressKind(mapped);
  const type = version === 4 ? 'ipv4' : 'ipv6';
  // BlockList treats an IPv4 address as IPv4-mapped when checking IPv6 ranges: check one family only.
  for (const kind of ORDER) {
    if ((type === 'ipv4' ? V4 : V6).get(kind)?.check(ip, type)) return kind;
  }
  return null;
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d or ::ffff:xxxx:xxxx). */
function mappedIpv4(ip: string): string | null {
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (dotted) return dotted[1];
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}
