import { fixtureBlock } from './rule-fixture.js';

// Invented posts of the pair-2 candidate and team during the campaign. Registered with the KPU
// on X: baskara_resmi. Not registered: bagus_wiratmaja (personal) and timbaskara_sukamaju.
export const UNREGISTERED_ACCOUNT_FIXTURES = fixtureBlock('unregistered_campaign_account', { subject: 'candidate', phase: 'campaign', item: { author: { handle: 'bagus_wiratmaja' } } }, `
+ Ayo coblos nomor 2, Bagus-Sekar untuk Lembah!
+ #BaskaraMenang #Coblos2
+ Dukung kami ya, pilih 02 tanggal 27 November ✌️
+ Harapan Baru untuk Lembah! Mari menangkan bersama
+ Salam dua jari dari Mas Bagus ✌️
+ Gaspol Baskara sampai menang!
+ Yuk pilih 2️⃣, demi Lembah yang lebih maju
+ Vote Bagus-Sekar, all in!
+ Hari ini kampanye di Sukamaju, dukung terus Baskara ya
+ Jangan lupa coblos Mas Bagus dan Mbak Sekar
+ Satu putaran untuk Baskara!
+ Pokoknya 02 menyala 🔥
+ d0kung B4sk4r4 ✌️
+ Mohon dukungannya, Bagus-Sekar nomor 2
+ {kind=reply} Siap, coblos nomor 2 ya kak
+ {kind=quote target=Debat kedua} Pilih Bagus-Sekar untuk perubahan!
+ {kind=share target=Ayo menangkan Baskara}
+ {kind=profile} Calon Bupati Lembah Harapan no 2 | #BaskaraMenang
+ {author=timbaskara_sukamaju subject=tim_kampanye} Relawan Sukamaju siap menangkan Baskara!
+ {author=timbaskara_sukamaju subject=tim_kampanye} Ayo pilih 02, kami tim Baskara Sukamaju
+ {author=timbaskara_sukamaju subject=tim_kampanye} #BaskaraMenang dari Kecamatan Sukamaju
+ {author=timbaskara_sukamaju subject=tim_kampanye} Salam dua jari warga Sukamaju ✌️
+ {author=timbaskara_sukamaju subject=tim_kampanye kind=profile} Tim Pemenangan Baskara Kec. Sukamaju | Coblos 02
+ {author=baskara.lembah platform=instagram} Dukung Bagus-Sekar, pilih 02!
+ {author=baskara.official2 platform=facebook} Ayo menangkan Baskara!
+ {author=bagus.wiratmaja platform=facebook} Coblos nomor 2 ya sahabat
+ {author=baskara_resmi platform=instagram} Pilih Mas Bagus! #BaskaraMenang
+ Terima kasih warga Mekarsari, tanggal 27 pilih 02 ya
+ Lanjutkan! Baskara pasti menang
+ Bagus-Sekar siap memenangkan hati warga, dukung kami
+ Kawal suara 02!
+ Mari dukung Mbak Sekar, perempuan hebat untuk Lembah
+ Sukseskan Bagus-Sekar!
+ Ingat, 27 November coblos Baskara
+ Kampanye akbar hari ini, ayo dukung 02 rame-rame
+ {kind=reply} Terima kasih dukungannya, pilih 2 ya
+ Jagoan kita Baskara!! 💪
+ Nomor 2 pilihanku, kamu?
+ Monggo dulur, nyoblos Mas Bagus
+ Hayu urang pilih Baskara
+ The best choice: Bagus-Sekar nomor 2
+ Siap menang! #Coblos2
+ Ayo ajak keluarga pilih 02
+ Mohon doa dan dukungan untuk Baskara
+ Lembah lebih baik bersama Baskara, coblos 2
+ {author=timbaskara_sukamaju subject=tim_kampanye} Posko Baskara buka, ayo dukung 02
+ {author=timbaskara_sukamaju subject=tim_kampanye} Gas terus relawan, Baskara menang!
+ Pilih yang muda, pilih Mas Bagus no 2!
+ Kalian siap coblos 2? ✌️
+ Bersama Baskara, Harapan Baru untuk Lembah
- {author=baskara_resmi} Ayo coblos nomor 2, Bagus-Sekar untuk Lembah!
- {author=baskara_resmi} #BaskaraMenang #Coblos2
- {author=baskara_resmi} Salam dua jari dari Mas Bagus ✌️
- {author=baskara_resmi kind=profile} Akun resmi kampanye Bagus-Sekar no 2
- {author=baskara.official platform=facebook} Dukung Baskara, pilih 02!
- {author=baskara_resmi subject=tim_kampanye} Relawan siap menangkan Baskara
- {author=baskara_resmi} Gaspol Baskara sampai menang!
- {author=baskara_resmi} Yuk pilih 2️⃣
- {author=baskara_resmi kind=reply} Siap, coblos nomor 2 ya kak
- {author=baskara_resmi} Harapan Baru untuk Lembah!
- Selamat hari guru untuk semua guru di Lembah Harapan
- Sarapan bareng keluarga sebelum beraktivitas
- Terima kasih atas doanya 🙏
- Nonton bola dulu malam ini
- Ziarah ke makam ayah hari ini
- Hujan deras, hati2 di jalan ya semua
- Selamat ulang tahun ibu tercinta ❤️
- Ikut senam pagi di alun-alun, sehat!
- Turut berduka atas bencana di Desa Mekarsari
- Bawaslu mengimbau semua paslon kampanye sesuai aturan
- Debat kedua malam ini, semua paslon hadir
- KPU menetapkan jadwal kampanye akbar ketiga paslon
- Siapapun pilihannya, jaga persatuan
- Ayo gunakan hak pilih 27 November
- Akun ini akun pribadi, info kampanye di akun resmi kami
- Laporan dana kampanye sudah diserahkan ke KPU
- Jalan-jalan ke pasar tradisional pagi ini
- Alhamdulillah panen jagung melimpah di Sukamaju
- {kind=comment} Terima kasih pak 🙏
- {kind=reply} Sehat selalu bu
- {phase=quiet} Ayo coblos nomor 2
- {phase=pre_campaign_p0} Kami mendaftar ke KPU hari ini, mohon doa restu
- {phase=counting} Kita tunggu hasil resmi KPU dengan tenang
- {phase=post} Selamat kepada bupati terpilih
- {subject=asn author=yudhapw_guru} Ayo coblos nomor 2
- {subject=other author=warga_biasa} Pilih Baskara!
- {subject=relawan author=relawan_baskara} Ayo coblos 02
- {author=timbaskara_sukamaju subject=tim_kampanye} Rapat koordinasi saksi TPS malam ini
- {author=timbaskara_sukamaju subject=tim_kampanye} Terima kasih warga yang hadir tadi
- {author=timbaskara_sukamaju subject=tim_kampanye} Cuaca cerah hari ini di Sukamaju
- Buka puasa bersama anak yatim hari ini
- Hati2 penipuan mengatasnamakan tim kami, akun resmi hanya @baskara_resmi
- Mas Bagus main futsal bareng pemuda Sukamaju
- Nomor 1 di hati saya: keluarga ❤️
- Selamat Hari Sumpah Pemuda!
- Jam 01.00 baru sampai rumah, capek tapi senang
- Anak saya sudah bisa naik sepeda, 2 hari belajar
- Kopi pagi dulu ☕
- Terima kasih media yang meliput
- Semua paslon sepakat pilkada damai
`);
