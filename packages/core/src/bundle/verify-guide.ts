import { BUNDLE_FILES } from './bundle-layout.js';
import { TSA_TRUST_ANCHORS_FILE } from './bundle-timestamps.js';

/** The `VERIFY.md` of a bundle: how to check it without SIPANSOS, and with it. */
export function verifyGuide(input: { caseId: string; office: string; keyId?: string; createdAt: string; includePersonalData: boolean; timestamps?: ReadonlyArray<{ tokenSha256: string; tsaUrl: string; genTime: string }> }): string {
  return `# Bundel verifikasi bukti / Evidence verification bundle — ${input.caseId}

Kantor / office: ${input.office}
Dibuat / created: ${input.createdAt}
Id kunci kantor / office key id: ${input.keyId ?? '(tidak ada checkpoint bertanda tangan / no signed checkpoint)'}

Bundel ini memuat bukti mentah kasus ${input.caseId}: respons platform apa adanya (blobs), rekaman
penyimpanan (records), checkpoint yang ditandatangani kantor, kunci publik kantor, dan bukti inklusi
Merkle. Semua dapat diperiksa tanpa akses ke penyimpanan kantor.

This bundle holds the raw evidence of case ${input.caseId}: platform responses byte for byte (blobs),
the store's records, the office's signed checkpoint, its public key, and Merkle inclusion proofs.
Everything can be checked without access to the office's store.

> Temuan otomatis adalah penanda untuk ditinjau petugas, bukan putusan. / Automated findings are
> flags for human review, not verdicts.
>
> ${input.includePersonalData ? 'Laporan dalam bundel memuat data pribadi tanpa samaran.' : 'Laporan dalam bundel menyamarkan data pribadi.'} Respons mentah dan rekaman tidak disamarkan:
> menyamarkan akan merusak hash-nya. Tangani bundel sebagai data pribadi. / Raw responses and
> records are not masked (masking would break their hashes): handle the bundle as personal data.

## 1. Dengan SIPANSOS / With SIPANSOS

    sipansos verify-bundle <folder-ini / this-folder>      (atau / or: sipansos verify-bundle bundel.zip)

Keluar 0 bila utuh; selain itu mencetak setiap berkas yang rusak. / Exits 0 when intact; otherwise
prints every damaged file by name.

## 2. Tanpa SIPANSOS / Without SIPANSOS (sha256sum, jq, openssl 3)

Bila bundel diterima sebagai ZIP, ekstrak dulu / if you received a ZIP, extract it first:

    unzip bundel.zip -d bundel && cd bundel

### 2.1 Setiap berkas / every file

    sha256sum -c ${BUNDLE_FILES.sums}

Catatan: ${BUNDLE_FILES.sums} ada di dalam bundel, jadi orang yang mengubah bundel dapat mengubahnya
juga. Langkah berikut mengikat bukti pada tanda tangan kantor. / ${BUNDLE_FILES.sums} travels with the
bundle, so whoever changed a file could change it too; the next steps tie the evidence to the
office's signature.

### 2.2 Blob: nama = sha256 isinya / a blob's name is the sha256 of its bytes

    for f in blobs/sha256/*; do echo "$(basename "$f")  $f"; done | sha256sum -c

### 2.3 Kunci kantor / the office key

    openssl pkey -pubin -in ${BUNDLE_FILES.publicKey} -outform DER | sha256sum

Hasilnya harus sama dengan id kunci di atas **dan** dengan id kunci yang diumumkan kantor melalui
saluran lain (surat resmi, situs kantor). / It must equal the key id above **and** the key id the
office publishes elsewhere (official letter, website): a bundle cannot vouch for its own key.

### 2.4 Tanda tangan checkpoint / the checkpoint signature (Ed25519)

    jq -cS 'del(.signature)' ${BUNDLE_FILES.checkpoint} | tr -d '\\n' > /tmp/payload.bin
    jq -r .signature ${BUNDLE_FILES.checkpoint} | base64 -d > /tmp/signature.bin
    openssl pkeyutl -verify -pubin -inkey ${BUNDLE_FILES.publicKey} -rawin -in /tmp/payload.bin -sigfile /tmp/signature.bin

Yang ditandatangani: semua kolom checkpoint kecuali signature (at, keyId, logs, rootHash, treeSize).
logs memuat kepala setiap log penyimpanan kantor saat penandatanganan (nomor urut dan entryHash
entri terakhir log capture, account_state, change, finding, case dan audit); checkpoint lama tanpa
logs tetap sah. / What is signed: every checkpoint field but signature (at, keyId, logs, rootHash,
treeSize). logs holds the head of every log of the office store when it was signed (sequence number
and entryHash of the last entry of the capture, account_state, change, finding, case and audit logs),
so entries removed from the office store later are detectable; older checkpoints without logs
remain valid.

openssl harus mencetak "Signature Verified Successfully". Bukti inklusi di proofs/ memuat
checkpoint-nya sendiri; periksa dengan cara yang sama (ganti berkasnya). / Each proof in proofs/
carries its own checkpoint; check it the same way.

### 2.5 Rekaman / records

Setiap baris records/<jenis>.jsonl adalah satu entri penyimpanan dalam JSON kanonik (RFC 8785).
recordHash = sha256 dari JSON kanonik field "record"; entryHash = sha256 dari JSON kanonik
{appendedAt, kind, prevHash, recordHash, seq}. / Each line is one stored entry in canonical JSON.

    jq -cS '.record' records/finding.jsonl | while read -r r; do printf '%s' "$r" | sha256sum; done
    jq -r '.recordHash' records/finding.jsonl
    jq -cS '{appendedAt,kind,prevHash,recordHash,seq}' records/capture.jsonl | while read -r e; do printf '%s' "$e" | sha256sum; done
    jq -r '.entryHash' records/capture.jsonl

Kedua daftar harus sama baris demi baris (untuk teks dengan karakter kontrol yang tidak lazim,
gunakan sipansos verify-bundle: jq dapat meng-escape karakter tersebut secara berbeda). / The two
lists must match line by line (for text with unusual control characters use verify-bundle: jq may
escape them differently from RFC 8785).

### 2.6 Bukti inklusi Merkle / Merkle inclusion proofs (RFC 9162)

Daun sebuah capture = sha256(0x00 || 32 byte entryHash capture). Jalur audit di proofs/<capture>.json
disusun dari daun ke akar dengan sha256(0x01 || kiri || kanan), menurut algoritma RFC 9162 §2.1.3.2,
dan harus berakhir pada rootHash checkpoint yang ditandatangani. / The leaf of a capture is
sha256(0x00 || the 32 bytes of its entryHash); folding the audit path (sha256(0x01 || left || right),
RFC 9162 §2.1.3.2) must give the signed checkpoint's rootHash. verify-bundle does this for you.

${timestampSection(input.timestamps ?? [])}### 2.8 Apa yang dibuktikan / what this proves

Capture yang buktinya cocok tercatat dalam log kantor paling lambat pada waktu checkpoint, dan isinya
(termasuk hash respons mentah di rawBlobs) tidak berubah sejak itu. Temuan, kasus, dan log audit
diikat oleh hash rekaman dan rantai hash penyimpanan, bukan oleh checkpoint. / A capture whose proof
checks out was in the office's log no later than the checkpoint time and has not changed since,
including the hashes of its raw responses. Findings, cases and the audit log are bound by their
record hashes and the store's hash chain, not by the checkpoint.

Capture dari API platform membuktikan apa yang dikirim platform kepada kantor. Capture patroli
(\`adapter.id\` "patrol": petugas menyimpan halaman di peramban sungguhan; WARC, tangkapan layar,
MHTML) dan halaman yang diimpor petugas ("manual") membuktikan penguasaan — siapa menyimpan apa,
kapan, dengan peramban apa, dan bahwa isinya tidak berubah sejak itu — bukan asal: platform tidak
menandatangani apa pun. / An API capture proves what the platform served the office. A patrol
capture (\`adapter.id\` "patrol": staff kept the page in a real browser; WARC, screenshot, MHTML)
and a page imported by staff ("manual") prove custody — who kept what, when, with which browser,
and that it has not changed since — not origin: the platform signed nothing.

${(input.timestamps ?? []).length > 0 ? `
Waktu checkpoint (at) adalah jam kantor sendiri. Token TSA di ${'timestamps/'} membuktikan, dari pihak
ketiga, bahwa checkpoint yang ditandatangani (dan semua capture di pohonnya) sudah ada paling lambat
pada genTime menurut TSA itu. / The checkpoint's time (at) is the office's own clock. A TSA token in
timestamps/ proves, from a third party, that the signed checkpoint (and every capture in its tree)
existed no later than genTime according to that TSA.
` : ''}`;
}

