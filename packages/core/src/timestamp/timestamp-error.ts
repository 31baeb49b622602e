/** Why a trusted timestamp could not be obtained or did not check out. */
export interface TimestampError {
  type:
    | 'tsa_unreachable'
    | 'tsa_timeout'
    | 'tsa_http'
    | 'tsa_rejected'
    | 'invalid_token'
    | 'imprint_mismatch'
    | 'nonce_mismatch'
    | 'bad_signature'
    | 'untrusted_signer'
    | 'invalid_trust_anchor';
  message: string;
  /** The TSA asked, when there was one. */
  tsaUrl?: string;
  /** The underlying error's message or code. */
  cause?: string;
}
