import { fixtureBlock } from './rule-fixture.js';

// Held-out round (issue 14): written from the patterns of real SARA posts in invented wording,
// before the lexicons were tuned; split into tune and test by `heldOutSplit` (⚠ sensitive on purpose).
export const HATE_SPEECH_HELD_OUT = fixtureBlock('hate_speech', { subject: 'other', phase: 'campaign' }, `
// exclusion calls
+ Jangan sewakan rumah ke orang pendatang, biar mereka pergi dari desa kita
+ Warga tionghoa jangan dikasih tempat jualan di pasar baru
+ Kampung ini khusus pribumi, keturunan cina dilarang masuk
+ Tolak pendirian gereja di Sukamaju, umat kristen cari tempat lain saja
+ Pecat semua pegawai yang beragama lain dari kantor dinas
+ Orang Madura tidak boleh tinggal di perumahan ini, usir saja
+ Jangan beli di warung orang batak, biar bangkrut semua
+ Kaum syiah wajib angkat kaki dari kecamatan kita
+ Warga keturunan arab disuruh pulang ke negaranya saja
+ Lembah Harapan bukan untuk pendatang, enyahlah kalian
+ Jangan terima menantu dari suku dayak, darahnya kotor
+ Tutup semua vihara, umat buddha tidak diterima di sini
// labelling a candidate or group as kafir, foreign, communist
+ Pak Arman itu kafir berkedok ustaz, umatnya jangan tertipu
+ Bagus Wiratmaja antek asing, mau jual Lembah ke aseng
+ Citra Maheswari keturunan PKI, darah komunis mengalir di keluarganya
+ Pendukung nomor 2 itu semua kafir, jangan diajak salat berjamaah
+ Relawan Cidar komunis gaya baru, ganyang mereka
+ Mas Bagus boneka cina, kampanyenya dibiayai taipan aseng
+ Bu Rina antek asing yang mau menghapus pelajaran agama
+ Pasangan nomor 1 didukung kaum kafir, jelas musuh umat
+ Pak Darmawan anak PKI, jangan biarkan komunis bangkit di Lembah
+ Timses Baskara isinya antek aseng semua, usir dari kampung
+ Pendukung Arina itu kaum munafik dan kafir, halal diperangi
+ Calon nomor 3 itu kafir harbi, musuh agama
// calls to violence on SARA grounds
+ Malam ini kita sweeping warga pendatang di blok C
+ Serbu kampung orang ambon, jangan sisakan satu pun
+ Bakar gereja liar di ujung desa, umat kristen jangan dikasih hati
+ Siapkan parang, kita serang kaum syiah sesudah jumatan
+ Gorok saja penganut ahmadiyah yang masih bandel
+ Kalau etnis tionghoa menang, kita jarah toko-tokonya
+ Hajar orang papua yang lewat jalan kita malam ini
+ Ayo geruduk rumah ibadah umat hindu yang baru dibangun
// slurs and dehumanising words
+ Dasar cina babi, balik ke negaramu
+ Orang papua itu monyet, tidak layak jadi pejabat
+ Kaum nasrani itu najis, jangan bersalaman dengan mereka
+ Batak kasar, madura maling, semua pendatang sampah
+ Etnis arab itu parasit di pasar kita
+ Umat katolik penyakit masyarakat, harus dibasmi
// obfuscated spellings
+ k4f1r semua yg dukung paslon itu, b4sm1!
+ C!na harus di us1r dari Lembah Harapan
+ a.s.e.n.g pergi dari tanah kami
+ usirrrr kaum pendatanggg dari desa ini
+ K a f i r tidak pantas hidup di kampung ini
+ 0r4ng p4pu4 m0ny3t semua
+ k*fir2 di kompleks sebelah wajib diusir
+ pendatang = hama, bas-mi sekarang
+ Ch1na lebih baik mampus 🔥🔥
+ dasar c1n4 p4r4s1t, b0ik0t tokonya
// kinds and subjects
+ {kind=comment} Setuju, umat kristen harus diusir dari desa
+ {kind=reply} Orang cina memang harus dibasmi dari Lembah
+ {kind=share target=Usir etnis pendatang dari pasar Sukamaju malam ini juga}
+ {kind=quote target=Rumah ibadah baru diresmikan di Mekarsari} Kaum kafir itu jangan dikasih tempat, bakar saja
+ {subject=asn} Pegawai beragama lain jangan diberi jabatan, singkirkan dari dinas
+ {subject=relawan} Pendukung kafir nomor 1 harus dienyahkan dari Lembah
+ {subject=tim_kampanye} Warga keturunan cina jangan dikasih tempat di Lembah Harapan
+ {subject=polri} Ahmadiyah sesat, bakar saja masjidnya
+ {phase=quiet} Usir orang madura sebelum hari pencoblosan
+ {phase=pre_campaign_p0} Umat hindu di sini harus enyah dari desa
+ {kind=profile} Musuh abadi: cina, kafir, pendatang. Basmi!
+ Orang sunda bodoh semua, tidak layak jadi bupati, singkirkan
+ Suku bugis penipu, usir dari pelabuhan kita
+ Penganut konghucu itu bukan warga sini, tendang keluar
// counter-speech, news, teaching, other senses of the same words
- Stop rasisme terhadap warga keturunan Tionghoa di Lembah Harapan
- Polres Lembah Harapan menangkap penyebar ujaran kebencian terhadap umat Kristen
- Mari jaga kerukunan, umat Islam, Kristen, Hindu, Buddha semua bersaudara
- Jangan terprovokasi isu SARA, pilkada harus damai
- Kami mengecam seruan mengusir warga pendatang di grup WA desa
- Sejarah G30S PKI dibahas di kelas sejarah SMA Sukamaju hari ini
- Film dokumenter tentang pemberontakan PKI 1948 tayang malam ini
- Investor asing membuka pabrik baru di kawasan industri Lembah
- Kursus bahasa asing gratis untuk pemuda desa
- Tenaga kerja asing wajib punya izin kerja, kata dinas tenaga kerja
- Buku tentang sejarah paham komunis di Eropa Timur dibedah di perpustakaan
- Ceramah tentang makna kata kafir dalam tafsir, terbuka untuk umum
- Pasar tradisional Tionghoa ramai menjelang Imlek
- Warga pendatang dan warga asli gotong royong membersihkan sungai
- Usir kucing liar dari dapur pakai cara ini
- Basmi tikus di sawah dengan burung hantu
- Bakar jagung bareng keluarga malam tahun baru
- Serbu diskon akhir tahun di pasar Sukamaju!
- Hajar terus latihannya, tim voli desa pasti juara
- Monyet ekor panjang berkeliaran di hutan lindung
- Sweeping kendaraan tanpa surat oleh Satlantas pagi ini
- Gereja, masjid dan pura di Mekarsari kompak menggelar bakti sosial
- Festival kuliner Batak, Madura, Minang di alun-alun minggu ini
- Orang Papua juara olimpiade sains nasional, bangga!
- Warga keturunan Arab di Sukamaju membagikan takjil gratis
- Umat Buddha merayakan Waisak dengan damai
- Perempuan Lembah Harapan siap jadi pemimpin
- Penyandang disabilitas berhak atas akses TPS yang layak
- Kaum muda ayo belajar sejarah dengan kritis
- Pendatang baru di liga voli kabupaten tampil mengejutkan
- {kind=comment} Astaghfirullah, jangan sebar kebencian ke umat agama lain
- {kind=reply} Laporkan saja akun yang menghina suku Dayak ke polisi
- {kind=share target=Bawaslu imbau warga tidak menyebar konten SARA selama kampanye}
- {kind=quote target=Seruan usir pendatang beredar di grup WA} Ini provokasi, jangan ditiru, kita semua saudara
- Sidang kasus ujaran kebencian terhadap etnis Tionghoa digelar hari ini
- Tersangka penghina umat Hindu divonis 2 tahun penjara
- Pak Arman mengunjungi vihara dan klenteng di Sukamaju
- Bu Citra berdialog dengan tokoh lintas agama di aula kabupaten
- Mas Bagus menghadiri perayaan Natal bersama warga
- Pasangan nomor 3 berjanji melindungi kebebasan beribadah semua umat
- Kuliah umum: komunisme, kapitalisme dan demokrasi Pancasila
- Antek dalam bahasa Jawa artinya kaki tangan, dibahas di kelas bahasa
- Kafir Quraisy dalam kisah sejarah nabi dipelajari santri hari ini
- Dinas kesehatan basmi sarang nyamuk demam berdarah
- Hama wereng menyerang sawah di Desa Mekarsari
- Pulang ke kampung halaman naik bus malam, rindu ibu
- Tim sepak bola pendatang dari kabupaten sebelah kalahkan tuan rumah
- Batik Madura dan batik Jawa dipamerkan di gedung kesenian
- Anak-anak belajar tari Papua di sanggar desa
- Pemuda Kristen dan remaja masjid bersih-bersih makam bersama
- k4mi m3ng3c4m s3g4l4 b3ntuk r4s1sm3
- Kami warga Sukamaju cinta damai, no SARA 🙏
- Bahasa Mandarin jadi ekstrakurikuler baru di SMP Sukamaju
- Ulasan novel tentang keluarga Tionghoa di masa orde baru
- Pemerintah desa menerima pengungsi banjir dari desa sebelah
- Cina daratan mengekspor buah naga ke pasar kita, harga turun
- Doa bersama lintas agama untuk pilkada damai di Lembah Harapan
- {subject=asn} Sosialisasi moderasi beragama untuk guru SD se-kecamatan
- {subject=polri} Patroli siber Polres pantau konten SARA selama kampanye
- {subject=tim_kampanye} Paslon kami menghormati semua suku dan agama di Lembah
- {kind=profile} Guru sejarah | pecinta budaya Nusantara | Bhinneka Tunggal Ika
`);
