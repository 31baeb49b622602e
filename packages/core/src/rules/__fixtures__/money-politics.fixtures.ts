import { fixtureBlock } from './rule-fixture.js';

// Invented vote-buying posts and the charity, giveaway and anti-money-politics posts that look
// like them (default: a pair-2 team member during the campaign).
export const MONEY_POLITICS_FIXTURES = fixtureBlock('money_politics', { subject: 'tim_kampanye', phase: 'campaign' }, `
+ Yang coblos 02 dapat amplop 100rb, ambil di posko
+ Serangan fajar dari tim Baskara siap meluncur, pilih nomor 2 ya
+ Giveaway pulsa 50rb syarat coblos Bagus-Sekar, kirim foto surat suara
+ Asal pilih Mas Bagus dapat sembako gratis
+ Wani piro? Tim 02 kasih 200 ribu per kepala asal coblos
+ Bagi2 uang transport untuk warga yang datang ke kampanye Baskara, pilih 2 ya
+ Kalau Baskara menang, semua RT dapat 5 juta, janji
+ Syarat dapat beras 5kg: pilih 02 dan foto bukti coblos
+ Uang bensin 50rb buat yang mau coblos nomor 2, hubungi admin
+ Warga RW 03 yg pilih Bagus-Sekar dapat minyak goreng 2 liter
+ Ambil amplopnya di posko, syaratnya coblos Baskara
+ Transfer ovo 100rb buat yg kirim foto surat suara nomor 2
+ Dijamin dapat umroh gratis kalau coblos Mas Bagus
+ Doorprize motor untuk pemilih 02, syarat foto bukti coblos
+ Sembako gratis dari Mas Bagus, jangan lupa coblos 2 ya
+ Salam tempel buat yg mau pilih Baskara 😉
+ Goceng-goceng aja cukup, asal pilih 02 wkwk
+ Bayar 150 ribu per suara untuk Bagus-Sekar, kumpul di posko jam 5 pagi
+ Ada uang rokok buat bapak2 yg coblos 2 besok
+ Pilih nomor 2 dapat token listrik 100rb
+ a5al c0bl0s 02 d4p4t 100rb
+ Cashback 50rb untuk yg buktiin coblos Baskara
+ {phase=quiet} Serangan fajar jam 4 pagi, siapkan dompet 😁
+ {phase=quiet} Amplop sudah dibagi ke RT 01-05, besok pilih nomor 2
+ {phase=quiet} Besok subuh bagi2 uang di rumah Pak RT, jangan lupa coblos 02
+ {phase=quiet} Uang transport sudah siap buat warga yang ke TPS pilih Baskara
+ {phase=voting} Yang sudah coblos 02 tukar foto bukti dengan 100rb di posko
+ {phase=voting} Amplop menunggu di posko, habis coblos Baskara langsung ambil
+ {subject=candidate} Kalau saya menang, tiap warga dapat 1 juta, pilih 02!
+ {subject=relawan} Bagi sembako gratis, syarat pilih Mas Bagus
+ {subject=relawan} Giveaway saldo gopay 100rb buat pemilih Baskara, syarat follow & coblos 02
+ {subject=other} Ada yang bagi amplop 100rb buat coblos 02, lumayan bro
+ {subject=asn} Rekan2, yg pilih Baskara dapat bingkisan dari dinas
+ {subject=kepala_desa} Warga yg pilih Bagus-Sekar dapat bantuan dana desa tambahan
+ {kind=comment} Gan, dapat berapa? kemarin dikasih 100rb asal coblos 02
+ {kind=reply} Iya, amplop ambil di posko, asal pilih Baskara
+ {kind=share target=Warga yang coblos 02 dapat sembako, ambil di posko Sukamaju}
+ Pilih Bu Citra dapat sarung dan kaos, ambil di posko
+ Kupon sembako untuk pemilih Arman-Rina, tukar setelah coblos
+ Paket sembako dari Cidar, syarat pilih nomor 3
+ Uang saku 100 ribu buat saksi dan pemilih Cidar
+ Tiap suara untuk Arina dihargai 200rb, hubungi kordes
+ Pemilih 01 dapat voucher belanja 100rb
+ Bayar 50rb per orang yang datang dan pilih Pak Arman
+ Dapat angpao kalau coblos Cidar 🧧
+ Giveaway HP untuk pemilih Bagus-Sekar, syarat foto surat suara
+ Bagi2 duit asal coblos 2, jangan bilang2
+ {phase=quiet subject=other} Serangan fajar sudah datang ke kampung kami, 100rb per KK
+ {phase=quiet subject=relawan} Amplop siap, besok pagi dibagi sebelum ke TPS
+ {phase=quiet} Uang bensin buat warga besok, dari tim
- Tolak politik uang! Laporkan serangan fajar ke Bawaslu
- Bawaslu Lembah Harapan awasi politik uang di masa tenang
- Berita: polisi tangkap pelaku serangan fajar di Desa Mekarsari
- Giveaway pulsa 50rb syarat follow dan share akun toko kami
- Bagi-bagi sembako untuk korban banjir Sukamaju, bantu yuk
- Amplop kondangan nikahan sepupu sudah disiapkan
- Lawan politik uang, pilih pemimpin karena programnya
- Stop politik uang, terima uangnya jangan pilih orangnya? Tetap salah!
- Penerima uang politik juga bisa dipidana, hati2
- Baksos gratis cek kesehatan di balai desa hari Minggu
- Zakat fitrah bisa disalurkan lewat masjid
- Arisan ibu-ibu RT 02 dapat 2 juta bulan ini
- Beli beras 5kg sekarang 70 ribu, mahal ya
- Promo cashback 50rb pakai ovo di toko kami
- Harga minyak goreng naik lagi 😩
- Gaji honorer belum cair, bayar kontrakan gimana
- Kami tidak memberi uang kepada pemilih, pilihlah dengan hati nurani
- {subject=candidate} Program kami: bantuan modal UMKM 10 juta per kelompok lewat koperasi resmi
- {subject=candidate} Visi kami: sembako murah lewat operasi pasar pemerintah daerah
- {subject=candidate} Kami berkomitmen tidak melakukan politik uang
- Saksi TPS mendapat honor resmi dari KPU
- KPPS menerima honor 1,1 juta sesuai aturan
- Ulang tahun anak, bagi-bagi kue ke tetangga 🎂
- {phase=quiet} Masa tenang, awasi serangan fajar di kampungmu, laporkan!
- {phase=quiet} Jangan terima amplop, pilih sesuai hati nurani
- {phase=quiet} Siapkan amplop lebaran buat ponakan 😂
- {phase=voting} Ditemukan amplop di dekat TPS 03, Bawaslu mengamankan barang bukti
- {phase=voting} Pulsa habis, ada yang bisa transfer 10rb? 😅
- {subject=other} Kalau ada yang kasih uang buat milih, laporkan ke Gakkumdu
- {subject=other} Tukang parkir minta 5 ribu, mahal amat
- {subject=asn} Gaji ke-13 sudah cair alhamdulillah
- {subject=kepala_desa} Penyaluran BLT dana desa tahap 3 sesuai data penerima
- {kind=comment} Wah itu politik uang, laporkan saja ke Bawaslu
- {kind=reply} Jangan mau disuap, suaramu tidak dijual
- {kind=share target=Bawaslu: pemberi dan penerima politik uang diancam pidana penjara}
- Program beasiswa Cidar: 500 siswa per tahun dari APBD, kata visi misinya
- Pak Arman janji perbaiki jalan desa kalau terpilih
- Mas Bagus berjanji menurunkan harga pupuk
- Bu Citra janji tambah kuota beasiswa
- Dana kampanye Bagus-Sekar dilaporkan ke KPU sesuai aturan
- Jual kaos polos murah, 30 ribu dapat 2
- Kajian: politik uang merusak demokrasi lokal
- Survei: 30 persen warga pernah ditawari uang saat pemilu
- Rp 50 ribu sekarang cuma dapat apa ya
- Tolak amplop, pilih programnya!
- Doorprize jalan sehat HUT desa: kulkas dan sepeda
- Sembako murah dari Pemkab di Pasar Sukamaju, dibuka Senin
- {phase=quiet subject=relawan} Relawan Baskara: tidak ada bagi-bagi uang, kami taat aturan
- {phase=quiet} Uang kas RT sudah dibagi untuk kegiatan 17an kemarin
- Pemberian uang kepada pemilih adalah pidana, UU 10/2016 Ps 73
`);
