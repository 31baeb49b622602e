/** One WARC record of a WACZ, as the CDXJ index and SIPANSOS's manifest name it. */
export interface WarcIndexEntry {
  /** Target URI. */
  url: string;
  /** WARC-Date as an ISO instant. */
  date: string;
  mime: string;
  status: number;
  /** `sha256:<hex>` of the payload (the response body). */
  digest: string;
  /** Byte offset and length of the (gzipped, for .warc.gz) record in its file. */
  offset: number;
  length: number;
  /** File name inside `archive/`. */
  filename: string;
  recordId: string;
  captureId: string;
}
