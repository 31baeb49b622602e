import { fixtureBlock } from './rule-fixture.js';

// Held-out round (issue 14): personal smears about morals and family, and their look-alikes,
// written before the lexicons were tuned; split into tune and test by `heldOutSplit`.
export const BLACK_CAMPAIGN_HELD_OUT = fixtureBlock('black_campaign', { subject: 'other', phase: 'campaign' }, `
// morals and family
+ Bagus Wiratmaja selingkuh dengan sekretarisnya, semua orang kantor tahu
+ Pak Arman punya istri simpanan di kota sebelah, makanya sering dinas luar
+ Anak haram Citra Maheswari disembunyikan di pesantren, cek saja
+ Mas Bagus itu pezina, pemimpin macam apa itu
+ Calon nomor 3 doyan main perempuan, malu kita punya bupati begitu
+ Bu Rina hamil di luar nikah waktu kuliah, sekarang sok suci
+ Pak Darmawan suka mabuk dan judi di rumah bilyar tiap malam
+ Arman Sasmita nikah siri tiga kali, istri sahnya tidak tahu
+ Paslon 2 kawin kontrak waktu kerja di luar negeri, bukti ada
+ Citra Maheswari pernah aborsi, jangan pilih pembunuh janin
+ Sekar Ayuningtyas perebut suami orang, pelakor jadi wakil bupati?
+ Bagus tukang pukul istri, KDRT bertahun-tahun ditutupi keluarganya
+ Anak Pak Arman pengedar sabu, bapaknya pura-pura tidak tahu
+ Keluarga Darmawan keturunan dukun santet, hati-hati
+ Mas Bagus gay, pernah ketahuan di hotel dengan laki-laki
+ Pak Arman menelantarkan anak dari istri pertamanya
+ Rina Kartikasari cerai karena ketahuan berzina dengan sopirnya
+ Bu Citra pemakai narkoba sejak SMA, tanya teman sekolahnya
+ Calon nomor 1 ternyata punya anak di luar nikah dengan biduan dangdut
+ Bagus Wiratmaja doyan jajan di tempat karaoke remang-remang
+ Darmawan Putra Lesmana mantan mucikari, sekarang mau jadi wakil bupati
+ Istri Pak Arman bekas wanita panggilan, keluarga tidak bermoral
+ Mbak Sekar simpanan pejabat provinsi, makanya dapat rekomendasi partai
+ Baskara itu pasangan tukang selingkuh dan pemabuk
+ Cidar isinya pezina dan penjudi, masa mau dipimpin mereka
+ Arina pasangan mesum, video syurnya beredar di grup
// money, crime and lies
+ Bagus Wiratmaja menilap dana bansos covid, uangnya buat beli vila
+ Pak Arman bandar judi online, kampanyenya dibiayai uang haram
+ Citra beli gelar sarjana, ijazahnya palsu semua
+ Nomor 2 utang di mana-mana, rumahnya sudah disita bank
+ Darmawan dulu dipecat dari BUMN karena mencuri uang kantor
+ Pak Arman tukang gusur rumah rakyat kecil, tangannya berlumur dosa
+ Mas Bagus sogok ulama supaya didukung, munafik
// obfuscated
+ B4gus W1ratmaja s3l1ngkuh sama sekretarisnya
+ Pak Arman punya 1str1 s1mp4n4n, sebarkan!
+ Citra Maheswari p.e.z.i.n.a, jangan dipilih
+ Paslon nomor 3 s e l i n g k u h ketahuan warga
+ Mas Bagus pemabukkkk dan penjudiii
+ Bu Rina h4m1l d1 lu4r n1k4h dulu
// kinds and subjects
+ {kind=comment} Iya benar, Bagus itu suka selingkuh
+ {kind=reply} Pak Arman jelas punya istri simpanan, saya lihat sendiri
+ {kind=share target=Bukti Citra Maheswari punya anak haram dari pernikahan siri}
+ {kind=quote target=Bagus Wiratmaja kampanye di pasar Sukamaju} Kampanye di pasar, malamnya main perempuan
+ {subject=asn} Pak Arman itu pezina, guru-guru jangan mau pilih dia
+ {subject=relawan} Calon nomor 1 selingkuh dengan istri orang, jangan dipilih
+ {subject=tim_kampanye} Bu Citra pernah aborsi, pikir lagi sebelum mencoblos
+ {phase=quiet} Ingat, Bagus Wiratmaja tukang selingkuh, jangan dicoblos besok
+ {phase=voting} Pagi ini ingat, Pak Arman punya istri simpanan
+ {subject=asn phase=pre_campaign_p1} Darmawan pemabuk dan penjudi, pantaskah jadi wakil?
+ Sekar Ayuningtyas pelakor terkenal di kampusnya dulu
+ Mas Bagus pemakai sabu, tesnya direkayasa
+ Arman Sasmita menelantarkan ibunya sendiri di panti jompo
+ Anak Bu Citra hasil perselingkuhan, semua tetangga tahu
+ Pak Darmawan sering main ke diskotik dengan perempuan muda
+ Rina Kartikasari istri kedua pejabat, rebut suami orang
+ Bagus Wiratmaja punya anak haram di kabupaten sebelah
+ Pak Arman tukang kawin, istrinya empat disembunyikan
+ Citra Maheswari dulu penari striptis di ibu kota
+ Mas Bagus ketahuan check in hotel dengan istri orang
+ Calon nomor 2 pernah dipenjara karena menghamili pacarnya
// denials, news, criticism of programmes, other senses
- Bagus Wiratmaja membantah isu perselingkuhan yang beredar di media sosial
- Cek fakta: kabar Pak Arman punya istri simpanan tidak benar
- Hoaks! Foto Citra Maheswari di tempat hiburan malam adalah rekayasa
- Bawaslu menerima laporan soal fitnah anak haram terhadap paslon 3
- Tim hukum Baskara melaporkan akun penyebar isu selingkuh ke polisi
- Program pertanian Bagus Wiratmaja kurang jelas sumber anggarannya
- Visi misi Pak Arman soal pendidikan terlalu umum menurut saya
- Bu Citra belum menjelaskan rencana perbaikan jalan desa
- Debat semalam: Arman kurang menguasai data kemiskinan
- Paslon 2 sering terlambat datang ke acara, semoga diperbaiki
- Sinetron malam ini ceritanya tentang suami yang selingkuh, seru
- Lagu dangdut baru judulnya Istri Simpanan, viral di TikTok
- Film Anak Haram karya sutradara muda menang festival
- Tips menjaga keharmonisan rumah tangga agar terhindar dari perselingkuhan
- Pengajian ibu-ibu membahas bahaya zina bagi remaja
- Pak Arman dan istri merayakan ulang tahun pernikahan ke-25
- Bu Citra mengunjungi panti asuhan bersama anak-anaknya
- Mas Bagus bermain bola bersama pemuda Desa Mekarsari
- Keluarga Darmawan menggelar syukuran kelahiran cucu pertama
- Rina Kartikasari bicara soal perlindungan perempuan dari KDRT
- Sekar Ayuningtyas berjanji membuka layanan pengaduan kekerasan dalam rumah tangga
- Paslon 3 ingin memberantas narkoba di kalangan remaja Lembah
- Bagus Wiratmaja mengajak warga memerangi judi online
- Kampanye Pak Arman di lapangan Sukamaju berjalan tertib
- Polisi menangkap bandar judi online di Kecamatan Sukamaju
- Kasus perselingkuhan oknum perangkat desa viral, camat turun tangan
- Warga desa gotong royong membangun rumah janda miskin
- {kind=comment} Jangan sebar fitnah selingkuh ke Bu Citra, itu hoaks
- {kind=reply} Sumbernya apa? Tuduhan istri simpanan itu tidak benar
- {kind=share target=KPU imbau peserta pilkada tidak melakukan kampanye hitam}
- {kind=quote target=Isu Pak Arman punya anak haram beredar di grup WA} Ini fitnah, sudah dibantah keluarganya
- {subject=asn} Materi pelatihan: cara mengenali kampanye hitam di media sosial
- {subject=relawan} Mari kampanye dengan gagasan, bukan fitnah soal keluarga lawan
- {subject=tim_kampanye} Paslon kami fokus pada program, tidak menyerang pribadi lawan
- {phase=quiet} Masa tenang, jangan sebar isu pribadi para calon
- Debat publik kedua membahas ekonomi dan kesehatan, ketiga paslon hadir
- Pak Arman menjelaskan harta kekayaannya di LHKPN
- Mas Bagus mengaku pernah gagal dalam bisnis, lalu bangkit lagi
- Bu Citra menjawab kritik soal pengalaman birokrasinya
- Darmawan Putra Lesmana dulu bekerja sebagai guru honorer
- Anak Pak Arman lulus kuliah kedokteran, keluarga bangga
- Istri Bagus Wiratmaja aktif di PKK kabupaten
- Menurut survei, isu keluarga calon tidak memengaruhi pilihan warga
- Pengamat: kampanye negatif berbasis data sah, kampanye hitam dilarang
- Artikel: bedanya kampanye negatif dan kampanye hitam
- Selingkuh itu menyakitkan, curhat teman kantor semalam
- Mabuk laut waktu menyeberang ke pulau, untung bawa obat
- Judi sabung ayam digerebek polisi di desa sebelah
- Film horor tentang dukun santet tayang di bioskop kota
- Gosip artis selingkuh lagi trending, capek lihatnya
- Novel baru tentang istri kedua seorang pengusaha laris manis
- Kajian remaja masjid tentang menjaga pergaulan
- Ketiga paslon menandatangani deklarasi kampanye damai tanpa fitnah
- B4gus W1ratmaja bl0musukan ke pasar pagi ini
- Pak Arman dan Bu Rina hadir di pengajian akbar Sukamaju
- Cidar menjanjikan beasiswa untuk anak yatim
- Baskara mengadakan senam sehat bersama ibu-ibu
- Pertanyaan untuk Pak Arman: bagaimana rencana mengatasi banjir?
- Kritik saya untuk paslon 2: target pertumbuhan ekonominya tidak realistis
- Pak Darmawan menyapa pedagang pasar dan mendengar keluhan soal retribusi
- Bu Rina dan suami mengantar anak ke sekolah seperti biasa
`);
