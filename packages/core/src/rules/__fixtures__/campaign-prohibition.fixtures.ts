import { fixtureBlock } from './rule-fixture.js';

// Invented campaign posts that break the prohibitions of UU 8/2015 Ps 69 a, h, i and UU 10/2016
// Ps 71, and their look-alikes (written beside the rules: in-sample).
export const CAMPAIGN_PROHIBITION_FIXTURES = fixtureBlock('campaign_prohibition', { subject: 'tim_kampanye', phase: 'campaign' }, `
// kampanye.pancasila
+ Pancasila sudah usang, kalau Baskara menang kita ganti dasar negara
+ Pilih nomor 2, saatnya tolak Pancasila yang thaghut itu
+ Pancasila produk kafir, Bu Citra akan tegakkan khilafah di Lembah
+ {subject=candidate} Pembukaan UUD 1945 tidak relevan lagi, kami akan mengubahnya
+ {subject=relawan} Buang Pancasila, coblos Arina untuk sistem yang baru
+ {subject=other} Dasar negara kita gagal, dukung Pak Arman ganti ideologi negara
+ Pancasila itu berhala, pendukung Cidar jangan hormat pada garuda pancasila
+ Ideologi negara sudah mati, Mas Bagus satu-satunya harapan
+ {kind=comment} Betul, Pancasila harus dihapus, menangkan nomor 3
+ {subject=candidate kind=reply} Pancasila tidak wajib diikuti, yang penting program kami
+ {kind=share target=Pancasila sistem kufur, coblos nomor 1 untuk perubahan total}
+ Sila pertama saja tidak perlu, Baskara akan menggantinya
// kampanye.tempat_ibadah_pendidikan
+ Habis jumatan kami bagikan kalender Cidar nomor 3 di masjid agung
+ Alhamdulillah kampanye Pak Arman di halaman SD Negeri 2 Sukamaju ramai
+ Tim kami sebar stiker Baskara di gereja sesudah kebaktian minggu
+ {subject=candidate} Sosialisasi visi misi Bu Citra di pondok pesantren Al Hikmah malam ini
+ {subject=relawan} Kaos Arina dibagikan ke santri madrasah, pilih nomor 1 ya
+ Live dari mimbar masjid: ustaz ajak jamaah coblos Mas Bagus
+ {subject=other} Pak guru ajak murid di ruang kelas dukung Bu Citra
+ Orasi Pak Darmawan di aula kampus negeri, mahasiswa antusias
+ Spanduk Baskara dipasang di pagar sekolah dasar Mekarsari
+ {kind=comment} Tadi di musala juga dibagi brosur Pak Arman
+ Siaran langsung kampanye Cidar dari halaman sekolah, saksikan
+ {subject=candidate} Deklarasi dukungan untuk Arman di pelataran masjid raya
+ Brosur nomor 2 dititip di klenteng dan vihara kota
// kampanye.fasilitas_pemerintah
+ Kampanye Pak Arman pakai mobil dinas pemkab, hemat bensin
+ Rombongan relawan Baskara diangkut bus sekolah ke lokasi kampanye
+ {subject=candidate} Terima kasih kepala dinas, aula kantor dinas dipakai sosialisasi Cidar
+ Konsolidasi tim Bu Citra di pendopo kabupaten malam ini
+ {subject=relawan} Kaos Arina dibagikan di balai desa, pakai dana desa
+ Ambulans desa bawa spanduk Mas Bagus ke lapangan kampanye
+ {subject=other} Mobil plat merah bawa baliho Pak Arman tadi pagi
+ Rapat pemenangan Cidar di kantor kecamatan, semua camat hadir
+ Baliho Baskara dicetak pakai apbd, rakyat yang bayar
+ {kind=comment} Itu kaos nomor 1 dibagikan dari rumah dinas wakil bupati
+ {subject=candidate} Sosialisasi program Citra di gedung dprd kemarin sukses
+ Kampanye Arina pakai akun resmi pemkab, jangkauan luas
+ Stiker Mas Bagus ditempel di kendaraan dinas puskesmas
// petahana.program
+ {subject=candidate} Bansos beras tahun ini dari Pak Arman, jangan lupa pilih nomor 1
+ Paket sembako pemkab ada stiker Arina, titipan Pak Arman
+ {subject=candidate} Program bedah rumah dilanjutkan kalau Pak Arman dua periode
+ Beasiswa pemkab dibagikan dengan foto Arman Sasmita di sampulnya
+ {subject=candidate} Camat yang tidak mendukung Arman sudah dimutasi
+ Kartu Lembah Sehat ada logo ARMAN-RINA, ingat coblos nomor 1
+ {phase=pre_campaign_p0 subject=candidate} Pupuk subsidi dari bupati Arman, balas budi nanti di TPS
+ {phase=pre_campaign_p1} Bantuan pemkab dibagi atas nama Pak Arman, lanjutkan!
+ {subject=candidate} Insentif RT naik berkat Pak Arman, dukung periode kedua
+ Dana hibah masjid cair dari Arman Sasmita, terima kasih Pak, lanjutkan
+ {subject=candidate} Kepala dinas yang bukan pendukung Arina akan diganti
+ BLT dibagikan dengan stiker Arina di kantong, coblos nomor 1
// look-alikes: civic talk, news, lawful places, lawful programmes, notices
- Hari lahir Pancasila, mari amalkan nilai-nilainya bersama
- Pancasila harga mati, NKRI harga mati
- Diskusi pendidikan Pancasila di kampus dibuka untuk umum
- Ketiga paslon berjanji menjaga Pancasila dan UUD 1945
- Tolak khilafah, jaga Pancasila, pilkada damai
- {subject=candidate} Kami setia pada Pancasila dan Pembukaan UUD 1945
- Sejarah perumusan Pancasila dibahas di kelas
- Bawaslu: dilarang kampanye yang mempersoalkan Pancasila
- {subject=other} Lomba cerdas cermat Pancasila antar SMP
- {subject=relawan} Garuda Pancasila, aku lah pendukungmu, lagu wajib di acara kami
- Pak Arman salat jumat di masjid agung bersama warga
- Bu Citra menghadiri misa natal sebagai tamu, tanpa atribut kampanye
- {subject=candidate} Mengajar di kelas inspirasi SD Mekarsari, senang bertemu murid
- Mas Bagus bersilaturahmi ke pondok pesantren, mendengar keluhan santri
- Kampanye Cidar di lapangan Sukamaju sore ini, semua diundang
- Tim Baskara bagikan kalender di pasar pagi
- {subject=other} Masjid agung gelar pengajian akbar malam ini
- Dilarang kampanye di tempat ibadah dan sekolah, kata Bawaslu
- {kind=comment} Jangan bagi brosur di masjid, itu melanggar aturan
- Sekolah diliburkan pada hari pemungutan suara
- Kampanye Pak Arman di gedung serbaguna milik swasta
- Rombongan relawan Baskara naik bus sewaan ke lokasi kampanye
- {subject=candidate} Sosialisasi Cidar di rumah warga Desa Mekarsari
- Bawaslu temukan mobil dinas dipakai kampanye, akan ditindak
- Balai desa jadi lokasi TPS 03 Mekarsari
- {subject=other} Kantor kecamatan buka pelayanan KTP hari Sabtu
- Puskesmas Sukamaju buka layanan vaksin gratis
- Apbd 2025 dibahas DPRD minggu depan
- Pendopo kabupaten jadi tempat pameran UMKM
- {kind=comment} Laporkan ke Bawaslu kalau ada kendaraan dinas dipakai kampanye
- Dana desa dipakai membangun jembatan Mekarsari
- Kampanye Bu Citra di lapangan, parkir motor di halaman warga
- {subject=candidate} Bansos disalurkan dinas sosial sesuai data, tanpa atribut paslon mana pun
- Sembako murah dari koperasi desa, bukan dari paslon
- Program bedah rumah pemkab dilanjutkan tahun depan menurut dinas
- {subject=candidate} Kami tidak akan memakai program pemkab untuk kampanye
- BLT tahap tiga cair minggu ini, cek nama di kantor desa
- Beasiswa daerah dibuka, syarat lengkap di laman resmi pemkab
- {subject=other} Bawaslu awasi penyaluran bansos menjelang pilkada
- Pupuk subsidi langka, petani mengeluh ke dinas pertanian
- Mutasi pejabat dilarang 6 bulan sebelum penetapan, kata Bawaslu
- {subject=candidate} Pak Arman cuti kampanye, tugas bupati dijalankan plh
- Kartu sehat bisa dipakai di semua puskesmas kabupaten
- Hibah untuk rumah ibadah diumumkan di laman pemkab
- {phase=pre_campaign_p0 subject=candidate} Bupati meresmikan jembatan baru bersama warga
- {subject=tim_kampanye} Paslon kami menolak politisasi bansos
- Insentif guru ngaji cair bulan ini, alhamdulillah
- Kelas memasak untuk ibu-ibu PKK di balai warga
- {subject=relawan} Relawan Baskara bersih-bersih sungai, tanpa atribut
- Kebaktian minggu di gereja berjalan khidmat
`);
