import { fixtureBlock } from './rule-fixture.js';

// Re-posts of debunked claims of the built-in registry (src/claims/builtin-claims.json) in
// invented wording: paraphrases, shortenings and obfuscated spellings, with and without calls to
// spread them; and the posts that look like them but are not hoaxes: official announcements,
// debunks quoting the claim, everyday talk. Claims about named real people are left out (fixtures
// use invented people only).
//
// Two disjoint halves, split by claim: thresholds are chosen on TUNE only; the eval reports
// precision and recall on TEST only.

/** Used to choose the claim thresholds of the built-in hoax rules. */
export const HOAX_CLAIM_TUNE_FIXTURES = fixtureBlock('hoax', { subject: 'other', phase: 'campaign' }, `
// tujuh-kontainer-surat-suara-tercoblos
+ Geger! 7 kontainer isi surat suara yang sudah dicoblos nyampe di Tanjung Priok, viralkan
+ info orang dalam: ada tujuh kontainer kertas suara tercoblos di pelabuhan priok
+ 7 k0nt4iner surat suara sdh dicoblos di Priok!!! sebarkan
- KPU dan Bawaslu cek ke Tanjung Priok: kabar 7 kontainer surat suara tercoblos itu hoaks
- Antrean kontainer di pelabuhan Tanjung Priok mengular sejak subuh, sopir truk mengeluh
// server-kpu-singapura-setting-57-persen
+ Server KPU ternyata di Singapura dan sudah disetting menang 57 persen
+ s e r v e r KPU di singapur udah diatur buat menangin paslon, bocoran orang dalam
+ bocor! sistem IT KPU di luar negeri, hasil pemilu sudah disetting dari sana
- Klarifikasi KPU: semua server ada di dalam negeri, tuduhan server di Singapura tidak benar
- Server kantor down lagi, laporan bulanan terpaksa dikerjakan manual
// coblos-pakai-ektp-di-tps-mana-saja
+ Cukup bawa e-KTP, kamu bisa nyoblos di TPS mana aja walau nggak terdaftar di DPT, share!
+ siapa pun bisa mencoblos di TPS terdekat asal pegang e-KTP, tidak perlu terdaftar
- Pemilih yang tidak ada di DPT memakai e-KTP di TPS sesuai alamat KTP, mulai pukul 12.00, kata KPPS
- Jangan lupa perpanjang e-KTP yang rusak di kantor Disdukcapil minggu ini
// kpps-meninggal-diracun-pki
+ HATI2! di pemilu lalu petugas KPPS meninggal karena diracun PKI, jangan terulang
+ Banyak anggota KPPS wafat gara-gara diracun komunis, sebarkan ke grup RT
- Penelitian UGM: petugas KPPS yang wafat karena penyakit jantung dan kelelahan, bukan diracun
- Petugas KPPS di RT kami dapat makan siang dan vitamin dari panitia desa
// kotak-suara-kardus-mudah-ditukar
+ Kotak suara kardus memang sengaja dibuat agar gampang ditukar di jalan dengan kotak yang sudah dicoblos
+ Info orang dalam: kotak kardus nanti diganti kotak baru yg isinya sudah tercoblos nomor 1, jaga ketat!
- Kotak suara karton kedap air sudah diuji kuat diduduki tiga orang, kata KPU kabupaten
- Kardus bekas air mineral bisa dipakai untuk kotak sumbangan lomba agustusan
// kpu-voting-capres-facebook
+ KPU buka voting capres lewat Facebook! klik bagikan biar suara rakyat ketahuan
+ Ayo ikut voting KPU pusat di FB untuk pilih calon presiden, 100% real
- KPU tidak pernah membuat voting capres di Facebook, halaman itu palsu
// psu-banyuanyar-solo-2019
+ Pengumuman: ada pemungutan suara ulang di TPS 14 Banyuanyar, warga diminta datang lagi
+ PSU di Banyuanyar Banjarsari besok jam 7, teruskan ke tetangga
- Hasil rekapitulasi tingkat kecamatan Banjarsari dibacakan di depan saksi sore ini
// penghitungan-suara-dihentikan-kecurangan-2024
+ Hitungan suara distop KPU karena kecurangan pemilu terbongkar, istana panik!
+ KPU hentikan perhitungan suara setelah temukan kecurangan, viralkan
- Rekapitulasi nasional berjalan sesuai jadwal dan ditetapkan paling lambat 20 Maret
- Penghitungan suara di TPS kami selesai jam sembilan malam, saksi tanda tangan semua
// kpu-susupkan-52-juta-pemilih
+ KPU menyusupkan 52 juta pemilih siluman ke DPT buat curang, sebarkan
+ Ada 52jt data pemilih selundupan di daftar pemilih tetap, ini sumber manipulasi
- Warga bisa cek nama di daftar pemilih lewat situs resmi KPU dengan NIK
// quick-count-disiapkan-sebelum-pemungutan
+ MELEDAK! hasil quick count salah tanggal, terbukti hasilnya disiapkan sebelum pencoblosan
+ Quick count sudah jadi sehari sebelum pemungutan suara, kecurangan terbongkar
- Hasil hitung cepat baru boleh diumumkan pukul 15.00 WIB setelah TPS tutup
// coblos-caleg-dan-partai-dua-suara
+ Coblos caleg sekalian partainya biar dihitung dua suara, segera sosialisasikan!
+ kalau nyoblos caleg dan partai dapat 2 suara, kasih tau keluarga
- Mencoblos partai dan caleg dari partai yang sama tetap dihitung satu suara sah
// surat-suara-sudah-dicetak-sebelum-2019
+ Ternyata surat suara pemilu sudah dicetak KPU sebelum 1 Januari, bocoran percetakan
- Percetakan surat suara dimulai setelah desain disetujui peserta pemilu, kata KPU
// hasil-pilpres-2019-luar-negeri-02-unggul
+ Hasil coblosan di Arab Saudi, Jerman, Amerika dan Taiwan sudah keluar, 02 unggul jauh
+ hasil pilpres luar negeri: Hongkong, Taiwan, Jerman semua menang 02, sebarin
- Penghitungan suara di luar negeri dilakukan serentak pada hari pemungutan suara di dalam negeri
// kode-00-kpu-pemenang-diatur
+ KPU kasih kode 00 buat suara yang sudah diatur jadi pemenang, waspada!
- Ditemukan data pemilih beralamat RT 00, KPU kota sedang perbaiki data
// larangan-pilih-calon-non-muslim-malut
+ Di pilkada ini ada larangan memilih calon kepala daerah yang beragama selain Islam
+ haram & dilarang pilih calon kepala daerah non muslim, sebarkan
- Setiap warga negara berhak memilih dan dipilih tanpa memandang agama, sesuai undang-undang
// kpps-jatim-akui-gelembungkan-suara-02
+ Ada video KPPS di Jatim ngaku gelembungkan suara buat paslon 2, sebarkan sebelum dihapus
+ petugas KPPS jawa timur mengaku menggelembungkan suara paslon nomor dua, ini buktinya
- Cek fakta: video KPPS Jawa Timur mengaku menggelembungkan suara itu hoaks, rekaman aslinya soal pelatihan
- PPK menggelar rapat pleno rekap suara tingkat kecamatan, saksi semua paslon hadir
// golput-bisa-dipidana-tiga-tahun
+ Awas golput bisa dipenjara 3 tahun dan denda 36 juta menurut UU Pemilu, bagikan ke keluarga
+ Yang golput dipidana tiga tahun penjara lho, jangan sampai nggak nyoblos
- Tidak ada pasal yang memidanakan pemilih yang golput; yang dipidana adalah menghalangi orang memilih
- Golput itu pilihan yang sayang sekali, ayo datang ke TPS dan pakai hak pilihmu
// dpt-ganda-25-juta
+ 25 juta pemilih ganda sengaja dimasukkan ke DPT untuk mencurangi pemilu, viralkan
- KPU menindaklanjuti masukan soal data ganda di DPT dan mencoret yang terbukti ganda
// cincin-perusak-surat-suara
+ Hati-hati petugas KPPS pakai cincin tajam untuk merusak surat suara waktu dihitung, awasi tangannya!
- Saksi boleh mengawasi penghitungan dari dekat dan mencatat keberatan di formulir, kata Bawaslu
// debunks and official notices
- HOAKS: server KPU di Singapura disetting 57 persen; faktanya server KPU ada di dalam negeri
- Klarifikasi Bawaslu: tidak benar kotak suara kardus sengaja dibuat supaya mudah ditukar
- Pengumuman KPPS: pemilih membawa undangan C6 dan KTP elektronik ke TPS 07 mulai pukul 07.00
- Pelipatan surat suara di gudang KPU kabupaten dikerjakan 300 pekerja harian selama seminggu
- Kawan-kawan karang taruna, rapat persiapan TPS nanti malam di rumah Pak RT Sutarjo
- Petugas KPPS di desa kami lulus bimtek, ketuanya Bu Wiryani yang guru SD
// everyday talk and official notices
- Pemungutan suara pilkada tanggal 27 November, TPS buka jam tujuh pagi
- Rapat pleno rekapitulasi kabupaten dihadiri saksi semua paslon dan Bawaslu
- Hari ini panen cabai di kebun bapak, harganya lumayan naik
- Besok kerja bakti bersihkan balai desa yang dipakai untuk TPS
- Nonton debat kandidat semalam, moderatornya tegas sekali
- Bimtek KPPS di kecamatan diikuti ratusan petugas dari semua desa
`);

