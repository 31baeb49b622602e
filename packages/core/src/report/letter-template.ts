import { z } from 'zod';

/**
 * A letter template an office can edit: HTML with `{{placeholder}}` fields. Every value put into
 * a placeholder is escaped; there is no raw-insertion syntax, so a post quoted in a letter stays
 * text. Unknown placeholders are refused, naming them, so a typo never prints as blank.
 */
export const LetterTemplateSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { message: 'template id must be 1–64 letters, digits, ".", "_" or "-"' }),
  /** `rekomendasi` or `penerusan`: which referral kind it fits. */
  kind: z.enum(['rekomendasi', 'penerusan']),
  title: z.object({ id: z.string().min(1), en: z.string().min(1) }),
  /** The letter's body HTML with placeholders. Must not contain script, event handlers or external references. */
  body: z
    .string()
    .min(1)
    .max(200_000)
    .refine((body) => !/<\s*(script|iframe|object|embed|link|meta|base|form)\b/i.test(body), { message: 'a letter template may not contain script, iframe, object, embed, link, meta, base or form elements' })
    .refine((body) => !/\son[a-z]+\s*=/i.test(body), { message: 'a letter template may not contain event-handler attributes (onclick=, onerror=, ...)' })
    .refine((body) => !/(?:src|href|action|srcset)\s*=\s*["']?\s*(?!data:|#)[a-z]/i.test(body), { message: 'a letter template may not reference external files or links (src=, href=)' }),
  /** Extra CSS (trusted office content). */
  style: z
    .string()
    .max(50_000)
    .refine((style) => !style.includes('<'), { message: 'letter CSS may not contain "<" (it would close the style element)' })
    .refine((style) => !/@import|url\s*\(/i.test(style), { message: 'letter CSS may not load anything (@import, url()): the letter must stay self-contained' })
    .default(''),
});
export type LetterTemplate = z.infer<typeof LetterTemplateSchema>;
export type LetterTemplateInput = z.input<typeof LetterTemplateSchema>;

/** The placeholders a template may use. Lists render as `<ul>`/`<ol>`/`<br>`-separated blocks. */
export const LETTER_PLACEHOLDERS = [
  'office.name',
  'office.city',
  'letter.number',
  'letter.date',
  /** The seat and the date: "Lembah Harapan, 5 Oktober 2024" (the date alone without a seat). */
  'letter.placeDate',
  'letter.kind',
  'recipients',
  'copies',
  'subject.name',
  'subject.category',
  'subject.employeeNumber',
  'subject.agency',
  'subject.position',
  'subject.accounts',
  'case.id',
  /** What the case is about, from its findings and route: "Dugaan Kampanye di Luar Jadwal". */
  'case.about',
  'case.title',
  'case.state',
  'case.violationType',
  'act.date',
  'kajian.summary',
  'findings',
  'legal.basis',
  'route.code',
  'route.basis',
  'evidence.hashes',
  /** The annex page with internal ids, rule-set versions and hashes; added at the end when a template leaves it out. */
  'annex',
  'signatory.name',
  'signatory.title',
  'notice.flags',
] as const;
export type LetterPlaceholder = (typeof LETTER_PLACEHOLDERS)[number];

const COMMON_HEAD = `<div class="kop"><strong>{{office.name}}</strong></div>
<table class="meta">
<tr><td>Nomor</td><td>: {{letter.number}}</td><td class="right">{{letter.placeDate}}</td></tr>
<tr><td>Sifat</td><td>: Segera</td><td></td></tr>
<tr><td>Lampiran</td><td colspan="2">: 1 (satu) berkas laporan bukti dan rujukan bukti elektronik</td></tr>
<tr><td>Hal</td><td colspan="2">: {{letter.kind}} {{case.about}} a.n. {{subject.name}}</td></tr>
</table>
<p>Kepada Yth.<br>{{recipients}}<br>di tempat</p>`;

const COMMON_TAIL = `<p>Bersama surat ini kami lampirkan laporan bukti beserta rujukan bukti elektronik (lampiran), yang dapat diperiksa keasliannya dengan bundel verifikasi.</p>
<p>Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.</p>
<div class="ttd"><p>{{signatory.title}}</p><p class="nama">{{signatory.name}}</p></div>
<p class="tembusan"><strong>Tembusan:</strong><br>{{copies}}</p>
<p class="catatan">{{notice.flags}}</p>
{{annex}}`;

/** The built-in recommendation letter (ASN → BKN/KASN, KPU). */
export const DEFAULT_RECOMMENDATION_TEMPLATE: LetterTemplate = LetterTemplateSchema.parse({
  id: 'rekomendasi-default',
  kind: 'rekomendasi',
  title: { id: 'Surat rekomendasi', en: 'Recommendation letter' },
  body: `${COMMON_HEAD}
<p>Berdasarkan hasil pengawasan dan kajian {{office.name}} atas dugaan pelanggaran yang dilakukan oleh:</p>
<table class="pihak">
<tr><td>Nama</td><td>: {{subject.name}}</td></tr>
<tr><td>NIP/NRP</td><td>: {{subject.employeeNumber}}</td></tr>
<tr><td>Kategori</td><td>: {{subject.category}}</td></tr>
<tr><td>Jabatan</td><td>: {{subject.position}}</td></tr>
<tr><td>Instansi</td><td>: {{subject.agency}}</td></tr>
<tr><td>Akun media sosial</td><td>: {{subject.accounts}}</td></tr>
</table>
<p>pada tanggal {{act.date}}, dengan uraian sebagai berikut:</p>
{{findings}}
<p><strong>Ringkasan kajian:</strong></p>
<div class="kajian">{{kajian.summary}}</div>
<p>Perbuatan tersebut diduga melanggar ketentuan:</p>
{{legal.basis}}
<p>Sehubungan dengan hal tersebut, dan berdasarkan {{route.basis}}, kami merekomendasikan agar Saudara menindaklanjuti dugaan pelanggaran ini sesuai dengan ketentuan peraturan perundang-undangan, serta menyampaikan hasil tindak lanjutnya kepada {{office.name}}.</p>
${COMMON_TAIL}`,
});

/** The built-in forwarding letter (PTT → PPK, TNI, Polri, village heads, DKPP, Gakkumdu). */
export const DEFAULT_FORWARDING_TEMPLATE: LetterTemplate = LetterTemplateSchema.parse({
  id: 'penerusan-default',
  kind: 'penerusan',
  title: { id: 'Surat penerusan', en: 'Forwarding letter' },
  body: `${COMMON_HEAD}
<p>Menindaklanjuti hasil pengawasan {{office.name}}, bersama ini kami teruskan dugaan pelanggaran peraturan perundang-undangan lainnya yang bukan menjadi kewenangan kami, yang diduga dilakukan oleh:</p>
<table class="pihak">
<tr><td>Nama</td><td>: {{subject.name}}</td></tr>
<tr><td>NIP/NRP</td><td>: {{subject.employeeNumber}}</td></tr>
<tr><td>Kategori</td><td>: {{subject.category}}</td></tr>
<tr><td>Jabatan</td><td>: {{subject.position}}</td></tr>
<tr><td>Instansi</td><td>: {{subject.agency}}</td></tr>
<tr><td>Akun media sosial</td><td>: {{subject.accounts}}</td></tr>
</table>
<p>pada tanggal {{act.date}}, dengan uraian sebagai berikut:</p>
{{findings}}
<p><strong>Ringkasan kajian:</strong></p>
<div class="kajian">{{kajian.summary}}</div>
<p>Ketentuan yang diduga dilanggar:</p>
{{legal.basis}}
<p>Penerusan ini dilakukan berdasarkan {{route.basis}}. Kami mohon Saudara memeriksa dan menindaklanjuti sesuai kewenangan, serta memberitahukan hasilnya kepada {{office.name}}.</p>
${COMMON_TAIL}`,
});

/** The built-in templates by kind. */
export const DEFAULT_LETTER_TEMPLATES: Readonly<Record<LetterTemplate['kind'], LetterTemplate>> = {
  rekomendasi: DEFAULT_RECOMMENDATION_TEMPLATE,
  penerusan: DEFAULT_FORWARDING_TEMPLATE,
};
