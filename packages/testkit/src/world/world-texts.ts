// Background posts: everyday Indonesian social-media talk with slang and emoji, and deliberately
// nothing about candidates, parties, votes or money, so any finding on them is a false positive.

export const BACKGROUND_TEXTS = [
  'Pagi2 udah hujan deres aja 🌧️ hati2 di jalan ya gaes',
  'Alhamdulillah panen jagung tahun ini lumayan 🌽🙏',
  'Kopi susu gula aren + pisang goreng = mood booster ☕😋',
  'Jalan ke {village} udah mulus, makasih bapak2 yang kerja bakti kemarin 👍',
  'Selamat Hari Guru utk semua guru hebat di Lembah Harapan 🙏',
  'Posyandu bulan ini di balai desa {village}, jgn lupa bawa buku KIA ya bun',
  'Wkwk si kucing tidur di atas laptop lagi 🐱💻',
  'Lomba 17an RT 03 seru bgt, panjat pinang paling rame 🇮🇩',
  'Info: pemadaman listrik bergilir hari Sabtu jam 09.00-12.00 di {district}',
  'Gotong royong bersihin saluran air biar gak banjir pas musim hujan 💪',
  'Mantul nih bakso pojokan pasar, kuahnya seger 🍜',
  'Anak2 latihan drumband buat karnaval kecamatan, semangat ya nak 🥁',
  'Olahraga pagi keliling lapangan, lumayan 5 km 🏃',
  'Rapat koordinasi kegiatan kantor berjalan lancar, terima kasih semuanya',
  'Sedang ada vaksinasi gratis di puskesmas {district}, yuk manfaatkan 💉',
  'Hari ini sharing soal literasi digital ke adik2 SMP, seru! 📚',
  'Macet dikit di simpang tiga, ada perbaikan jembatan 🚧',
  'Jumat berkah, berbagi nasi kotak di masjid {village} 🤲',
  'Bibit cabai udah tumbuh, semoga harga cabai stabil 🌶️',
  'Selamat ulang tahun Kabupaten Lembah Harapan! Makin maju, makin sejahtera 🎉',
  'Kemarin mancing di waduk dapet nila 3 ekor 🎣 lumayan buat lauk',
  'Pelatihan UMKM batik tulis di aula kecamatan, produk warga keren2 👏',
  'Jangan lupa bayar PBB sebelum jatuh tempo ya warga {village}',
  'Siskamling malam ini giliran RT 05, siap jaga kampung 🔦',
] as const;

/** Bios for generated accounts, by kind of owner. */
export const BIO_TEXTS = {
  neutral: ['Abdi negara | Lembah Harapan', 'Pelayan masyarakat 🙏', 'Suka kopi & sepak bola', 'Hidup sederhana, kerja ikhlas', 'Akun pribadi, bukan akun dinas'],
  desa: ['Akun resmi Pemerintah Desa {village}', 'Info kegiatan Desa {village}', 'Membangun desa bersama warga'],
  campaign: ['Bersama membangun Lembah Harapan', 'Relawan untuk perubahan', 'Suara rakyat Lembah'],
  other: ['Warga Lembah Harapan', 'Pecinta kuliner lokal', 'Info seputar Lembah Harapan'],
} as const;
