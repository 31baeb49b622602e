/**
 * RFC 3161 time-stamp requests and tokens, built and checked with PKI.js (PeculiarVentures'
 * ASN.1/CMS library over WebCrypto): the request with nonce and `certReq`, the response's
 * status, and a token's message imprint, nonce, CMS signature, the signer's
 * `timeStamping` key purpose and its certificate chain to the configured trust anchors,
 * validated at the token's `genTime`.
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { err, ok, ResultAsync, type Result } from 'neverthrow';
import type { TimestampError } from './timestamp-error.js';

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const TIME_STAMPING_OID = '1.3.6.1.5.5.7.3.8';
const EXTENDED_KEY_USAGE_OID = '2.5.29.37';
const PLAIN_DATA_OID = '1.2.840.113549.1.7.1';

/** A time-stamp request ready to send, and what the answer must echo. */
export interface TimestampRequest {
  /** DER of the `TimeStampReq`. */
  der: Uint8Array;
  /** The nonce, as a decimal string (a 63-bit positive integer). */
  nonce: string;
}

/** What a sound token says. */
export interface TimestampTokenInfo {
  /** The TSA's time (ISO 8601, UTC): the data existed no later than this. */
  genTime: string;
  /** The token's serial number, hex. */
  serialNumber: string;
  /** The TSA policy OID. */
  policy: string;
  /** The nonce, decimal, when the token carries one. */
  nonce?: string;
  /** The signer certificate's subject, e.g. `CN=Test TSA, O=…`. */
  signer: string;
  /** The message imprint (sha256, hex). */
  imprint: string;
}

/** Options of {@link verifyTimestampToken}. */
export interface VerifyTimestampTokenOptions {
  /** The sha256 the token must timestamp (hex). */
  imprint: string;
  /** PEM certificates the signer's chain must end in (the office's chosen TSA roots). */
  trustAnchors: readonly string[];
  /** Extra PEM certificates for building the chain (intermediates), not trusted by themselves. */
  intermediates?: readonly string[];
  /** When given, the token's nonce must equal it (decimal). */
  nonce?: string;
}

/** Build a SHA-256 `TimeStampReq` for a digest (hex), with a fresh nonce and `certReq: true`. */
export function createTimestampRequest(imprintHex: string): Result<TimestampRequest, TimestampError> {
  if (!/^[0-9a-f]{64}$/.test(imprintHex)) return err({ type: 'invalid_token', message: `the imprint must be a lowercase hex sha256, got "${imprintHex.slice(0, 80)}"` });
  const nonceBytes = randomBytes(8);
  nonceBytes[0] = (nonceBytes[0] as number) & 0x7f;
  const nonce = BigInt(`0x${nonceBytes.toString('hex')}`);
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: Buffer.from(imprintHex, 'hex') }),
    }),
    nonce: asn1js.Integer.fromBigInt(nonce),
    certReq: true,
  });
  return ok({ der: new Uint8Array(request.toSchema().toBER(false)), nonce: nonce.toString() });
}

/**
 * Read a `TimeStampResp` (DER): the status must be granted (or granted with modifications);
 * returns the `TimeStampToken` (a CMS `ContentInfo`, DER) it carries.
 */
export function tokenFromResponse(responseDer: Uint8Array): Result<Uint8Array, TimestampError> {
  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(toArrayBuffer(responseDer));
  } catch (error) {
    return err({ type: 'invalid_token', message: `the TSA's answer is not an RFC 3161 TimeStampResp: ${(error as Error).message}` });
  }
  const status = response.status.status;
  if (status !== 0 && status !== 1) {
    const text = response.status.statusStrings?.map((value) => value.valueBlock.value).join('; ');
    return err({ type: 'tsa_rejected', message: `the TSA refused the request (PKIStatus ${status}${text ? `: ${text}` : ''})` });
  }
  if (!response.timeStampToken) return err({ type: 'invalid_token', message: 'the TSA granted the request but sent no token' });
  return ok(new Uint8Array(response.timeStampToken.toSchema().toBER(false)));
}

/**
 * Check a `TimeStampToken` (DER) offline: it timestamps `imprint` with SHA-256, carries the
 * expected nonce (when given), its CMS signature is sound, and the signer certificate has the
 * `timeStamping` key purpose and chains to one of the trust anchors, valid at `genTime`.
 */
export function verifyTimestampToken(tokenDer: Uint8Array, options: VerifyTimestampTokenOptions): ResultAsync<TimestampTokenInfo, TimestampError> {
  return ResultAsync.fromSafePromise(checkToken(tokenDer, options)).andThen((result) => result);
}

