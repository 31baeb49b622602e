import type { Capture } from '../capture/capture-schema.js';
import type { Item } from '../capture/item-schema.js';
import type { CaseDeadline } from '../cases/case-deadlines.js';
import type { Case } from '../cases/case-schema.js';
import type { IndonesianTimeZone } from '../election/time-zone.js';
import type { Finding } from '../findings/finding-schema.js';
import type { Subject } from '../subject/subject-schema.js';

/** A lookup made while an item was missing: what the platform said, when, and its raw response. */
export interface ReportLookup {
  id?: string;
  status: string;
  reason?: string;
  at: string;
  rawBlobs?: string[];
}

/** One suspicion of deletion and how it ended. */
export interface ReportSuspicion {
  firstMissingAt?: string;
  confirmedAt?: string;
  confirmedBy?: string;
  resolvedAt?: string;
  resolution?: string;
  lookups?: ReportLookup[];
  missingCaptures?: Array<{ captureId: string; at: string }>;
}

/**
 * What deletion detection knows of one item. A structural subset of the deletion module's
 * `TrackedItem`, so a tracked item can be passed as it is; every field is optional except the
 * status, so a report can be built before (or without) deletion detection.
 */
export interface ReportItemHistory {
  status: string;
  statusSince?: string;
  createdAt?: string;
  firstSeenAt?: string;
  lastSeenAt?: string;
  versions?: Array<{ item: Item; contentHash?: string; firstSeenAt: string; firstSeenCaptureId?: string }>;
  earlierVersionsNotCaptured?: boolean;
  episode?: ReportSuspicion;
  pastEpisodes?: ReportSuspicion[];
  replacedBy?: string;
  replaces?: string;
}

/** A media or raw blob available to the report. */
export interface ReportBlob {
  bytes: Uint8Array;
  mediaType?: string;
}

/** Where a record sits in the store's hash chain. */
export interface ReportRecordRef {
  kind: string;
  id: string;
  seq: number;
  recordHash: string;
  entryHash: string;
  appendedAt: string;
}

/** Whether a capture's inclusion in a signed checkpoint was checked, and the result. */
export interface ReportProofStatus {
  captureId: string;
  ok: boolean;
  treeSize?: number;
  rootHash?: string;
  keyId?: string;
  checkpointAt?: string;
  message?: string;
}

/** The store's integrity check, as run before the report was written. */
export interface StoreVerificationStatus {
  storeId: string;
  checkedAt: string;
  ok: boolean;
  checked?: { blobs: number; records: number; checkpoints: number; bytes: number };
  problems: Array<{ type: string; file?: string; seq?: number; message: string }>;
}

/** Everything the evidence report of one case shows. */
export interface EvidenceReportInput {
  office: { name: string };
  case: Case;
  subject?: Subject;
  findings: Finding[];
  /** The captures the findings and the case rest on (all captures that hold the items, if known). */
  captures: Capture[];
  /** Histories from deletion detection, by item key (`platform:id`). */
  itemHistories?: Readonly<Record<string, ReportItemHistory>>;
  /** Media blobs by sha256; images become `data:` URIs. */
  blobs?: ReadonlyMap<string, ReportBlob>;
  /** Store positions of records, by `kind:id`. */
  records?: Readonly<Record<string, ReportRecordRef>>;
  verification?: StoreVerificationStatus;
  proofs?: ReportProofStatus[];
  deadlines?: CaseDeadline[];
  generatedAt: string;
  generatedBy: string;
  /** The election's zone: every time in the report is written in it, named (the UTC instant stays in the markup). @default 'WIB' */
  timeZone?: IndonesianTimeZone;
  /** Show NIP/NRP, NIK, phone numbers and e-mail addresses unmasked. @default false */
  includePersonalData?: boolean;
}