function timestampSection(timestamps: ReadonlyArray<{ tokenSha256: string; tsaUrl: string; genTime: string }>): string {
  if (timestamps.length === 0) return '';
  const list = timestamps.map((token) => `- timestamps/${token.tokenSha256}.tsr — TSA ${token.tsaUrl}, genTime ${token.genTime}`).join('\n');
  return `### 2.7 Cap waktu tepercaya / trusted timestamps (RFC 3161)

${list}

Setiap token mencap hash sha256 dari JSON kanonik checkpoint bertanda tangan (semua kolom, termasuk
signature) yang tertulis utuh di berkas .json di sampingnya. Periksa dulu tanda tangan checkpoint itu
seperti 2.4, lalu / Each token stamps the sha256 of the canonical JSON of the whole signed
checkpoint (signature included) written in the .json beside it. Check that checkpoint's signature as
in 2.4, then:

    for t in timestamps/*.tsr; do
      jq -cS .checkpoint "\${t%.tsr}.json" | tr -d '\\n' > /tmp/checkpoint.bin
      openssl ts -verify -data /tmp/checkpoint.bin -token_in -in "$t" -CAfile ${TSA_TRUST_ANCHORS_FILE} || echo "RUSAK / BAD: $t"
    done

openssl harus mencetak "Verification: OK" untuk setiap token. Akar TSA di ${TSA_TRUST_ANCHORS_FILE}
dibawa bundel: bandingkan dengan yang diterbitkan TSA. Lihat genTime dengan / openssl must print
"Verification: OK" for each token; the TSA roots travel with the bundle, so compare them with the
ones the TSA publishes. Read genTime with:

    openssl ts -reply -token_in -in timestamps/<token>.tsr -token_out -text | grep 'Time stamp'

`;
}