async function checkToken(tokenDer: Uint8Array, options: VerifyTimestampTokenOptions): Promise<Result<TimestampTokenInfo, TimestampError>> {
  const anchors = parseCertificates(options.trustAnchors, 'trust anchor');
  if (anchors.isErr()) return err(anchors.error);
  if (anchors.value.length === 0) return err({ type: 'invalid_trust_anchor', message: 'no TSA trust anchor was given: list the TSA root certificates (PEM) in the config under timestamp.trustAnchors' });
  const intermediates = parseCertificates(options.intermediates ?? [], 'intermediate certificate');
  if (intermediates.isErr()) return err(intermediates.error);
  let signed: pkijs.SignedData;
  let info: pkijs.TSTInfo;
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(tokenDer));
    if (contentInfo.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error(`content type ${contentInfo.contentType} is not signed data`);
    signed = new pkijs.SignedData({ schema: contentInfo.content });
    if (signed.encapContentInfo.eContentType !== pkijs.id_eContentType_TSTInfo || !signed.encapContentInfo.eContent) throw new Error('the signed content is not a TSTInfo');
    info = pkijs.TSTInfo.fromBER(signed.encapContentInfo.eContent.getValue());
  } catch (error) {
    return err({ type: 'invalid_token', message: `not an RFC 3161 time-stamp token: ${(error as Error).message}` });
  }
  if (info.messageImprint.hashAlgorithm.algorithmId !== SHA256_OID) return err({ type: 'imprint_mismatch', message: `the token hashes with ${info.messageImprint.hashAlgorithm.algorithmId}, not SHA-256` });
  const imprint = Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).toString('hex');
  if (imprint !== options.imprint) return err({ type: 'imprint_mismatch', message: `the token timestamps ${imprint}, not ${options.imprint}` });
  const nonce = info.nonce ? info.nonce.toBigInt().toString() : undefined;
  if (options.nonce !== undefined && nonce !== options.nonce) return err({ type: 'nonce_mismatch', message: `the token's nonce ${nonce ?? '(none)'} is not the request's ${options.nonce}: a replayed or foreign answer` });
  const signerCertificate = signerOf(signed);
  if (!signerCertificate) return err({ type: 'untrusted_signer', message: 'the token does not carry its signer certificate (request it with certReq)' });
  if (!hasOnlyTimeStampingPurpose(signerCertificate)) return err({ type: 'untrusted_signer', message: `the signer ${subjectOf(signerCertificate)} lacks the critical extended key usage timeStamping (RFC 3161 §2.3)` });
  signed.certificates = [...(signed.certificates ?? []), ...intermediates.value];
  // PKI.js re-hashes the original data for a TSTInfo; we hold only its digest, checked above.
  // As plain signed data it checks the same signature over the same signed attributes, and the
  // chain at genTime (the time the TSA vouches for) rather than now.
  signed.encapContentInfo.eContentType = PLAIN_DATA_OID;
  try {
    const verified = await signed.verify({ signer: 0, trustedCerts: anchors.value, checkChain: true, checkDate: info.genTime, extendedMode: true });
    if (!verified.signatureVerified) return err({ type: 'bad_signature', message: `the token's signature by ${subjectOf(signerCertificate)} does not match its content` });
  } catch (error) {
    const failure = error as { code?: number; message?: string; signatureVerified?: boolean | null };
    const message = failure.message ?? String(error);
    if (failure.code === 5) return err({ type: 'untrusted_signer', message: `the signer ${subjectOf(signerCertificate)} does not chain to a trusted TSA root valid at ${info.genTime.toISOString()}: ${message}` });
    return err({ type: 'bad_signature', message: `the token's signature does not check out: ${message}` });
  }
  return ok({
    genTime: info.genTime.toISOString(),
    serialNumber: Buffer.from(info.serialNumber.valueBlock.valueHexView).toString('hex'),
    policy: info.policy,
    ...(nonce !== undefined ? { nonce } : {}),
    signer: subjectOf(signerCertificate),
    imprint,
  });
}

function parseCertificates(pems: readonly string[], what: string): Result<pkijs.Certificate[], TimestampError> {
  const out: pkijs.Certificate[] = [];
  for (const pem of pems) {
    const blocks = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
    if (blocks.length === 0) return err({ type: 'invalid_trust_anchor', message: `a ${what} is not a PEM certificate (expected "-----BEGIN CERTIFICATE-----")` });
    for (const block of blocks) {
      try {
        out.push(pkijs.Certificate.fromBER(toArrayBuffer(Buffer.from((block[1] as string).replace(/\s+/g, ''), 'base64'))));
      } catch (error) {
        return err({ type: 'invalid_trust_anchor', message: `a ${what} could not be read: ${(error as Error).message}` });
      }
    }
  }
  return ok(out);
}

function signerOf(signed: pkijs.SignedData): pkijs.Certificate | undefined {
  const sid = signed.signerInfos[0]?.sid;
  const certificates = (signed.certificates ?? []).filter((value): value is pkijs.Certificate => value instanceof pkijs.Certificate);
  if (sid instanceof pkijs.IssuerAndSerialNumber) return certificates.find((certificate) => certificate.issuer.isEqual(sid.issuer) && certificate.serialNumber.isEqual(sid.serialNumber));
  return certificates.length === 1 ? certificates[0] : undefined;
}

function hasOnlyTimeStampingPurpose(certificate: pkijs.Certificate): boolean {
  const extension = certificate.extensions?.find((value) => value.extnID === EXTENDED_KEY_USAGE_OID);
  if (!extension || !extension.critical) return false;
  const usage = extension.parsedValue as pkijs.ExtKeyUsage | undefined;
  return usage !== undefined && usage.keyPurposes.length === 1 && usage.keyPurposes[0] === TIME_STAMPING_OID;
}

const NAME_TYPES: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST' };

function subjectOf(certificate: pkijs.Certificate): string {
  return certificate.subject.typesAndValues.map((value) => `${NAME_TYPES[value.type] ?? value.type}=${String(value.value.valueBlock.value)}`).join(', ');
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
