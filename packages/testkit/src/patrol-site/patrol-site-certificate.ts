import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throw-away TLS certificate for the simulated hosts, and the pin Chromium is told to trust. */
export interface SiteCertificate {
  keyPem: string;
  certPem: string;
  /** base64 sha256 of the public key (SPKI), for `--ignore-certificate-errors-spki-list`. */
  spkiSha256: string;
}

/**
 * Make a self-signed certificate for `hosts` with openssl (Node cannot write X.509). Chromium then
 * trusts exactly this key, nothing else, so the patrol sees a real TLS handshake with details.
 */
export function createSiteCertificate(hosts: readonly string[]): SiteCertificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'sipansos-site-tls-'));
  try {
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '30', '-subj', `/CN=${hosts[0]}/O=SIPANSOS testkit`, '-addext', `subjectAltName=${hosts.map((host) => `DNS:${host}`).join(',')}`], { stdio: 'ignore' });
    } catch (error) {
      throw new Error(`openssl tidak dapat membuat sertifikat uji; pasang dengan apt-get install -y openssl / openssl could not make the test certificate; install it with apt-get install -y openssl (${(error as Error).message})`);
    }
    const keyPem = readFileSync(path.join(dir, 'key.pem'), 'utf8');
    const certPem = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
    return { keyPem, certPem, spkiSha256: createHash('sha256').update(spki).digest('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
