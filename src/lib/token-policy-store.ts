import { buildTokenPolicy, type TokenPolicy, type TokenPolicyInput } from '@/domain/smart/token-destination';

/**
 * The session's token policy, which grows when studies arrive whose Endpoints declare that they
 * require the access token. Decisions always read the current policy.
 */
export class TokenPolicyStore {
  private input: TokenPolicyInput;
  private policy: TokenPolicy;

  constructor(input: TokenPolicyInput) {
    this.input = input;
    this.policy = buildTokenPolicy(input);
  }

  get current(): TokenPolicy {
    return this.policy;
  }

  trust(addresses: readonly string[]): void {
    const known = new Set(this.input.tokenRequiringAddresses ?? []);
    if (addresses.every((address) => known.has(address))) return;
    this.input = { ...this.input, tokenRequiringAddresses: [...known, ...addresses] };
    this.policy = buildTokenPolicy(this.input);
  }
}
