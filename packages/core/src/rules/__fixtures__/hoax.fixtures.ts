import { fixtureBlock } from './rule-fixture.js';

// Invented false claims about the voting process and about candidates, and the fact checks,
// official information and ordinary talk that look like them.
export const HOAX_FIXTURES = fixtureBlock('hoax', { subject: 'other', phase: 'campaign' }, `
+ PENTING!! Pilkada Lembah Harapan diundur ke Desember, sebarkan!
+ Info A1: pemungutan suara ditunda seminggu, KPU belum umumkan
+ Tahun ini boleh coblos dua kali asal bawa 2 KTP
+ Katanya boleh coblos 2 kali di TPS berbeda
+ Surat suara di TPS 05 sudah dicoblos duluan, viralkan!
+ TPS 12 dipindah ke balai desa tanpa pemberitahuan, sebarin ke grup
+ Pengumuman KPU: pencoblosan digeser ke tanggal 30 November
+ Breaking news: pilkada dibatalkan karena anggaran habis
+ Sekarang bisa milih lewat SMS, gak usah ke TPS
+ Coblos online via whatsapp sudah dibuka, klik link ini
+ Warga Sukamaju boleh nyoblos diwakilkan keluarga, info valid
+ Kotak suara sudah diisi sebelum hari H, bocoran orang dalam
+ Surat edaran KPU: pemilih tanpa undangan tidak boleh memilih, teruskan!
+ Copas dari grup sebelah: pemilihan diundur karena banjir
+ p1lk4d4 d1undur, jgn dtg ke TPS bsk
+ Hari H diganti jadi Sabtu, forward ke semua
+ KPU umumkan libur pencoblosan dibatalkan, sebarkan
+ Kertas suara sudah dicoblos nomor 2 di gudang kecamatan
+ Beredar: pemungutan suara ditunda sampai 2025
+ Pemilih lansia boleh coblos lewat sms, info resmi
+ {kind=share target=Pilkada ditunda! Sebarkan sebelum dihapus}
+ {kind=comment} Bener, TPS dipindah ke kecamatan, katanya
+ {kind=reply} Iya coblos dua kali boleh kok, udah dicek
+ {kind=quote target=Jadwal pemungutan suara} Sudah diundur ke Desember, info a1
+ {phase=quiet} Besok pemungutan suara diundur, tidak usah datang ke TPS, sebarkan
+ {phase=voting} Surat suara di TPS 03 sudah tercoblos, viralkan!
+ {subject=asn} Rekan2 guru, pilkada diundur, info valid dari dinas, teruskan
+ {subject=asn} Boleh coblos dua kali lho, sebarkan
+ {subject=tim_kampanye} Pemilih Cidar bisa coblos online, sebarkan!
+ {subject=kepala_desa} Warga Mekarsari, TPS pindah ke Desa Sukamaju, sebarkan info ini
+ Terbongkar! Arman Sasmita ternyata punya istri simpanan, sebarkan sebelum dihapus
+ Terungkap: Bagus Wiratmaja ternyata bukan lulusan SMA, viralkan!
+ Bocoran orang dalam: Bu Citra akan jual aset daerah, sebarkan
+ Skandal Pak Darmawan terbongkar, info A1 dijamin benar
+ Rahasia Mbak Sekar akhirnya terbongkar, forward ke semua grup
+ Ternyata Arina dibiayai bandar judi, info valid sebarkan!
+ Fakta yang disembunyikan: Baskara punya utang 50 M, viralkan
+ Cidar ketahuan bagi uang palsu, sebarin sebelum di hapus
+ Terbongkar! Paslon nomor 1 ternyata didukung mafia tanah, share!
+ Bocor: Bu Rina ternyata tidak punya KTP Lembah Harapan, sebarkan
+ {kind=share target=Terungkap! Citra Maheswari ternyata pernah dipenjara. Sebarkan!}
+ {subject=relawan} Ternyata Pak Arman kabur dari utang, info valid teruskan
+ Pilkada diundur ya guys, info a1 dr kpu
+ pmungutan suara ditunda, penting!!!
+ Pencoblosan diundur jadi tanggal 4 Desember, teruskan ke keluarga
+ Surat suara sudah tercoblos untuk paslon 3, viralkan
+ KPU resmi umumkan pemilih boleh coblos dua kali, share
+ Sebarkan!! TPS di Desa Mekarsari dipindah ke kantor kecamatan
+ Info valid: pemilihan batal karena calon mundur, broadcast
+ Terbongkar, Mas Bagus ternyata WNA, sebarkan ke grup keluarga
// Claims about pre-marked ballots or a moved vote that accuse the organisers of cheating.
+ Surat suara di TPS 3 Sukamulya sudah tercoblos utk paslon 1, KPPS curang!
+ Kotak suara TPS 09 sudah diisi sebelum dibuka, hasilnya sudah diatur KPU
+ Pemungutan suara di Cibening dipindah diam-diam, suara kami dicurangi!
- Cek fakta: pilkada tidak diundur, tetap 27 November 2024
- Hoaks! Tidak benar pemilih boleh coblos dua kali
- KPU: pemungutan suara tetap sesuai jadwal, 27 November 2024
- Klarifikasi KPU: TPS 12 tidak dipindah, tetap di SDN 1
- Waspada pengumuman palsu mengatasnamakan KPU Lembah Harapan
- Jangan percaya pesan berantai soal pilkada ditunda
- {kind=share target=KPU Kabupaten Lembah Harapan: pemungutan suara 27 November 2024 pukul 07.00-13.00}
- Datang ke TPS bawa KTP dan undangan ya, cukup satu kali mencoblos
- Jadwal pemungutan suara: Rabu 27 November 2024
- Simulasi pemungutan suara di Kecamatan Sukamaju berjalan lancar
- PPS Mekarsari: lokasi TPS 04 sesuai undangan, silakan cek di cekdptonline
- Katanya mau hujan besok, bawa payung ya
- Jadwal arisan diundur ke minggu depan
- Rapat RT ditunda karena ketua RT sakit
- Pindah rumah ke Sukamaju, alhamdulillah
- Lomba 17an dibatalkan karena hujan
- Breaking news: timnas menang 2-0 🇮🇩
- Sebarkan kebaikan, bukan kebencian 🙏
- Viralkan warung kopi enak di Mekarsari ini!
- Info lowongan kerja valid, silakan dicek
- Terbongkar rahasia resep sambal Bu Tini 🌶️
- Ternyata Pak Arman hobi memancing, baru tahu
- Ternyata Bu Citra dulu satu SMA dengan ibu saya
- Mas Bagus ternyata pandai main gitar, keren
- Bawaslu mengimbau warga tidak menyebarkan hoaks pilkada
- Berita: polisi tangkap penyebar hoaks pilkada diundur
- Hoaks surat suara tercoblos sudah dibantah KPU
- Tidak benar TPS di Desa Mekarsari dipindah, cek di situs resmi KPU
- Mafindo: klaim coblos online adalah disinformasi
- Klaim Bagus Wiratmaja WNA tidak benar, ini faktanya
- Pak Arman membantah kabar dirinya punya istri simpanan
- Lawan hoaks! Cek dulu sebelum sebar
- {kind=comment} Ini hoaks ya bu, jangan disebar
- {kind=reply} Sudah dicek, itu tidak benar. Jadwal tetap 27 November
- {subject=asn} Rekan2, pastikan info pilkada dari situs resmi KPU ya
- {subject=penyelenggara} Pemilih pindahan silakan urus formulir pindah memilih di PPS
- {subject=penyelenggara} Pemungutan suara ulang di TPS 7 sesuai rekomendasi Bawaslu
- Pindah memilih bisa diurus sampai H-7 di PPS, sesuai aturan KPU
- KPU: surat suara rusak diganti di TPS, lapor ke KPPS
- Penghitungan suara di TPS 01 selesai pukul 16.00
- Hasil hitung cepat jangan dijadikan patokan
- Bocoran jadwal liburan sekolah semester ini
- Sebarkan info donor darah hari Minggu di PMI
- Katanya debat ketiga lebih seru dari sebelumnya
- Pilkada damai, jangan mudah percaya kabar burung
- Ternyata coblos itu artinya tusuk, baru tau 😂
- Copas dari grup sebelah: resep kue lapis
- Hari H pernikahan sepupu diundur ke Desember
- Penting: pemadaman listrik besok jam 09.00-12.00 di Sukamaju
- Rapat pleno rekapitulasi KPU kabupaten dijadwalkan 5 Desember
- Sebarkan: donor darah di balai desa, butuh golongan O
// Complaints and civic reminders about cheating that claim nothing false about the process.
- Sudah nyoblos tadi pagi, semoga tidak ada kecurangan
- Awasi TPS bersama, cegah kecurangan di pilkada Lembah Harapan
- Bawaslu: tidak benar surat suara di TPS 07 sudah tercoblos, tuduhan KPU curang hoaks
- Tim kami dicurangi waktu lomba tujuh belasan, jadwal final diundur panitia
`);
