import { fixtureBlock } from './rule-fixture.js';

// Held-out round (issue 14): soft support, prayers for a (bakal) calon, sympathy for a pair and
// membership of groups named for a pair, by people bound to neutrality; written before the
// lexicons were tuned and split into tune and test by `heldOutSplit`.
export const NEUTRALITY_HELD_OUT = fixtureBlock('neutrality', { subject: 'asn', phase: 'campaign' }, `
// prayers and soft support
+ Semoga Pak Arman menang, aamiin ya Allah
+ Doakan Mas Bagus diberi kelancaran sampai hari H
+ Saya dukung Bu Citra, beliau orang baik
+ Kami bersama Bagus Wiratmaja sampai akhir
+ Insya Allah Arman Sasmita amanah memimpin Lembah
+ Ya Allah, menangkan Citra Maheswari di pilkada ini
+ Bismillah, hati ini sudah mantap ke paslon nomor 2
+ Pilihan hati saya jatuh ke Bu Citra dan Pak Darmawan
+ Sehat selalu Pak Arman, semoga sukses jadi bupati
+ Kasihan Mas Bagus difitnah terus, saya tetap percaya beliau
+ Sedih lihat Bu Citra diserang, semangat Bu, kami di belakangmu
+ Semoga Allah mudahkan langkah Bagus dan Sekar menuju kemenangan
+ Titip doa untuk Pak Arman dan Bu Rina, semoga terpilih
+ Saya pribadi condong ke Cidar, programnya masuk akal
+ Hati kecil saya bilang Baskara yang terbaik
+ Terus berjuang Bu Citra, rakyat kecil menunggumu
+ Mohon doanya untuk kemenangan Arina
+ Saya yakin Mas Bagus orang yang tepat untuk Lembah
+ Kalau saya sih tim Pak Arman, hehe
+ Semangat Pak Darmawan! Kami mendoakan dari jauh
+ Semoga terpilih Bu Citra, biar jalan desa kami diperbaiki
+ Pak Arman panutan saya, semoga menang telak
+ Doa terbaik untuk calon nomor 3, semoga amanah dan menang
+ Dalam hati sudah pasti nomor 1, tapi ssst 🤫
// bakal calon, before the pairs are set
+ {phase=pre_campaign_p0} Semoga Pak Arman dapat rekomendasi partai, aamiin
+ {phase=pre_campaign_p0} Doakan Mas Bagus lolos jadi bakal calon bupati
+ {phase=pre_campaign_p0} Saya dukung Bu Citra maju di pilkada Lembah
+ {phase=pre_campaign_p0} Kami bersama Arman Sasmita, maju terus Pak
+ {phase=pre_campaign_p1} Semoga Bagus dan Sekar ditetapkan KPU, lanjut menang
+ {phase=pre_campaign_p1} Ya Allah, lancarkan pencalonan Citra Maheswari
// membership of groups named for a pair
+ Alhamdulillah resmi bergabung dengan Relawan Baskara Kecamatan Sukamaju
+ Rapat perdana Sahabat Arman di rumah saya malam ini
+ Saya dipercaya jadi sekretaris tim pemenangan Cidar tingkat desa
+ Bangga jadi bagian dari Sahabat Citra, siap bergerak
+ Kopdar Relawan Arina se-kecamatan, seru sekali
+ {kind=membership to=arinamenang24}
+ Ikut grup WA Barisan Pendukung Bagus, ayo gabung yang mau
+ Kaos Relawan Cidar sudah sampai, siap dipakai minggu depan
+ Malam ini konsolidasi Laskar Baskara di balai desa
+ Jadi admin grup Sahabat Arman Sasmita, yang mau masuk japri ya
+ {kind=profile} Guru SD | Relawan Cidar | Lembah Berdaya
+ {kind=profile} Anggota Tim Pemenangan Baskara Kecamatan Sukamaju
+ Terpilih jadi koordinator Relawan Arina Desa Mekarsari
+ Pelantikan Sahabat Bagus tingkat kabupaten, saya hadir sebagai pengurus
// sympathy for a pair, leetspeak
+ s3m0g4 P4k Arm4n m3n4ng
+ d0akan M4s B4gus y4
+ S4y4 duk*ng Bu Citra
+ semogaaa menanggg Bu Citraaa
+ Kami b.e.r.s.a.m.a Bagus Wiratmaja
+ {kind=comment} Aamiin, semoga Pak Arman yang terpilih
+ {kind=reply} Saya juga dukung Mas Bagus, semoga menang
+ {kind=quote target=Bagus Wiratmaja blusukan ke pasar Sukamaju} Semoga menang Mas, kami mendoakan
+ {subject=pppk} Semoga Bu Citra menang, guru honorer menanti janjinya
+ {subject=ptt} Doakan Pak Arman terpilih ya teman-teman
+ {subject=tni} Semoga Mas Bagus menang, aamiin
+ {subject=polri} Kami bersama Bu Citra dan Pak Darmawan
+ {subject=kepala_desa} Warga desa kami mendoakan kemenangan Pak Arman
+ {subject=penyelenggara} Saya pribadi dukung Bagus Wiratmaja, semoga menang
+ {subject=perangkat_desa} Semangat Bu Citra, semoga terpilih
+ {subject=asn phase=quiet} Besok semoga Pak Arman menang ya Allah
+ {subject=asn phase=counting} Semoga hasil akhirnya Mas Bagus menang, aamiin
// neutral, civic, news, other people's prayers
- Semoga pilkada Lembah Harapan berjalan damai dan lancar
- Doakan semua petugas KPPS sehat sampai penghitungan selesai
- Siapa pun yang menang, semoga amanah memimpin Lembah
- Saya ASN, saya netral. Gunakan hak pilih sesuai hati nurani
- Semoga anak saya menang lomba cerdas cermat besok
- Doakan tim voli desa menang di final kabupaten
- Kami bersama korban banjir di Desa Mekarsari, ayo donasi
- Saya dukung program imunisasi anak di puskesmas
- Bagus Wiratmaja hadir di debat publik kedua menurut berita
- Jadwal kampanye Pak Arman hari ini di Kecamatan Sukamaju menurut KPU
- Bawaslu mengingatkan ASN dilarang ikut grup relawan paslon
- Relawan PMI membantu warga terdampak longsor
- Relawan pengajar mengisi kelas inspirasi di SD Mekarsari
- Sahabat Literasi Desa membuka taman baca baru
- Tim pemenangan lomba desa sehat mulai bekerja minggu ini
- Semoga menang undian jalan sehat, hadiahnya sepeda motor
- Debat ketiga paslon malam ini, silakan tonton dan nilai sendiri
- Informasi: KPU menetapkan tiga pasangan calon bupati Lembah Harapan
- Guru wajib netral selama pilkada, jangan unggah dukungan ke calon
- Kami bersama menjaga netralitas ASN di Lembah Harapan
- Doa bersama lintas agama untuk pilkada damai
- Sedih lihat jalan desa rusak, semoga segera diperbaiki dinas
- Semoga sehat selalu ibu bapak guru yang bertugas di TPS
- Ayo cek DPT online, pastikan namamu terdaftar
- Mohon doanya, ibu saya sedang dirawat di rumah sakit
- Sahabat Arman? Itu nama grup alumni SMA kami, bukan politik
- Saya pribadi lebih suka kopi tanpa gula
- Dalam hati saya cuma ingin pilkada cepat selesai dan aman
- Kasihan petugas kebersihan harus membersihkan sampah baliho
- {kind=comment} Aamiin, semoga pilkada damai
- {kind=reply} Siapa pun pilihannya, jangan golput ya
- {kind=quote target=Pak Arman berkampanye di lapangan Sukamaju} Berita kampanye hari ini, cek jadwal lengkap di laman KPU
- {kind=share target=KPU umumkan jadwal debat ketiga paslon}
- {kind=profile} Guru SD | Pecinta kopi | ASN netral
- {subject=tni} Prajurit TNI wajib netral dalam pilkada, jaga kondusivitas
- {subject=polri} Polres siap mengamankan kampanye ketiga paslon
- {subject=kepala_desa} Desa kami siap menyukseskan pilkada damai
- {subject=penyelenggara} Semua paslon mendapat kesempatan yang sama di debat
- {subject=ptt} Semoga gaji honorer segera naik, aamiin
- {phase=pre_campaign_p0} KPU membuka pendaftaran bakal calon bupati minggu depan
- {phase=pre_campaign_p0} Ada tiga nama yang disebut akan maju di pilkada Lembah
- {phase=quiet} Masa tenang, mari jaga suasana tetap sejuk
- {phase=counting} Tunggu hasil resmi KPU, jangan percaya klaim kemenangan
- Selamat kepada Relawan Bencana Lembah atas penghargaan dari bupati
- Sahabat Difabel Lembah menggelar pelatihan menjahit
- Grup WA alumni SMA Sukamaju reuni akbar bulan depan
- Semoga hujan reda, mau jemput anak sekolah
- Kami bersama keluarga berlibur ke pantai selatan
- Doakan saya lulus seleksi PPPK tahun ini
- Saya dukung penuh kebijakan sekolah bebas asap rokok
- Semangat adik-adik yang ujian nasional besok
- Lomba mewarnai untuk anak-anak di halaman kantor desa
- Ketiga paslon diundang ke acara doa bersama ulama
- Bupati yang terpilih nanti semoga memperhatikan guru honorer
- Apapun pilihannya, tetap saudara, jangan bertengkar karena pilkada
- s3m0g4 p1lk4d4 d4m41 d4n l4nc4r
- Ikut grup WA pecinta burung kicau Lembah, seru
- Koordinator lomba tujuh belasan tingkat RT sudah dipilih
- Rapat perdana panitia pernikahan adik saya malam ini
- Bergabung dengan komunitas lari Sukamaju, ayo olahraga
- Bangga jadi bagian dari paduan suara gereja kami
`);