/** Held out: never used to choose a threshold; the eval reports precision and recall on it. */
export const HOAX_CLAIM_TEST_FIXTURES = fixtureBlock('hoax', { subject: 'other', phase: 'campaign' }, `
// surat-suara-tercoblos-tps-surabaya-2019
+ Video petugas KPPS nunjukin surat suara pilpres yang sudah dicoblos duluan di TPS Surabaya
+ Surat suara di TPS Surabaya ternyata sudah tercoblos untuk nomor 01 sebelum masuk bilik, viralkan
+ surat suara udah dic0bl0s duluan di pabean cantian, lapor lapor!
- Panwas: lima surat suara di TPS 12 Surabaya rusak sejak cetak, bukan tercoblos
// pendatang-china-diarahkan-kpu-mencoblos
+ Pendatang asal China diarahkan KPU untuk ikut mencoblos di TPS, waspada
+ KPU beri arahan ke warga etnis China pendatang supaya menangkan petahana, sebarkan
- Warga negara asing tidak punya hak pilih walau memiliki izin tinggal, tegas KPU
// kpps-meninggal-karena-diracun-2019
+ Anggota KPPS yang meninggal setelah pemilu itu sengaja diracun, info valid
+ petugas KPPS mati keracunan, bukan kecapekan, ada yang sengaja
- Petugas KPPS diminta cek kesehatan sebelum bertugas dan istirahat cukup
// ektp-wna-china-cianjur-bisa-nyoblos, ribuan-wna-china-diberi-ektp-pemilu-2024
+ Ribuan WNA China sudah dibuatkan KTP elektronik biar bisa ikut pemilu, teruskan!
+ WNA Cina di Cianjur pegang e-KTP dan terdaftar di DPT, jadi bisa ikut nyoblos
+ jutaan w n a china disiapkan nyoblos pakai e-ktp, pantesan ada sosialisasi bahasa mandarin
- Disdukcapil: KTP elektronik untuk orang asing berwarna lain dan tidak memberi hak pilih
// batas-cek-dpt-hari-terakhir-2018
+ Hari ini terakhir cek nama di daftar pemilih KPU, kalau nggak terdaftar hak pilih hilang! forward
+ Buruan cek DPT hari ini juga, besok sudah ditutup dan hak pilihmu hangus
- Pengecekan daftar pemilih bisa dilakukan sampai hari pemungutan suara, kata komisioner KPU
// hasil-pilpres-2024-sudah-ditentukan-data-bocor
+ Data KPU bocor, hasil pilpres sudah ditentukan dari sekarang, percuma nyoblos
+ Bocor data hasil pemilu yang sudah dibuat KPU, pemenangnya sudah diatur
- Kebocoran data pemilih sedang ditangani, hasil pemilu baru ada setelah pemungutan suara
// surat-suara-tanpa-ttd-kpps-viralkan
+ Temen2 viralkan! surat suara tanpa tanda tangan KPPS kembalikan karena tidak sah
- Pemilih diimbau memeriksa surat suara sebelum mencoblos dan meminta ganti bila rusak
// kpu-medan-coblos-surat-suara-01
+ Video petugas KPU Medan kedapatan mencoblos surat suara untuk nomor 01
+ Ricuh di kantor KPU Medan karena petugas nyoblosin surat suara paslon 01, sebarkan
- Gudang logistik KPU Medan dijaga polisi selama penyortiran surat suara
// rancangan-surat-suara-capres-2024-palsu
+ KPU sudah menerbitkan rancangan surat suara capres 2024 lengkap dengan nomor urut pasangan
- Pengundian nomor urut pasangan calon dilakukan setelah penetapan peserta, kata KPU
// hasil-luar-negeri-prabowo-unggul-70-persen, exit-poll-luar-negeri-02-menang-2019
+ Hasil perhitungan suara pilpres luar negeri sudah keluar, paslon 02 unggul di atas 70 persen
+ Exit poll TPS luar negeri: 02 menang mutlak di Malaysia, Singapura dan Thailand, sebarkan
- Exit poll dan survei dilarang diumumkan selama masa tenang, ingatkan KPU
// pilkada-2020-ditunda-kecuali-solo-medan
+ Breaking news: pilkada serentak resmi ditunda, cuma Solo dan Medan yang tetap jalan
+ p i l k a d a ditunda kecuali di Solo dan Medan, info A1
- Pemerintah, DPR dan KPU sepakat pilkada tetap digelar di 270 daerah
// ketua-panwaslu-kuala-lumpur-dua-jari
+ Foto ketua Panwaslu Kuala Lumpur pose dua jari bareng relawan paslon, terbukti tidak netral
- Bawaslu memastikan pengawas pemilu luar negeri direkrut dengan syarat netral
// exit-poll-pilkada-kebumen-2024
+ Hasil exit poll pilkada Kebumen: paslon nomor 1 menang 62 persen, share
- Hasil resmi pilkada Kebumen menunggu rapat pleno KPU kabupaten
// video-kerusuhan-demo-tolak-hasil-pemilu-2024
+ Massa bergerak melawan kecurangan pemilu, mobil plat merah dibakar, KPU Bawaslu MK lumpuh total!
+ Rakyat marah, demo tolak hasil pemilu bakar mobil plat merah, jangan sampai seperti 98
- Demo di depan kantor KPU berlangsung tertib dan massa membubarkan diri sore hari
// kpu-majukan-penetapan-hasil-28-feb
+ Parah, KPU diam-diam majukan penetapan hasil pemilu jadi 28 Februari karena takut demo, sebarkan
+ jadwal penetapan hasil pemilu dimajukan KPU dari 20 Maret ke 28 Feb, licik!
- Cek fakta: KPU tidak memajukan penetapan hasil pemilu, 28 Februari adalah pembukaan rapat pleno rekapitulasi
// orang-gila-14-juta-masuk-dpt
+ 14 juta orang gila dimasukkan ke DPT biar suaranya bisa dipakai, bangun rakyat!
- Penyandang disabilitas mental punya hak pilih bila tidak dinyatakan lain oleh dokter, jelas KPU
// rohingya-datang-tambah-suara-pemilu
+ Pengungsi Rohingya sengaja didatangkan untuk menambah suara capres tertentu di pemilu, waspada
- Pengungsi tidak memiliki KTP elektronik sehingga tidak bisa masuk daftar pemilih, kata KPU
// rekap-kpu-excel-berbeda
+ Lihat video ini, rekap suara KPU dipindah ke excel hasilnya berubah, bukti manipulasi!
- Petugas PPK mengunggah salinan rekapitulasi ke situs resmi agar publik bisa memeriksa
// pemilu-2019-pakai-e-voting
+ Pileg dan pilpres tahun ini pakai e-voting, jadi tidak perlu datang ke TPS
- Pemungutan suara tetap memakai surat suara kertas yang dicoblos di bilik, bukan e-voting
// debunks and official notices
- TIDAK BENAR surat suara di TPS Surabaya sudah tercoblos sebelum dibawa ke bilik, kata Panwaslu
- Hoaks lama beredar lagi: pilkada ditunda kecuali Solo dan Medan; KPU memastikan jadwal tetap
- Pengumuman: DPT bisa dicek di kantor desa sampai hari H, bawa KTP
- Rapat pleno penetapan calon terpilih DPRD digelar di aula hotel pukul 09.00
- Anak-anak karang taruna bikin lomba mural bertema pemilu damai, juaranya dapat sepeda
- Bu Rumiati jualan nasi uduk di depan TPS sejak subuh, laris manis
// everyday talk and official notices
- KPU kabupaten mulai mendistribusikan surat suara ke kecamatan dengan pengawalan polisi
- Sore ini hujan deras, jalan ke pasar banjir setinggi lutut
- Ibu-ibu PKK latihan senam bersama di lapangan desa
- Simulasi pemungutan dan penghitungan suara digelar di halaman kantor camat
- Kopi tubruk dan pisang goreng paling enak diminum pagi-pagi
- Panitia lomba tujuhbelasan butuh sukarelawan untuk jaga pos
`);
