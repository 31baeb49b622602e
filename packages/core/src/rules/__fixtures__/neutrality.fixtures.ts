import { fixtureBlock } from './rule-fixture.js';

// Invented posts by neutral-bound subjects (default: an ASN teacher, campaign period).
// Candidates: 1 Arman Sasmita/Rina Kartikasari (ARMAN-RINA, "Arina"), 2 Bagus Wiratmaja/Sekar
// Ayuningtyas (BAGUS-SEKAR, "Baskara"), 3 Citra Maheswari/Darmawan Putra Lesmana (CITRA-DARMA, "Cidar").
export const NEUTRALITY_FIXTURES = fixtureBlock('neutrality', { subject: 'asn', phase: 'campaign' }, `
+ Ayo dukung Pak Arman dan Bu Rina, pasti menang! ☝️
+ Bismillah, 27 November coblos 02 ya bapak ibu guru 🙏
+ #ArmanRinaMenang pokoknya!!
+ Sy dukung bgt Mas Bagus, gk ada lawan 💪
+ d1dukung full sama warga Sukamaju, Bagus-Sekar menanggg
+ Salam dua jari ✌️ buat semua rekan-rekan
+ Yuk menangkan Cidar, Lembah Berdaya!
+ Gaspol Baskara sampai menang! 🔥🔥
+ Pilih Bu Citra, pemimpin yang amanah
+ Mantap, all in buat ARMAN-RINA 1️⃣
+ Lembah Maju Bersama bersama Pak Arman 🙌
+ Jangan lupa coblos nomor 3 ya teman2
+ V0T3 for Bagus Wiratmaja, the best lah pokoke
+ Dukunglah Citra Maheswari jadi bupati, dia peduli guru
+ pokoknya 02 menyala abangku 🔥 #BaskaraMenang
+ Harapan Baru untuk Lembah, sukseskan Mas Bagus!
+ ayo guys support Arina, one round aja satu putaran!
+ Sudah mantap pilihanku: Cidar nomor 3 ✊
+ Kami keluarga besar SDN 2 siap memenangkan paslon nomor urut 2
+ monggo sedulur, milih Mas Bagus wae
+ hayu urang pilih Bu Citra
+ {kind=comment} Setuju, dukung Pak Arman terus!
+ {kind=reply} mantap, gas terus Bagus-Sekar 💪
+ {kind=share target=Ayo coblos 02 Bagus-Sekar untuk Lembah yang lebih baik}
+ {kind=quote target=Jadwal kampanye Cidar hari ini} Hadir dong, dukung Cidar sampai menang
+ {kind=like to=armanrina_resmi}
+ {kind=like to=baskara_resmi platform=x}
+ {kind=comment to=cidar.resmi platform=instagram} Semangat bu!
+ {kind=follow to=armanrina_resmi}
+ {kind=follow to=arinamenang24}
+ {kind=share to=baskara_resmi} 
+ {kind=repost to=cidar_resmi}
+ {kind=profile} #ArmanRinaMenang | Guru | Lembah Harapan
+ {kind=profile} Pendukung setia Mas Bagus ✌️ no 2
+ {media} Foto bareng Pak Arman di acara kemarin, mantap pak!
+ {media} Selfie sama Mbak Sekar tadi pagi ✌️
+ Pasang spanduk Bu Citra di depan rumah, biar tetangga tau 😁
+ Twibbon Baskara sudah kupasang, ayo pakai juga
+ Tadi hadir di deklarasi Arman-Rina, luar biasa semangatnya
+ Sy jadi koordinator relawan Baskara di Kecamatan Sukamaju
+ {kind=profile} Kader Partai Contoh Sejahtera | ASN
+ {phase=pre_campaign_p0} Kumpulkan fotokopi KTP dukungan buat Pak Darmawan ya
+ Pakai mobil dinas ke kampanye Mas Bagus, biar cepat
+ Ayo rekan2 guru hadir kampanye akbar Cidar besok
+ Bansos ini dari Pak Arman, ingat nomor 1 ya warga
+ {subject=pppk} Dukung Bagus-Sekar! no 2 the best
+ {subject=ptt} Ayo pilih Bu Citra, 3 periode juga boleh 😆 #CidarPastiMenang
+ {subject=tni} Salam satu jari ☝️ Pak Arman!
+ {subject=polri kind=like to=baskara_resmi}
+ {subject=penyelenggara} Kalau saya sih pilih Mas Bagus
+ {subject=kepala_desa} Warga desa Mekarsari siap menangkan Arman-Rina!
+ {subject=perangkat_desa kind=share target=Ayo dukung Cidar, Lembah Berdaya}
+ {phase=quiet} Besok jangan lupa coblos 01 ya ☝️
+ {phase=voting} Sudah nyoblos 2️⃣ dong hehe
+ {phase=pre_campaign_p0} Mas Bagus layak jadi bupati, dukung!
+ aq dukung bu c1tr4 m4h3sw4r1 100%
+ PILIH PAK DARMAWAN!!! 🔥🔥🔥
+ {kind=comment} cidar pasti menang lah, yg lain lewat
+ {phase=pre_campaign_p0} Bismillah, hari ini ambil formulir pendaftaran bakal calon bupati di DPC Partai Rakyat Contoh
+ {phase=pre_campaign_p0} Siap maju pilkada, mohon restu, sudah ikut uji kelayakan di partai
+ Tadi jadi narasumber di rapat kerja DPC Partai Persatuan Contoh, materinya soal pendidikan
+ Alhamdulillah dipercaya jadi pemateri di muscab partai kemarin
+ {subject=candidate author=baskara_resmi} Para kades se-Kecamatan Sukamaju siap menangkan Bagus-Sekar, gabung tim pemenangan!
+ {subject=tim_kampanye author=baskara_resmi} Guru-guru ASN ikut jadi relawan Baskara, ayo dukung 02!
// A candidate who brings a subdistrict head into the campaign.
+ {subject=candidate author=baskara_resmi} Pak Camat Sukamaju ikut turun kampanye bersama kami, ayo menangkan 02!
// A civil servant at the campaign of a spouse who is a candidate; a soldier reacting to a quick count.
+ Mendampingi suami tercinta Pak Arman kampanye akbar di Lapangan Sukamaju 💙
+ {subject=pppk} Menemani istri saya Bu Citra blusukan ke Pasar Cibening
+ {subject=tni phase=voting} Quick count 02 unggul jauh, mantap 🔥
+ {subject=tni phase=counting} Alhamdulillah hasil hitung cepat menang telak, selamat Bu Citra
- Bawaslu mengimbau ASN netral dalam Pilkada Lembah Harapan
- ASN dilarang mendukung paslon, tetap netral ya rekan2
- Debat paslon malam ini di TVRI jam 19.00
- KPU menetapkan nomor urut: 1 Arman-Rina, 2 Bagus-Sekar, 3 Citra-Darma
- {kind=share target=KPU Kabupaten Lembah Harapan: pemungutan suara 27 November 2024, datang ke TPS bawa KTP dan undangan}
- {kind=share target=Jangan lupa gunakan hak pilih anda pada 27 November, siapapun pilihannya}
- Siapapun yang menang, ayo jaga kondusivitas Lembah Harapan
- Lapor @bawaslu_lh, ada oknum guru posting "ayo coblos 02" di grup sekolah
- Miris, ada ASN ikut kampanye Pak Arman, ini pelanggaran kan?
- Berita: Pak Arman kunjungi pasar Sukamaju, dilansir dari Lembah Pos
- Hati2 di jalan, hujan deras sore ini
- Juara 1 lomba baca puisi tingkat kabupaten, bangga sama murid2
- Anak saya ranking 2 di kelas, alhamdulillah
- Jadwal piket guru: Senin no 1 Bu Sari, Selasa no 2 Pak Joko
- Pak Arman itu nama tetangga saya, bukan yang calon itu 😂
- Nasi goreng di warung Bu Rina enak bgt
- Bagus banget hasil panen tahun ini ✌️
- Pemandangan sore ini bagus ✌️😊
- Ikut lomba 17an, dapat juara 3 ☝️
- {kind=like to=kpu_lembahharapan}
- {kind=follow to=bawaslu_lembahharapan}
- {kind=like to=pemkab_lembahharapan}
- {kind=comment to=kpu_lembahharapan} Terima kasih infonya min
- {kind=share to=kpu_lembahharapan} Simak tahapan Pilkada 2024
- Hari ini rapat dinas membahas jadwal ujian semester
- Guru wajib netral, jangan ikut-ikutan kampanye ya
- Sosialisasi netralitas ASN di aula kantor bupati hari ini
- Saya netral, tidak mendukung paslon manapun
- Sebagai ASN saya tidak boleh dukung siapa pun, mohon maaf
- Hasil pengundian nomor urut paslon sudah keluar, cek di laman KPU
- Quick count jangan dijadikan patokan, tunggu hasil resmi KPU
- Siapa pun pemenangnya nanti, semoga amanah
- Partisipasi pemilih harus naik, jangan golput!
- Selamat hari guru nasional untuk semua rekan 🙏
- {kind=profile} Guru SMPN 3 Lembah Harapan | Pecinta kopi
- {kind=profile} ASN | Ayah dua anak | Netral
- Foto bersama murid kelas 9 saat perpisahan
- Pasang spanduk lomba 17 Agustus di balai desa
- Ayo dukung timnas Indonesia malam ini! 🇮🇩
- Ayo pilih menu makan siang: bakso atau soto?
- Coblos balon 5 kali di acara ultah anak, seru
- {phase=post} Selamat kepada bupati terpilih, mari bersatu membangun Lembah Harapan
- Ada yang tahu kenapa Pak Arman tidak hadir debat kemarin?
- Katanya mobil dinas dilarang dipakai kampanye, betul?
- Wah postingan ini melanggar netralitas, saya laporkan ke Bawaslu
- "Ayo pilih 02" itu kalimat yang tidak boleh ditulis ASN, hati-hati ya
- {subject=tni} Prajurit TNI harus netral dalam pilkada, tidak berpolitik praktis
- {subject=polri} Polres Lembah Harapan siap amankan pemungutan suara
- {subject=kepala_desa} Warga Mekarsari, ayo datang ke TPS, gunakan hak pilih
- {subject=penyelenggara} Rekapitulasi suara tingkat kecamatan dimulai pukul 09.00
- {subject=ptt} Libur dulu, jalan2 ke pantai bareng keluarga ✌️
- {phase=before_p0} Dukung Pak Arman jadi ketua RT lagi!
- Nonton debat ketiga paslon malam ini, semua punya program bagus
- Saya menolak mendukung calon mana pun selama jadi ASN
- KPU: surat suara sudah didistribusikan ke 350 TPS
- Jadi narasumber pelatihan guru penggerak di dinas pendidikan
- {phase=pre_campaign_p0} KPU membuka pendaftaran bakal calon bupati mulai hari ini
- Partai Contoh Sejahtera menggelar musda, ramai diberitakan
- {subject=candidate author=baskara_resmi} Terima kasih para guru, pahlawan tanpa tanda jasa
- {subject=candidate author=baskara_resmi} Program kami: tunjangan guru honorer naik, pilih 02
// A subdistrict (kecamatan) or urban village (kelurahan) is a place, not the official who heads it.
- {subject=candidate author=baskara_resmi} Terima kasih relawan Kecamatan Sukamaju 💙 Harapan Baru untuk Lembah #BaskaraMenang
- {subject=tim_kampanye author=baskara_resmi} Relawan Kelurahan Mekarsari siap bergerak, Harapan Baru untuk Lembah! #BaskaraMenang
// A spouse outside any campaign; a soldier reminding that quick counts are not the result.
- Jalan-jalan sama suami ke pasar Sukamaju, ramai sekali
- Suami saya nonton debat Pak Arman di TV semalam
- {subject=tni phase=voting} Hasil quick count bukan hasil resmi, tunggu rekapitulasi KPU ya
- {subject=tni phase=voting} Siapapun yang unggul di quick count, jaga kondusivitas dan tunggu hasil resmi
- {subject=tni phase=voting} Qc pilkada disiarkan TV lokal sore ini, pantau dari rumah saja
`);
