import { fixtureBlock } from './rule-fixture.js';

// Invented posts by candidates, their teams and volunteers (default: the pair-2 candidate on
// its registered account, in the quiet period).
export const OFF_SCHEDULE_FIXTURES = fixtureBlock('off_schedule_campaign', { subject: 'candidate', phase: 'quiet' }, `
+ Jangan lupa besok coblos 02 ya! #BaskaraMenang
+ Bismillah, pilih Bagus-Sekar besok di TPS ✌️
+ Ayo menangkan Baskara, satu putaran!
+ Harapan Baru untuk Lembah, dukung kami besok
+ #Coblos2 #BaskaraMenang
+ Salam dua jari untuk warga Lembah Harapan ✌️✌️
+ Mas Bagus siap menang, gaspol sampai hari H!
+ Dukung terus Mas Bagus dan Mbak Sekar 🙏 no 2
+ ayo dukung 0 2, pasti menang
+ Yuk pilih 2️⃣ besok, demi Lembah yang lebih baik
+ Vote Bagus-Sekar tomorrow, all in! 💪
+ Monggo sedulur, besok nyoblos Mas Bagus
+ Hayu urang pilih Baskara!
+ {kind=reply} Siap, coblos nomor 2 besok ya kak
+ {kind=comment} Terima kasih, jangan lupa pilih Bagus-Sekar
+ {kind=share target=Ayo menangkan Baskara di TPS masing-masing}
+ {kind=quote target=Video kampanye Bagus-Sekar} Besok pilih kami ya ✌️
+ {kind=profile} Calon Bupati no 2 | #BaskaraMenang | Pilih Bagus-Sekar
+ {subject=tim_kampanye} Relawan Baskara, pastikan warga coblos 02 besok!
+ {subject=tim_kampanye} Tim pemenangan siap menangkan Bagus-Sekar satu putaran
+ {subject=relawan} Besok pilih Mas Bagus ya warga Sukamaju!
+ {subject=relawan} Gas pol Baskara, menang!
+ {phase=voting} Sudah di TPS? Ayo coblos 02 sekarang!
+ {phase=voting} Hari ini coblos Bagus-Sekar ya, pilih 2 😄
+ {phase=pre_campaign_p1} Sudah resmi no urut 2, ayo dukung Baskara!
+ {phase=pre_campaign_p1} Pilih Mas Bagus nanti ya, #BaskaraMenang
+ {phase=pre_campaign_p1 subject=tim_kampanye} Siap menangkan Bagus-Sekar, ayo rapatkan barisan
+ d0kung B4sk4r4 b350k ✌️
+ pokoknya besok 02 menyala 🔥
+ Besok pastikan pilihanmu Bagus-Sekar
+ Ingat besok coblos Mas Bagus, the best!
+ Sukseskan Bagus-Sekar di TPS besok!
+ Siap memenangkan Baskara besok pagi
+ Kawal suara Baskara sampai menang!
+ Menangkan Harapan Baru untuk Lembah!
+ Ayo dukung Mbak Sekar, perempuan hebat untuk Lembah
+ #BaskaraMenang besok!!
+ Satu putaran untuk Baskara, coblos nomor 2
+ {subject=tim_kampanye} Wajib coblos 02 ya warga RW 05
+ {subject=relawan} Jagoan kita Mas Bagus, pasti menang besok
+ {subject=relawan kind=share target=#BaskaraMenang pilih nomor 2}
+ {phase=voting subject=tim_kampanye} TPS sudah buka, gas coblos 2️⃣
+ Besok ke TPS, coblos no. 2 ya, Bagus-Sekar
+ Mohon doa restu dan dukungannya besok, Bagus-Sekar ✌️
+ Semua warga Sukamaju, besok dukung Baskara!
+ Siap menang! #Coblos2
+ Lanjutkan perjuangan, pilih Bagus-Sekar
+ Mari menangkan Mas Bagus dan Mbak Sekar
+ Baskara pasti menang, ayo ke TPS pilih 02
+ {subject=candidate author=bagus_wiratmaja} Besok coblos 02 ya teman-teman
- {phase=campaign} Jangan lupa 27 November coblos 02 ya! #BaskaraMenang
- {phase=campaign} Ayo menangkan Baskara, satu putaran!
- {phase=campaign} Salam dua jari untuk warga Lembah Harapan ✌️
- {phase=campaign subject=tim_kampanye} Relawan Baskara, pastikan warga coblos 02!
- {phase=campaign subject=relawan} Gas pol Baskara, menang!
- {phase=campaign kind=profile} Calon Bupati no 2 | #BaskaraMenang
- {phase=campaign} Kampanye akbar Bagus-Sekar di alun-alun hari ini, ayo hadir dan dukung
- {phase=campaign} Harapan Baru untuk Lembah, pilih nomor 2
- {phase=campaign} Dukung terus Mas Bagus dan Mbak Sekar 🙏
- {phase=campaign} Yuk pilih 2️⃣ tanggal 27!
- Selamat menjalani masa tenang, mari jaga kondusivitas Lembah Harapan
- Terima kasih relawan atas kerja keras selama kampanye 🙏
- Besok datang ke TPS ya, gunakan hak pilih anda
- Masa tenang, kami menurunkan semua alat peraga sesuai aturan
- Mari doakan pilkada berjalan damai dan jujur
- Siapapun pilihannya, jangan golput besok
- Akun kampanye kami nonaktif selama masa tenang sesuai PKPU
- Istirahat dulu bersama keluarga, terima kasih Lembah Harapan
- Hari ini ziarah ke makam orang tua
- {phase=voting} Sudah mencoblos bersama keluarga di TPS 04, ayo gunakan hak pilih
- {phase=voting} Antre di TPS, suasananya tertib sekali
- {phase=counting} Terima kasih atas dukungan warga, kita tunggu hasil resmi KPU
- {phase=counting} Mari kawal rekapitulasi suara dengan tertib
- {phase=post} Selamat kepada bupati terpilih, mari bangun Lembah bersama
- {phase=pre_campaign_p0} Kami mendaftar sebagai bakal calon ke KPU hari ini
- {phase=pre_campaign_p0} Mohon doa restu untuk pendaftaran kami
- {phase=pre_campaign_p1} Alhamdulillah, mendapat nomor urut 2 dari KPU
- {phase=pre_campaign_p1} Terima kasih KPU atas penetapan pasangan calon hari ini
- {subject=tim_kampanye} Tim Baskara menurunkan baliho di seluruh kecamatan sesuai aturan masa tenang
- {subject=relawan} Masa tenang, relawan Baskara libur dulu, jaga kesehatan
- {subject=relawan} Besok jangan lupa bawa KTP ke TPS ya
- Hari tenang, waktunya refleksi dan doa
- Bawaslu mengingatkan larangan kampanye di masa tenang
- Laporkan jika ada kampanye di masa tenang ke Bawaslu
- Debat paslon sudah selesai, terima kasih semua
- Pesan saya: pilkada damai, jangan terprovokasi
- {kind=comment} Terima kasih doanya pak 🙏
- {kind=reply} Sama-sama bu, sehat selalu
- Selamat hari guru untuk semua guru di Lembah Harapan
- Besok cuaca cerah, semoga partisipasi pemilih tinggi
- Nomor 1 di hati kami adalah keluarga ❤️
- Anak saya ulang tahun ke-2 hari ini ✌️
- Jam 01.00 baru selesai rapat evaluasi, alhamdulillah
- Sarapan bubur ayam dulu sebelum istirahat
- {subject=tim_kampanye} Semua saksi TPS sudah dilatih, siap bertugas netral sesuai aturan
- {subject=candidate author=bagus_wiratmaja} Nonton bola bareng keluarga malam ini
- Kami menghormati masa tenang dan tidak berkampanye
- Semua paslon sepakat menjaga pilkada damai
- Terima kasih media yang meliput perjalanan kami
- {phase=post subject=tim_kampanye} Evaluasi tim setelah pilkada selesai
`);
