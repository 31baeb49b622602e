import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A test certificate authority and TSA signer made with Debian's openssl, in a temp folder. */
export interface TestTsaCa {
  dir: string;
  /** The root certificate (PEM): the trust anchor. */
  rootPem: string;
  /** The TSA's signing certificate (PEM). */
  signerPem: string;
  /** `openssl ts -reply` configuration file. */
  configFile: string;
}

/** Options of {@link createTestTsaCa}. */
export interface CreateTestTsaCaOptions {
  /** Folder to write into. @default a new temp folder */
  dir?: string;
  /** Common name of the TSA certificate. @default "SIPANSOS Test TSA" */
  name?: string;
  /** Make a signer certificate that is expired from the start (notAfter before notBefore). */
  expiredSigner?: boolean;
}

/** The message a test prints when openssl is missing: which script installs it. */
export const OPENSSL_MISSING = 'openssl is not installed: run scripts/services/openssl-ts.sh (installs Debian\'s openssl with apt-get)';

/** Run openssl without a shell; a missing binary becomes {@link OPENSSL_MISSING}. */
export async function openssl(args: readonly string[], cwd: string): Promise<void> {
  try {
    await run('openssl', [...args], { cwd, timeout: 30_000 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(OPENSSL_MISSING);
    throw new Error(`openssl ${args[0] ?? ''} ${args[1] ?? ''} failed: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`);
  }
}

/**
 * Make a test CA (EC P-256 root) and a TSA signer with `extendedKeyUsage=critical,timeStamping`,
 * plus the `openssl ts -reply` configuration. Nothing here is a real key: each run makes new ones.
 */
export async function createTestTsaCa(options: CreateTestTsaCaOptions = {}): Promise<TestTsaCa> {
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), 'sipansos-tsa-')));
  const name = options.name ?? 'SIPANSOS Test TSA';
  await openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-subj', `/O=SIPANSOS Test/CN=${name} Root`, '-days', '30', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  await openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', `/O=SIPANSOS Test/CN=${name}`], dir);
  await writeFile(path.join(dir, 'tsa-ext.cnf'), 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n');
  await openssl(['x509', '-req', '-in', 'tsa.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-out', 'tsa.pem', '-days', options.expiredSigner ? '-1' : '30', '-extfile', 'tsa-ext.cnf'], dir);
  await writeFile(path.join(dir, 'serial'), '01\n');
  const configFile = path.join(dir, 'tsa.cnf');
  await writeFile(
    configFile,
    [
      '[ tsa ]',
      'default_tsa = tsa_config',
      '[ tsa_config ]',
      `serial = ${path.join(dir, 'serial')}`,
      'crypto_device = builtin',
      `signer_cert = ${path.join(dir, 'tsa.pem')}`,
      `signer_key = ${path.join(dir, 'tsa.key')}`,
      'signer_digest = sha256',
      'default_policy = 1.3.6.1.4.1.99999.1',
      'other_policies = 1.3.6.1.4.1.99999.2',
      'digests = sha256, sha384, sha512',
      'accuracy = secs:1',
      'ordering = yes',
      'tsa_name = yes',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  return { dir, rootPem: await readFile(path.join(dir, 'root.pem'), 'utf8'), signerPem: await readFile(path.join(dir, 'tsa.pem'), 'utf8'), configFile };
}
