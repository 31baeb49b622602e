import { fixtureBlock } from './rule-fixture.js';

// Invented smears (⚠ sensitive words appear on purpose) and the look-alikes that are not smears.
// Default: a member of the public during the campaign period.
export const BLACK_CAMPAIGN_FIXTURES = fixtureBlock('black_campaign', { subject: 'other', phase: 'campaign' }, `
+ Arman Sasmita itu antek PKI, jangan sampai menang!
+ Bagus Wiratmaja keturunan PKI, bapaknya dulu anggota
+ Bu Citra penista agama, lihat videonya
+ Paslon 02 antek asing, dibiayai cukong
+ Mas Bagus koruptor, uang desa dia makan semua
+ Pak Darmawan pemakai narkoba, ditangkap 2010
+ Arina itu boneka partai, gak punya pendirian
+ Rina Kartikasari pelakor, rebut suami orang
+ Cidar maling anggaran, jgn dipilih!!
+ ijazah palsu Pak Arman terbongkar 😱
+ Bagus-Sekar kafir, jangan pilih pemimpin kafir
+ jangan pilih pemimpin kafir, Citra Maheswari non muslim
+ Paslon nomor 3 anti islam, akan melarang azan
+ Pak Arman akan menghapus pelajaran agama kalau menang
+ Mbak Sekar keturunan cina, bukan pribumi asli Lembah
+ Bang Arman dukun, pakai jimat waktu debat
+ Bagus Wiratmaja p3n1pu, utang di mana2
+ ARMAN-RINA = k0rupt0r berjamaah
+ Cidar pembohong, janji palsu doang 🤥
+ 01 koruptor, 02 maling, pilih 03 aja
+ Citra Maheswari munafik, tukang tipu rakyat
+ Darmawan Putra Lesmana pengkhianat partai
+ Mas Bagus preman pasar, jangan sampai jadi bupati
+ Sekar Ayuningtyas bodoh, gak bisa baca teks debat 🤣
+ Pak Arman tukang kawin, istrinya 4
+ Bu Rina bandar narkoba di Sukamaju, semua orang tahu
+ #BaskaraMenang? Baskara itu mafia proyek
+ calon no 1 itu PKI gaya baru, waspadalah
+ Arman-Rina antek aseng, nanti tanah kita dijual
+ Bagus Wiratmaja goblok, ngomong aja belepotan
+ Bu Citra zalim sama pegawainya, pecat seenaknya
+ Pak Darmawan selingkuh sama sekretarisnya
+ {kind=comment} Arman itu penipu, sudah banyak korbannya
+ {kind=reply} Mas Bagus tukang utang, gak pernah bayar
+ {kind=share target=Terbongkar! Citra Maheswari korupsi dana bansos}
+ {kind=quote target=Visi misi Baskara} Visi misi dari koruptor, lucu
+ Baskara = dinasti koruptor, bapak anak sama aja
+ Pak Arman pengemplang pajak, cek aja
+ Bu Rina sesat, ikut aliran aneh
+ C1tra M4heswar1 antek PKI, sebarkan!
+ Mbak Sekar itu banci politik, gak punya sikap
+ jgn pilih Bagus, dia kafir
+ Arina itu boneka cukong, bukan pemimpin rakyat
+ {subject=tim_kampanye} Lawan kami Bagus Wiratmaja itu koruptor kelas kakap
+ {subject=relawan} Pak Arman antek PKI, relawan Cidar harus sebarkan fakta ini
+ {subject=candidate} Pasangan Arman-Rina itu maling anggaran desa
+ {phase=quiet} Besok jangan pilih Bu Citra, dia pembohong
+ {subject=asn} Pak Arman keturunan PKI, jangan dipilih rekan2
+ {subject=asn} Bu Citra penista agama, sebarkan ke grup guru
+ Cidar pasangan munafik 🐍
+ Pak Darmawan anti islam, tolak!
+ Bagus-Sekar antek asing, Lembah bakal dijual
+ Hajar pendukung 02 kalau berani datang ke kampung kami!
+ Bakar posko Baskara malam ini, siapkan bensin
+ Awas kalau Pak Arman berani kampanye di sini, kami serbu
+ {subject=relawan} Geruduk rumah Bu Citra besok pagi, bawa massa
// Smears framed as a warning, and accusations of taking public money in slang verbs.
+ Hati2 sama paslon 03, antek aseng & doyan utang, jangan percaya!
+ Waspada! Pak Arman itu boneka cukong, ingat baik2
+ Dana desa Mekarsari ditilep Pak Arman, rakyat cuma dapat sisa
+ Bansos zaman Mas Bagus disunat separuh, tanya aja warga
+ {kind=reply} Bu Rina tuh pencitraan doang, anggaran pupuk diselewengkan
+ Anggaran jalan digelembungkan waktu Pak Darmawan jadi kadis
+ Cidar makan uang rakyat, jangan dipilih
- Arman Sasmita bukan PKI, itu fitnah yang sudah dibantah
- Cek fakta: klaim Bagus Wiratmaja keturunan PKI tidak benar
- Hoaks! Bu Citra tidak pernah menista agama, ini klarifikasinya
- Bawaslu menerima laporan kampanye hitam terhadap paslon 2
- Berita: Polisi usut penyebar fitnah terhadap Pak Arman
- Kritik: program Bagus-Sekar soal pupuk belum jelas anggarannya
- Saya tidak setuju dengan visi misi Cidar soal pasar, kurang realistis
- Data: APBD era petahana Arman Sasmita defisit 2 tahun berturut-turut
- Debat tadi Mas Bagus kurang menguasai materi kesehatan
- Pak Arman kalah telak di debat soal pendidikan menurut saya
- Maling motor tertangkap di Pasar Sukamaju tadi malam
- Koruptor dana desa Mekarsari divonis 5 tahun (bukan calon ya)
- Waspada, akun palsu mengatasnamakan Bu Citra menyebar fitnah
- Jangan termakan fitnah PKI terhadap paslon manapun
- Stop kampanye hitam! Pilkada damai untuk Lembah Harapan
- Film G30S/PKI diputar di balai desa malam ini
- Sejarah PKI di Lembah Harapan dibahas di seminar kampus
- Ibu Rina Kartikasari guru ngaji saya dulu, orangnya baik
- Bagus banget penampilan Sekar Ayuningtyas di debat tadi
- Cidar punya program beasiswa, menarik juga
- Pak Darmawan dulu kepala dinas pertanian, pengalaman lumayan
- Lapor min, ada akun menyebut Pak Arman antek PKI, tolong ditindak
- Saya laporkan akun yang bilang Bu Citra penista agama ke Bawaslu
- Tuduhan ijazah palsu Pak Arman sudah diklarifikasi universitasnya
- KPU: semua calon memenuhi syarat administrasi termasuk ijazah
- Dulu tetangga saya korban penipu arisan, hati2 ya ibu2
- Narkoba musuh kita bersama, jauhi!
- Kampret, ban motor bocor lagi 😤
- {kind=comment} Dua-duanya punya kelebihan, tergantung pemilih
- {kind=reply} Mas, itu bukan fakta, jangan disebar
- {phase=pre_campaign_p0} Arman Sasmita koruptor (sebelum masa kampanye, ranah lain)
- {subject=candidate} Kami tidak akan membalas fitnah dengan fitnah, salam damai
- {subject=tim_kampanye} Tim Baskara melaporkan penyebar hoaks ijazah ke polisi
- Pak Arman mengunjungi korban banjir di Desa Mekarsari
- Bu Citra: "Saya muslimah dan saya menghormati semua agama"
- Menurut survei, elektabilitas Bagus-Sekar naik 5 persen
- Anggaran pupuk era petahana turun, ini datanya dari BPS
- Mbak Sekar menjawab pertanyaan soal utang daerah dengan baik
- Debat paslon: semua calon berjanji memberantas korupsi
- Siapa pun yang menang, lawan korupsi bersama
- Video lama Pak Darmawan diedit, jangan percaya
- Hati hati akun bodong yang sebar hoaks tentang Cidar
- Paslon 1, 2, 3 sama2 punya program bagus
- Nonton debat bareng warga, seru juga
- Kata pengamat, kampanye negatif boleh asal berbasis data
- Artikel: beda kampanye hitam dan kampanye negatif
- Pak Arman membantah tuduhan korupsi dalam konferensi pers
- Dilansir Lembah Pos, Bawaslu tangani 3 laporan fitnah
- Mas Bagus jago main bola ternyata haha
- Bu Rina Kartikasari pernah juara lomba pidato nasional
- Citra Maheswari dan Darmawan datang ke pengajian akbar
- Polisi amankan posko Baskara yang dilempari batu, pelaku diburu
- Kami mengecam ancaman terhadap tim Pak Arman, jaga pilkada damai
- Serbu promo kaos kampanye murah, bukan dari paslon manapun
// Warnings about the smear, promises against taking funds, and look-alike words.
- Hati2 akun bodong yg bilang Pak Arman antek asing, itu fitnah
- Jangan percaya kabar Bu Citra ditangkap, sudah dibantah polisi
- Pak Arman janji dana desa tidak akan disunat sepeser pun
- Bu Citra hadiri sunatan massal yang dibiayai dana desa
- Mas Bagus janji berantas penggelapan dana bansos
- Pak Darmawan makan siang bersama penerima bansos di Sukamaju
- Cek fakta: tidak benar dana BLT disunat Bu Rina
`);
