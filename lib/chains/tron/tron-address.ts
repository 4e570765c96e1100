import { hex } from '@scure/base';
import { base58check, TRON_ADDRESS_PREFIX } from '@/lib/wallet/address-encoding';

/**
 * TRON names one account in three spellings: Base58Check 'T…' (what people and lib/wallet use), hex '41…' (21 bytes:
 * the 0x41 prefix and the account's 20 bytes, what the HTTP API answers without `visible`), and the bare 20 bytes of
 * the EVM world (event logs' `address`, and the last 20 bytes of an indexed address topic). The adapter compares
 * accounts by those 20 bytes, written as 40 lower-case hex digits: an "account id" here.
 */

const HEX_40 = /^[0-9a-f]{40}$/;

/**
 * The account id (40 lower-case hex digits) of a TRON address written as 'T…', '41…' (42 hex digits) or as the bare
 * 20 bytes ('0x…' or 40 hex digits); null when it is none of them or its checksum or prefix is wrong.
 */
export function tronAccountId(address: string): string | null {
  const text = address.trim();
  if (text.startsWith('T')) {
    let bytes: Uint8Array;
    try {
      bytes = base58check.decode(text);
    } catch {
      return null;
    }
    return bytes.length === 21 && bytes[0] === TRON_ADDRESS_PREFIX ? hex.encode(bytes.subarray(1)) : null;
  }
  const digits = text.toLowerCase().replace(/^0x/, '');
  if (digits.length === 42 && digits.startsWith('41') && HEX_40.test(digits.slice(2))) return digits.slice(2);
  return HEX_40.test(digits) ? digits : null;
}

/** The 'T…' address (Base58Check of 0x41 and the 20 bytes) of an account id; throws on anything but 40 hex digits. */
export function tronAddressOf(accountId: string): string {
  if (!HEX_40.test(accountId)) throw new TypeError('a TRON account id is 20 bytes in lower-case hex');
  return base58check.encode(Uint8Array.of(TRON_ADDRESS_PREFIX, ...hex.decode(accountId)));
}
