/**
 * What every account-state record carries so a store can index it without knowing the rest of
 * its shape. The full shape is `AccountState` in `deletion/`.
 */
export interface AccountStateEnvelope {
  accountKey: string;
  /** When this snapshot was made. */
  updatedAt: string;
}
