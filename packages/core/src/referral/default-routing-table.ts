import { RoutingTableSchema, type RoutingTable } from './routing-table-schema.js';

/** The date Perpres 91/2024 and 92/2024 moved KASN's neutrality oversight to BKN (legal-reference §4.2). */
export const KASN_TO_BKN_DATE = '2024-08-23';

/**
 * The built-in routing table, from `shared/domain/referral.md` §2. Recipients are named by role;
 * an office fills in names and addresses with an override (`mergeRoutingTable`).
 */
export const DEFAULT_ROUTING_TABLE: RoutingTable = RoutingTableSchema.parse({
  id: 'sipansos-default',
  version: '2024.2',
  entries: [
    {
      id: 'R-ASN.kasn',
      code: 'R-ASN',
      subjectCategories: ['asn', 'pppk'],
      kind: 'rekomendasi',
      validUntil: KASN_TO_BKN_DATE,
      recipients: [{ title: { id: 'Ketua Komisi Aparatur Sipil Negara (KASN)', en: 'Chair of the Civil Service Commission (KASN)' } }],
      copies: [{ title: { id: 'Pejabat Pembina Kepegawaian instansi terlapor', en: 'Staffing authority (PPK) of the reported person\'s agency' } }],
      basis: 'UU 10/2016 Ps 30 huruf e; UU 5/2014 Ps 30–31; SKB 2/2022',
      note: { id: 'Disampaikan melalui aplikasi SIAPNET KASN', en: 'Filed through KASN\'s SIAPNET application' },
    },
    {
      id: 'R-ASN.bkn',
      code: 'R-ASN',
      subjectCategories: ['asn', 'pppk'],
      kind: 'rekomendasi',
      validFrom: KASN_TO_BKN_DATE,
      recipients: [{ title: { id: 'Kepala Badan Kepegawaian Negara u.p. Deputi Bidang Pengawasan dan Pengendalian', en: 'Head of the National Civil Service Agency (BKN), attn. Deputy for Supervision and Control' } }],
      copies: [{ title: { id: 'Pejabat Pembina Kepegawaian instansi terlapor', en: 'Staffing authority (PPK) of the reported person\'s agency' } }],
      basis: 'UU 10/2016 Ps 30 huruf e; UU 7/2017 Ps 455 ayat (1) huruf c; Perpres 92/2024; SE MenPAN-RB 4/2024',
      note: {
        id: 'Fungsi KASN beralih ke BKN sejak 23 Agustus 2024 (SE MenPAN-RB 4/2024, 4 September 2024). Putusan MK 121/PUU-XXII/2024 memerintahkan lembaga independen: tambahkan penggantinya dengan withAsnSuccessor.',
        en: 'KASN\'s functions moved to BKN from 23 August 2024. Court ruling 121/PUU-XXII/2024 orders an independent body: add it with withAsnSuccessor.',
      },
    },
    {
      id: 'R-PTT.ppk',
      code: 'R-PTT',
      subjectCategories: ['ptt'],
      kind: 'penerusan',
      recipients: [{ title: { id: 'Bupati/Wali Kota selaku Pejabat Pembina Kepegawaian', en: 'Regent/Mayor as staffing authority (PPK)' } }],
      copies: [
        { title: { id: 'Sekretaris Daerah', en: 'Regional Secretary (Sekda)' } },
        { title: { id: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM)', en: 'Head of the regional civil service agency (BKPSDM)' } },
      ],
      basis: 'UU 10/2016 Ps 30 huruf e (pelanggaran peraturan perundang-undangan lainnya); perjanjian kerja',
      note: { id: 'Tenaga honorer/PTT bukan ASN: kepastian hukum lebih rendah', en: 'Non-permanent staff are not ASN: lower legal certainty' },
      verified: false,
    },
    {
      id: 'R-TNI.ankum',
      code: 'R-TNI',
      subjectCategories: ['tni'],
      kind: 'penerusan',
      recipients: [{ title: { id: 'Komandan/Atasan yang Berhak Menghukum (Ankum) satuan terlapor melalui Kodim', en: 'Unit commander with disciplinary power (Ankum), through the district military command (Kodim)' } }],
      copies: [{ title: { id: 'Polisi Militer (POM TNI) bila terdapat dugaan pidana', en: 'Military police (POM TNI) where a crime is suspected' } }],
      basis: 'UU 34/2004 Ps 39 dan Ps 65 ayat (2)',
      verified: false,
    },
    {
      id: 'R-POLRI.propam',
      code: 'R-POLRI',
      subjectCategories: ['polri'],
      kind: 'penerusan',
      recipients: [{ title: { id: 'Kepala Seksi Profesi dan Pengamanan (Si Propam) Polres', en: 'Head of the professional standards unit (Propam) of the district police' } }],
      copies: [{ title: { id: 'Kepala Kepolisian Resor', en: 'District police chief' } }],
      basis: 'PP 2/2003; telegram Kapolri tentang netralitas',
    },
    {
      id: 'R-DESA.bupati',
      code: 'R-DESA',
      subjectCategories: ['kepala_desa', 'perangkat_desa'],
      kind: 'penerusan',
      recipients: [{ title: { id: 'Bupati/Wali Kota', en: 'Regent/Mayor' } }],
      copies: [
        { title: { id: 'Camat', en: 'Sub-district head (Camat)' } },
        { title: { id: 'Kepala Dinas Pemberdayaan Masyarakat dan Desa', en: 'Head of the village community empowerment office (Dinas PMD)' } },
      ],
      basis: 'UU 6/2014 Ps 29, 30, 51, 52; UU 10/2016 Ps 30 huruf e',
      note: { id: 'Jalur ganda: dugaan pidana Pilkada (Ps 71/188) melalui Sentra Gakkumdu', en: 'Dual track: election crimes (Ps 71/188) go through Sentra Gakkumdu' },
    },
    {
      id: 'R-DKPP',
      code: 'R-DKPP',
      subjectCategories: ['penyelenggara'],
      kind: 'penerusan',
      recipients: [{ title: { id: 'Ketua Dewan Kehormatan Penyelenggara Pemilu (DKPP)', en: 'Chair of the Election Organisers Ethics Council (DKPP)' } }],
      basis: 'UU 1/2015 Ps 135 ayat (1) huruf a, Ps 136–137; UU 7/2017 Ps 455 ayat (1) huruf a',
    },
    {
      id: 'R-KPU',
      code: 'R-KPU',
      subjectCategories: [],
      kind: 'rekomendasi',
      recipients: [{ title: { id: 'Ketua KPU Kabupaten/Kota', en: 'Chair of the regency/city election commission (KPU)' } }],
      basis: 'UU 1/2015 Ps 139–141; UU 10/2016',
      responseDueDays: 7,
    },
    {
      id: 'R-PIDANA',
      code: 'R-PIDANA',
      subjectCategories: [],
      kind: 'penerusan',
      recipients: [{ title: { id: 'Sentra Penegakan Hukum Terpadu (Sentra Gakkumdu)', en: 'Integrated law-enforcement centre (Sentra Gakkumdu)' } }],
      copies: [{ title: { id: 'Kepala Kepolisian Resor', en: 'District police chief' } }],
      basis: 'UU 1/2015 Ps 135 ayat (2); UU 10/2016 Ps 146, 152',
      note: { id: 'Diteruskan ke Polri paling lama 1×24 jam sejak diputuskan', en: 'Forwarded to the police within 24 hours of the decision' },
    },
    {
      id: 'R-POLRI-ITE',
      code: 'R-POLRI-ITE',
      subjectCategories: [],
      kind: 'penerusan',
      recipients: [{ title: { id: 'Kepala Kepolisian Resor (laporan dugaan tindak pidana ITE)', en: 'District police chief (report of a suspected ITE offence)' } }],
      copies: [{ title: { id: 'Bawaslu RI (permohonan penurunan konten ke Komdigi)', en: 'Bawaslu RI (takedown request to Komdigi)' } }],
      basis: 'UU 19/2016 Ps 40 ayat (2a) dan (2b)',
    },
  ],
});
