import { phaseAt, type FindingCategory, type ItemKind } from '@sipansos/core';
import { type NewPost, type WorldBuilder } from './world-builder.js';
import { EXAMPLE_SUBJECTS } from './world-context.js';
import { WORLD_PICTURES } from './world-pictures.js';
import type { WorldAccount, WorldPlatform, WorldPost } from './world-model.js';

// The scripted timeline: every event the end-to-end test checks. Texts are Indonesian as people
// really write it (slang, leetspeak, emoji); every name and account is invented. Times carry the
// regency's offset (+07:00, WIB) because phases are judged by local date.

const X_DEPTH_BURST = 35;

/** Writes the scripted subjects, accounts, posts, likes, follows, faults and their truth; returns the control posts. */
export function writeScript(b: WorldBuilder): { facebook: string } {
  declareFixedSubjects(b);
  const acc = (subjectId: string, platform: WorldPlatform, wanted: Parameters<WorldBuilder['requireAccount']>[2] = {}): WorldAccount => {
    b.requireSubject(subjectId);
    return b.requireAccount(subjectId, platform, wanted);
  };

  const violation = (post: WorldPost, category: FindingCategory, note: string, source: 'api' | 'saved_page' = 'api'): WorldPost => {
    const account = b.account(post.accountId);
    const subject = b.subjects.get(account.subjectId)!;
    b.truth.push({
      kind: 'violation',
      category,
      subjectId: subject.id,
      subjectCategory: subject.category,
      platform: post.platform,
      accountId: account.id,
      itemId: post.id,
      itemKind: itemKindOf(post),
      cycle: post.appearsCycle,
      phase: phaseAt(b.context, post.createdAt).phase,
      source,
      note,
    });
    return post;
  };
  const innocent = (post: WorldPost, note: string): WorldPost => {
    const account = b.account(post.accountId);
    b.truth.push({ kind: 'no_finding', subjectId: account.subjectId, platform: post.platform, accountId: account.id, itemId: post.id, itemKind: itemKindOf(post), cycle: post.appearsCycle, note });
    return post;
  };
  const post = (account: WorldAccount, at: string, text: string, extra: Omit<NewPost, 'account' | 'at' | 'text'> = {}): WorldPost => b.addPost({ account, at, text, ...extra });
  const edit = (target: WorldPost, cycle: number, text: string): void => {
    const newItemId = b.editPost(target, cycle, text);
    const account = b.account(target.accountId);
    b.truth.push({ kind: 'edit', subjectId: account.subjectId, platform: target.platform, accountId: account.id, itemId: target.id, newItemId, cycle });
  };
  const remove = (target: WorldPost, cycle: number, confirmable: boolean, note: string): void => {
    b.deletePost(target, cycle);
    const account = b.account(target.accountId);
    b.truth.push({ kind: 'deletion', subjectId: account.subjectId, platform: target.platform, accountId: account.id, itemId: target.id, cycle, confirmable, note });
  };
  const like = (subjectId: string, target: WorldPost, fromCycle: number, untilCycle?: number): { itemId: string; account: WorldAccount } => {
    const account = acc(subjectId, 'x');
    b.likes.push({ accountId: account.id, postId: target.id, fromCycle, ...(untilCycle !== undefined ? { untilCycle } : {}) });
    return { itemId: `like:${target.id}`, account };
  };
  const hide = (account: WorldAccount, cycle: number, status: 'private' | 'suspended'): void => {
    account.statusChanges.push({ cycle, status });
    b.truth.push({ kind: 'account_hidden', subjectId: account.subjectId, platform: account.platform, accountId: account.id, handle: account.handle, cycle, reason: status });
  };

  // --- candidates' own accounts ------------------------------------------------------------
  const armanX = acc('cand-001', 'x', { handle: 'armanrina_resmi' });
  armanX.verified = true;
  armanX.displayName = 'ARMAN-RINA Nomor 1';
  const armanIg = acc('cand-001', 'instagram', { handle: 'armanrina.resmi', kind: 'instagram_business', displayName: 'ARMAN-RINA Resmi' });
  acc('cand-001', 'facebook', { handle: 'armanrina.resmi', kind: 'facebook_page', displayName: 'ARMAN-RINA Resmi' });
  acc('cand-001', 'x', { handle: 'arman_sasmita' });
  const baskaraX = acc('cand-002', 'x', { handle: 'baskara_resmi', displayName: 'BAGUS-SEKAR (Baskara) No. 2' });
  baskaraX.verified = true;
  acc('cand-002', 'x', { handle: 'bagus_wiratmaja' });
  const baskaraFb = acc('cand-002', 'facebook', { handle: 'baskara.official', kind: 'facebook_page', displayName: 'Baskara - Bagus Sekar' });
  const cidarIg = acc('cand-003', 'instagram', { handle: 'cidar.resmi', kind: 'instagram_business', displayName: 'CITRA-DARMA Resmi' });
  const cidarX = acc('cand-003', 'x', { handle: 'cidar_resmi', displayName: 'CIDAR Nomor 3' });
  acc('cand-003', 'facebook', { handle: 'citra.maheswari', kind: 'facebook_page' });
  acc('cand-004', 'x', { handle: 'rinakartikasari' });
  acc('cand-005', 'instagram', { handle: 'sekar.ayuningtyas', kind: 'instagram_creator' });
  acc('cand-006', 'facebook', { handle: 'darmawan.lesmana', kind: 'facebook_page' });

  const armanCampaign = innocent(post(armanX, '2024-10-05T09:00:00+07:00', 'Kampanye dialogis di Pasar Sukamaju pagi ini. Terima kasih warga! Coblos nomor 1 ARMAN-RINA, Lembah Maju Bersama #ArmanRinaMenang'), 'kampanye di masa kampanye dari akun resmi / campaigning in the campaign period from a registered account');
  const baskaraCampaign = innocent(post(baskaraX, '2024-10-08T10:00:00+07:00', 'Harapan Baru untuk Lembah! Coblos nomor 2 tanggal 27 November ✌️ #BaskaraMenang #Coblos2', { media: [{ type: 'photo', altText: 'Poster resmi Baskara nomor 2', picture: WORLD_PICTURES.pairPoster }] }), 'kampanye resmi paslon 2 / pair 2 official campaign post');
  const baskaraFbCampaign = innocent(post(baskaraFb, '2024-10-02T19:00:00+07:00', 'Silaturahmi bersama petani Desa Sidomulyo. Harapan Baru untuk Lembah! #BaskaraMenang', { media: [{ type: 'photo', altText: 'Bagus Wiratmaja berbincang dengan petani di sawah' }] }), 'kampanye resmi paslon 2 di Facebook / pair 2 official Facebook post');
  const cidarCampaign = innocent(post(cidarX, '2024-10-20T08:00:00+07:00', 'Lembah Berdaya dimulai dari desa. Coblos nomor 3! #CidarPastiMenang'), 'kampanye resmi paslon 3 / pair 3 official campaign post');
  innocent(post(armanIg, '2024-10-25T16:00:00+07:00', 'Terima kasih relawan Kecamatan Cibening 💙 Lembah Maju Bersama #ArmanRinaMenang', { media: [{ type: 'photo', altText: 'Arman Sasmita dan Rina Kartikasari di depan relawan' }] }), 'kampanye resmi paslon 1 di Instagram / pair 1 official Instagram post');

  // --- off-schedule campaign -------------------------------------------------------------
  violation(post(armanX, '2024-09-23T20:00:00+07:00', 'Ayo dukung dan pilih ARMAN-RINA nomor 1 untuk Lembah Maju Bersama! 💙 #ArmanRinaMenang'), 'off_schedule_campaign', 'ajakan memilih sebelum masa kampanye (setelah penetapan) / campaigning before the campaign period');
  violation(post(cidarIg, '2024-11-25T19:30:00+07:00', 'Lusa jangan lupa coblos Cidar nomor 3 ya warga Lembah! 🙏 #CidarPastiMenang', { media: [{ type: 'photo', altText: 'Poster Citra-Darma nomor 3' }] }), 'off_schedule_campaign', 'kampanye di masa tenang / campaigning in the quiet period');

  // --- neutrality ---------------------------------------------------------------------------
  const yudhaX = acc('asn-001', 'x', { handle: 'yudhapw_guru' });
  const yudhaPost = violation(post(yudhaX, '2024-09-23T20:10:00+07:00', 'Mantap Pak Arman! Guru2 di Sukamaju siap menangkan ARMAN-RINA 💪🔥 #ArmanRinaMenang', { media: [{ type: 'photo', picture: WORLD_PICTURES.banner }] }), 'neutrality', 'ASN menyatakan dukungan / civil servant declares support');
  edit(yudhaPost, 3, 'Mantap! Guru2 di Sukamaju siap sukseskan pilkada damai 💪🔥');
  const yudhaFb = acc('asn-001', 'facebook', { handle: 'yudha.pratama.wijaya', kind: 'facebook_profile' });
  violation(post(yudhaFb, '2024-10-12T21:00:00+07:00', 'Dukung Pak Arman 2 periode!! guru2 Sukamaju solid 💪 #ArinaJuara', { savedPageOnly: true }), 'neutrality', 'ASN mendukung paslon di profil pribadi (hanya halaman tersimpan) / support on a personal profile, saved page only', 'saved_page');

  const likeArman = like('asn-002', armanCampaign, 3, 6);
  b.truth.push({ kind: 'violation', category: 'neutrality', subjectId: 'asn-002', subjectCategory: 'asn', platform: 'x', accountId: likeArman.account.id, itemId: likeArman.itemId, itemKind: 'like', cycle: 3, phase: 'campaign', source: 'api', note: 'ASN menyukai unggahan kampanye paslon / civil servant likes a campaign post' });
  b.truth.push({ kind: 'unliked', subjectId: 'asn-002', platform: 'x', accountId: likeArman.account.id, itemId: likeArman.itemId, cycle: 6 });

  violation(post(acc('asn-003', 'x'), '2024-10-09T12:00:00+07:00', `RT @${baskaraX.handle}: ${baskaraCampaign.versions[0]!.text}`, { kind: 'repost', target: baskaraCampaign, media: [{ type: 'photo', picture: WORLD_PICTURES.sharedPoster }] }), 'neutrality', 'ASN me-repost kampanye paslon 2 / civil servant reposts a campaign post');

  const asn004 = acc('asn-004', 'x');
  b.follows.push({ accountId: asn004.id, targetAccountId: cidarX.id, fromCycle: 4 });
  b.truth.push({ kind: 'violation', category: 'neutrality', subjectId: 'asn-004', subjectCategory: 'asn', platform: 'x', accountId: asn004.id, itemId: `follow:${cidarX.id}`, itemKind: 'follow', cycle: 4, phase: 'campaign', source: 'api', note: 'ASN mengikuti akun kampanye paslon 3 / civil servant follows a campaign account' });

  violation(post(acc('asn-005', 'facebook'), '2024-10-03T20:00:00+07:00', 'Setuju bgt 👍 Mas Bagus pilihan rakyat', { kind: 'share', target: baskaraFbCampaign }), 'neutrality', 'ASN membagikan unggahan paslon 2 / civil servant shares a campaign post');

  violation(post(acc('asn-006', 'x'), '2024-09-23T21:00:00+07:00', 'Ini baru pemimpin sejati, lanjutkaaan!! 👏👏', { kind: 'quote', target: b.posts.find((entry) => entry.accountId === armanX.id && entry.appearsCycle === 2)! }), 'neutrality', 'ASN mengutip ajakan paslon 1 dengan dukungan / civil servant quotes with support');
  remove(b.posts[b.posts.length - 1]!, 3, true, 'dihapus pada siklus yang dibatasi laju X / deleted in the rate-limited cycle');

  violation(post(acc('pppk-001', 'instagram'), '2024-10-28T17:00:00+07:00', 'Ngopi bareng tim puskesmas, salam dua jari ✌️✌️ #Coblos2', { media: [{ type: 'photo', altText: 'Lima orang berseragam tersenyum sambil mengacungkan dua jari' }] }), 'neutrality', 'PPPK berpose simbol jari paslon 2 / contract civil servant shows a ballot-number gesture');

  const nurulIg = acc('ptt-001', 'instagram', { handle: 'nurul.fitriana.lh', kind: 'instagram_creator' });
  const nurulPost = violation(post(nurulIg, '2024-10-10T19:00:00+07:00', 'Honorer jg punya pilihan dong, no 3 pokoknya 😍 #CidarPastiMenang', { media: [{ type: 'photo', altText: 'Swafoto dengan latar poster nomor 3' }] }), 'neutrality', 'honorer mendukung paslon 3 / non-permanent staff supports pair 3');
  remove(nurulPost, 5, false, 'Instagram tidak bisa dicek per id: hanya deleted_unverified / Instagram has no lookup by id: deleted_unverified only');

  const tniPost = violation(post(acc('tni-001', 'x'), '2024-10-30T20:00:00+07:00', 'Satu komando, pilih Bu Citra 🫡🫡 #CidarPastiMenang'), 'neutrality', 'anggota TNI mendukung paslon 3 / soldier supports pair 3');
  remove(tniPost, 5, true, 'dihapus, dapat dikonfirmasi lewat lookup / deleted, confirmable by lookup');

  const polriPost = violation(post(acc('polri-001', 'facebook'), '2024-11-02T09:00:00+07:00', 'Bang Arman sahabat polisi, menang!! 🙏 #ArinaJuara'), 'neutrality', 'anggota Polri mendukung paslon 1 / police officer supports pair 1');
  remove(polriPost, 5, true, 'halaman masih publik, unggahan menjawab 100/33 / page still public, post answers 100/33');

  const kadesFb = acc('kades-001', 'facebook', { handle: 'kades.mekarsari', kind: 'facebook_page', displayName: 'Kepala Desa Mekarsari' });
  const kadesPost = violation(post(kadesFb, '2024-10-11T08:00:00+07:00', 'Warga Mekarsari wajib coblos no 2 ya, demi pembangunan desa!! #BaskaraMenang'), 'neutrality', 'kepala desa mengajak memilih paslon 2 / village head calls to vote for pair 2');
  edit(kadesPost, 4, 'Warga Mekarsari ayo datang ke TPS tgl 27 November ya, gunakan hak pilih!');

  violation(post(acc('perdes-001', 'x'), '2024-10-22T19:00:00+07:00', 'gaskeun c0bl0s 01 🔥🔥 mantul pokoknya #ArmanRinaMenang'), 'neutrality', 'perangkat desa mendukung paslon 1 (leetspeak) / village official supports pair 1 in leetspeak');

  const ppkPost = violation(post(acc('pps-001', 'instagram'), '2024-11-01T21:00:00+07:00', 'Sbg PPK sy netral kok, tp hati kecil bilang Cidar menaaang 😅', { media: [{ type: 'photo', altText: 'Suasana rapat pleno PPK' }] }), 'neutrality', 'penyelenggara ad hoc menyatakan pilihan / election official states a preference');
  edit(ppkPost, 5, 'Sbg PPK sy netral 🙏 Mari sukseskan pilkada damai');

  violation(post(acc('kades-002', 'instagram'), '2024-11-27T11:00:00+07:00', 'Sudah nyoblos! ☝️ Pilihan sesuai hati, no 1 👍', { media: [{ type: 'photo', altText: 'Kepala desa berpose di depan TPS mengacungkan satu jari bertinta' }] }), 'neutrality', 'kepala desa berpose satu jari pada hari pemungutan / village head shows one finger on voting day');

  // --- black campaign, hate speech, hoax -----------------------------------------------------
  violation(post(acc('relawan-001', 'x'), '2024-10-25T22:00:00+07:00', 'Hati2 paslon 02 Bagus itu antek asing & punya utang miliaran, jgn percaya!! 😡'), 'black_campaign', 'fitnah terhadap paslon 2 / slander of pair 2');
  violation(post(acc('relawan-005', 'x'), '2024-10-21T07:00:00+07:00', 'Halah Bu Citra cuma pencitraan, dana bansos aja disunat 🤮', { kind: 'reply', target: cidarCampaign }), 'black_campaign', 'tuduhan tanpa dasar dalam balasan / baseless accusation in a reply');
  violation(post(acc('timkam-001', 'facebook'), '2024-10-27T20:00:00+07:00', 'Citra Maheswari itu boneka cukong, sudah terbukti korupsi dana desa waktu jadi camat!!'), 'black_campaign', 'fitnah terhadap paslon 3 / slander of pair 3');

  const hateAccount = acc('relawan-002', 'x');
  violation(post(hateAccount, '2024-10-29T21:00:00+07:00', 'Jangan pilih pemimpin kafir dan keturunan aseng, Lembah Harapan harus dipimpin pribumi asli!'), 'hate_speech', 'ujaran kebencian SARA / hate speech on religion and ethnicity');
  hide(hateAccount, 6, 'suspended');
  violation(post(acc('other-001', 'facebook'), '2024-11-05T19:00:00+07:00', 'Pendukung 03 itu kaum pendatang perusak kampung, usir aja dari Lembah!! 😤'), 'hate_speech', 'ujaran kebencian terhadap kelompok / hate speech against a group');

  violation(post(acc('other-002', 'x'), '2024-11-25T08:00:00+07:00', 'INFO PENTING‼️ Pencoblosan di TPS Kec. Sukamaju DIUNDUR ke tgl 28 Nov, sebarkan!! 🙏'), 'hoax', 'hoaks jadwal pemungutan suara / false voting date');
  violation(post(acc('relawan-003', 'facebook'), '2024-11-27T14:00:00+07:00', 'Surat suara di TPS 07 Mekarsari sudah dicoblos duluan utk paslon 3, KPU curang!! 😡'), 'hoax', 'hoaks surat suara tercoblos / false claim of pre-marked ballots');

  // --- money politics in the quiet period -----------------------------------------------------
  violation(post(acc('timkam-002', 'x'), '2024-11-25T10:00:00+07:00', 'Yg mau amplop 100rb merapat, syaratnya coblos 02 lusa 😉 dm aja'), 'money_politics', 'tawaran uang bersyarat di masa tenang / conditional cash offer in the quiet period');
  violation(post(acc('relawan-004', 'instagram'), '2024-11-26T05:00:00+07:00', 'Serangan fajar siap meluncur 🤫 sembako + uang bensin buat warga yg pilih Arina', { media: [{ type: 'photo', altText: 'Tumpukan paket sembako' }] }), 'money_politics', 'serangan fajar / dawn attack vote buying');
  violation(post(acc('timkam-002', 'x'), '2024-10-24T19:00:00+07:00', 'Habis jumatan tadi kami bagikan kalender Baskara nomor 2 di masjid agung, jamaah antusias!'), 'campaign_prohibition', 'kampanye di tempat ibadah / campaigning in a place of worship');

  // --- unregistered campaign accounts ----------------------------------------------------------
  violation(post(acc('timkam-003', 'x', { handle: 'arinamenang24', displayName: 'Relawan Resmi ARMAN-RINA' }), '2024-10-18T18:00:00+07:00', 'Akun resmi pemenangan ARMAN-RINA. Coblos nomor 1! Lembah Maju Bersama 💙 #ArmanRinaMenang'), 'unregistered_campaign_account', 'akun kampanye tidak terdaftar di KPU / campaign account not registered with the KPU');
  violation(post(acc('timkam-004', 'facebook', { handle: 'cidar.menang', kind: 'facebook_page', displayName: 'Cidar Menang' }), '2024-10-19T18:00:00+07:00', 'Halaman pemenangan CITRA-DARMA. Lembah Berdaya! Coblos nomor 3 #CidarPastiMenang'), 'unregistered_campaign_account', 'halaman kampanye tidak terdaftar / unregistered campaign page');

  // --- innocent posts a careless matcher would flag -------------------------------------------
  innocent(post(acc('asn-007', 'facebook'), '2024-10-01T12:00:00+07:00', 'Jadwal debat publik calon bupati Lembah Harapan digelar 20 Oktober di Gedung Serbaguna. Info lengkap di situs KPU.'), 'berita jadwal debat / news about the debate');
  const kpuInfo = innocent(post(acc('pps-002', 'x'), '2024-10-03T09:00:00+07:00', 'KPU Kab. Lembah Harapan mengingatkan: cek DPT Anda di cekdptonline. Pemungutan suara 27 November 2024.'), 'informasi KPU / election authority information');
  const asn008 = acc('asn-008', 'x');
  innocent(post(asn008, '2024-10-26T07:00:00+07:00', 'Pengingat utk rekan2 ASN: dilarang like, share, atau komentar dukungan ke paslon mana pun. Jaga netralitas! #ASNNetral'), 'larangan dinyatakan sebagai larangan / a prohibition stated as a prohibition');
  b.likes.push({ accountId: asn008.id, postId: kpuInfo.id, fromCycle: 3 });
  b.truth.push({ kind: 'no_finding', subjectId: 'asn-008', platform: 'x', accountId: asn008.id, itemId: `like:${kpuInfo.id}`, itemKind: 'like', cycle: 3, note: 'menyukai informasi KPU / likes election authority information' });
  innocent(post(acc('polri-002', 'instagram'), '2024-11-24T10:00:00+07:00', 'Polres Lembah Harapan siap amankan masa tenang & pemungutan suara. Netral, profesional 🙏', { media: [{ type: 'photo', altText: 'Apel pasukan pengamanan pilkada' }] }), 'pengamanan netral / neutral security notice');
  innocent(post(acc('tni-002', 'x'), '2024-11-27T06:30:00+07:00', 'Hari ini 27/11 TPS dibuka pukul 07.00 WIB. Gunakan hak pilih, jaga kedamaian 🇮🇩'), 'ajakan menggunakan hak pilih tanpa memihak / non-partisan call to vote');
  innocent(post(acc('kades-003', 'facebook'), '2024-11-30T09:00:00+07:00', 'Terima kasih warga Desa Sukamulya, pemungutan suara berjalan aman dan tertib 🙏'), 'ucapan terima kasih pasca pemungutan / thanks after voting');
  innocent(post(acc('other-003', 'x'), '2024-10-21T06:00:00+07:00', 'Nonton debat semalam, Pak Arman, Mas Bagus, Bu Citra sama2 paparkan program. Warga silakan nilai sendiri.'), 'menyebut semua paslon secara netral / neutral mention of every pair');
  innocent(post(acc('asn-009', 'x'), '2024-12-18T09:00:00+07:00', 'Selamat kepada bupati terpilih, mari bersatu kembali membangun Lembah Harapan 🤝'), 'ucapan selamat pasca penetapan / congratulations after the result');
  const plainDeleted = innocent(post(acc('other-004', 'x'), '2024-10-04T12:00:00+07:00', 'Ada yg tau bengkel motor buka malam di Sukamaju? 🙏'), 'unggahan biasa yang kemudian dihapus / an ordinary post later deleted');
  remove(plainDeleted, 4, true, 'unggahan biasa dihapus / an ordinary post deleted');

  // --- accounts going private, suspended, failing; a prolific account; rate limits --------------
  const privateX = acc('asn-010', 'x');
  innocent(post(privateX, '2024-10-14T19:00:00+07:00', 'Lagi belajar bikin kue lapis legit, doain berhasil 😂'), 'unggahan biasa sebelum akun dikunci / ordinary post before the account goes private');
  hide(privateX, 5, 'private');
  hide(acc('pppk-002', 'facebook'), 6, 'private');
  hide(acc('ptt-002', 'instagram', { kind: 'instagram_creator' }), 6, 'private');

  const failingX = acc('asn-011', 'x');
  failingX.failures.push({ cycle: 4, endpoint: 'x_user_tweets', status: 503 });
  b.truth.push({ kind: 'failed_request', subjectId: 'asn-011', platform: 'x', accountId: failingX.id, endpoint: 'x_user_tweets', cycle: 4, status: 503 });
  const failingFb = acc('kades-004', 'facebook');
  failingFb.failures.push({ cycle: 5, endpoint: 'graph', status: 500 });
  b.truth.push({ kind: 'failed_request', subjectId: 'kades-004', platform: 'facebook', accountId: failingFb.id, endpoint: 'graph', cycle: 5, status: 500 });

  const portal = acc('other-005', 'x', { handle: 'infolembah', displayName: 'Info Lembah Harapan' });
  innocent(post(portal, '2024-09-10T08:00:00+07:00', 'Selamat pagi Lembah Harapan! Cuaca hari ini cerah berawan ⛅'), 'portal info: unggahan lama yang nanti keluar jendela / portal post that later falls off the window');
  for (let index = 0; index < X_DEPTH_BURST; index++) {
    const minute = String(index).padStart(2, '0');
    post(portal, `2024-11-27T08:${minute}:00+07:00`, `Update hari H #${index + 1}: antrean TPS di wilayah ${index % 2 === 0 ? 'utara' : 'selatan'} lancar, tetap tertib ya 🙏`);
  }

  b.rateLimits.push({ platform: 'x', endpoint: 'x_user_tweets', cycle: 3, limit: 60 });
  b.truth.push({ kind: 'rate_limited', platform: 'x', endpoint: 'x_user_tweets', cycle: 3, afterRequests: 60 });
  b.rateLimits.push({ platform: 'meta', endpoint: 'graph', cycle: 7, limit: 120 });
  b.truth.push({ kind: 'rate_limited', platform: 'meta', endpoint: 'graph', cycle: 7, afterRequests: 120 });

  const personalIg = acc('asn-012', 'instagram', { kind: 'instagram_personal' });
  violation(post(personalIg, '2024-11-08T20:00:00+07:00', 'Bismillah no 2 menang 🤲 #BaskaraMenang', { savedPageOnly: true, media: [{ type: 'photo', altText: 'Foto dengan dua jari terangkat' }] }), 'neutrality', 'ASN mendukung paslon 2 di akun pribadi (hanya halaman tersimpan) / support on a personal account, saved page only', 'saved_page');
  for (const account of [yudhaFb, personalIg]) b.truth.push({ kind: 'saved_pages_only', subjectId: account.subjectId, platform: account.platform, handle: account.handle });

  // --- what only a careful crawler sees: an edit between two captures, a post deleted before
  //     any capture but answered by its author, a page that is only partly served ------------
  const guruX = acc('asn-009', 'x');
  const slogan = violation(post(guruX, '2024-10-20T09:00:00+07:00', 'Guru2 Sukamaju solid dukung Bu Citra nomor 3! Lembah Berdaya dimulai dari desa #CidarPastiMenang'), 'neutrality', 'ASN mendukung paslon 3, lalu menyunting sebelum sempat terekam / civil servant supports pair 3, edited before any capture');
  const cleaned = b.editBeforeCapture(slogan, 15, 'Selamat pagi rekan2 guru Sukamaju, semangat mengajar hari ini 🙏');
  b.truth.push({ kind: 'edit', subjectId: guruX.subjectId, platform: 'x', accountId: guruX.id, itemId: slogan.id, newItemId: cleaned, cycle: slogan.appearsCycle, betweenObservations: true });

  const perdesX = acc('perdes-001', 'x');
  const vanished = post(perdesX, '2024-10-28T19:00:00+07:00', 'Malam ini kumpul di balai desa, kita menangkan 01 bareng2!');
  const ownReply = post(perdesX, '2024-10-28T19:20:00+07:00', 'Maaf yg tadi salah kirim, abaikan ya bapak ibu', { kind: 'reply', target: vanished });
  b.deletePost(vanished, vanished.appearsCycle);
  b.truth.push({ kind: 'deletion', subjectId: perdesX.subjectId, platform: 'x', accountId: perdesX.id, itemId: vanished.id, cycle: vanished.appearsCycle, confirmable: true, note: 'dihapus sebelum terekam, diketahui dari balasan sendiri / deleted before capture, known through its own reply', beforeCapture: { replyId: ownReply.id } });

  (portal.partialPages ??= []).push(7);
  b.truth.push({ kind: 'partial_page', subjectId: portal.subjectId, platform: 'x', accountId: portal.id, cycle: 7 });

  // A post that stays public on a page that never hides or fails: the Facebook adapter's control
  // post, which tells "deleted" from "this token cannot read it" when Graph answers 100/33.
  const infoPage = acc('other-006', 'facebook', { handle: 'lembahharapan.info', kind: 'facebook_page', displayName: 'Info Lembah Harapan' });
  const control = innocent(post(infoPage, '2024-08-01T08:00:00+07:00', 'Selamat datang di halaman Info Lembah Harapan: kabar warga, cuaca dan kegiatan kampung 🙏'), 'pos kontrol Facebook / Facebook control post');
  return { facebook: control.id };
}

function declareFixedSubjects(b: WorldBuilder): void {
  for (const subject of EXAMPLE_SUBJECTS) {
    const { accounts: _accounts, ...rest } = subject;
    b.requireSubject(subject.id, rest);
  }
  const candidate = (id: string, name: string, pair: number, position: string): void => {
    b.requireSubject(id, { id, name, category: 'candidate', candidatePairNumber: pair, position, region: 'Kabupaten Lembah Harapan' });
  };
  candidate('cand-001', 'Arman Sasmita', 1, 'Calon Bupati');
  candidate('cand-003', 'Citra Maheswari', 3, 'Calon Bupati');
  candidate('cand-004', 'Rina Kartikasari', 1, 'Calon Wakil Bupati');
  candidate('cand-005', 'Sekar Ayuningtyas', 2, 'Calon Wakil Bupati');
  candidate('cand-006', 'Darmawan Putra Lesmana', 3, 'Calon Wakil Bupati');
}

function itemKindOf(post: WorldPost): ItemKind {
  return post.kind;
}
