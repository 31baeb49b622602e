import { fixtureBlock } from './rule-fixture.js';

// Invented hostile posts on SARA grounds (⚠ sensitive on purpose) and their look-alikes.
export const HATE_SPEECH_FIXTURES = fixtureBlock('hate_speech', { subject: 'other', phase: 'campaign' }, `
+ Usir semua orang cina dari Lembah Harapan!
+ Kaum pendatang itu sampah, usir dari kampung kita
+ Basmi kafir dari tanah ini
+ Orang Madura itu hama, harus disingkirkan
+ Bantai saja para penganut syiah itu
+ Ahmadiyah sesat, bakar masjidnya!
+ Etnis tionghoa parasit ekonomi, boikot tokonya
+ Pribumi harus bangkit, usir aseng!
+ Orang Papua monyet, pulang ke hutan sana
+ Kristen di desa ini jangan diberi tempat, usir!
+ Umat agama lain najis, jangan bergaul
+ Ganyang cina!!! 🔥
+ Kaum minoritas tidak pantas hidup di sini
+ orang batak kasar semua, singkirkan dari kantor
+ Muslim radikal semua, musnahkan
+ Habisi kaum pendatang, mereka rampas tanah kita
+ Sunda vs Jawa, serang kampung mereka malam ini
+ Penganut kepercayaan itu kafir, halal darahnya
+ Warga keturunan arab itu penyakit, usir
+ Orang Bugis pencuri semua, buang ke laut
+ Dayak biadab, perangi!
+ cina2 itu hrs di usirrr dr sini
+ 0r4ng c1n4 b4ng54t, b4sm1!
+ Kafir2 di kompleks sebelah, ayo kita serang
+ Kaum LGBT sampah masyarakat, musnahkan
+ Difabel itu beban, singkirkan dari lowongan kerja
+ Perempuan tidak layak jadi pemimpin, usir dari kantor
+ Orang Ambon tukang rusuh, usir dari kota
+ #UsirCina dari Lembah Harapan
+ Minang pelit, boikot semua rumah makannya
+ Umat Hindu di sini harus enyah
+ Orang Jawa penjajah, usir dari tanah kami
+ Madura pulang ke pulau sana, jangan kasih tempat
+ {kind=comment} Betul, cina harus dibasmi
+ {kind=reply} Kafir memang pantas dibunuh
+ {kind=share target=Usir para pendatang dari Desa Mekarsari sekarang juga}
+ {kind=quote target=Vihara baru dibangun di Sukamaju} Bakar saja vihara kaum buddha itu
+ {subject=asn} Kaum kafir tidak boleh dikasih jabatan, singkirkan
+ {subject=tim_kampanye} Pendatang itu hama, usir dari Lembah
+ {subject=relawan} Orang tionghoa jangan diberi tempat di Lembah Harapan
+ {subject=candidate} Etnis pendatang itu penyakit daerah kita
+ {subject=tni} Syiah sesat, bantai saja
+ {subject=kepala_desa} Warga Kristen dilarang tinggal, usir dari desa
+ {phase=quiet} Usir cina sebelum hari pencoblosan!
+ {phase=post} Kaum pendatang biang kerok, basmi
+ {kind=profile} Benci cina sampai mati 🔥
+ Penganut agama lain itu binatang, bunuh saja
+ Orang kulit hitam monyet semua
+ Suku pendatang layak dibasmi dari pasar
+ Kaum buddha tidak pantas hidup di kampung ini
// Exclusion on SARA grounds: refusing or demanding a leader for religion, ethnicity or descent.
+ Jangan pilih pemimpin kafir, Lembah harus dipimpin orang kita sendiri
+ Haram memilih calon non muslim, camkan itu!
+ Lembah Harapan harus dipimpin pribumi, bukan keturunan cina
+ Jangan mau dipimpin pendatang, tanah ini milik orang asli
+ {kind=comment} Tolak pemimpin kristen di kabupaten kita!
- Stop rasisme terhadap orang Papua, kita semua bersaudara
- Tolak ujaran kebencian terhadap etnis Tionghoa
- Polisi tangkap penyebar ujaran kebencian terhadap umat Kristen
- Bhinneka Tunggal Ika, Jawa Sunda Batak Papua semua saudara
- Jangan terprovokasi isu SARA jelang pilkada
- Kami mengecam pembakaran rumah ibadah di kabupaten sebelah
- Seminar toleransi antarumat beragama di aula kampus
- Usir tikus dari gudang beras pakai cara ini
- Basmi hama wereng di sawah dengan pestisida alami
- Bakar sampah sembarangan bisa kena denda
- Resep rendang Minang yang enak banget
- Festival budaya Dayak digelar di alun-alun
- Orang Madura terkenal pekerja keras dan ulet
- Perayaan Imlek warga Tionghoa di klenteng Sukamaju meriah
- Umat Hindu merayakan Nyepi dengan khidmat
- Gereja dan masjid bersebelahan di Desa Mekarsari, indahnya toleransi
- Perempuan hebat! Bu kades kita juara lomba desa
- Lowongan kerja ramah disabilitas di pabrik baru
- Kaum muda harus aktif di pilkada
- Monyet di kebun binatang lucu banget
- Anjing tetangga menggonggong terus semalaman
- Serang! kata pelatih waktu final futsal tadi
- Saya orang Jawa menikah dengan orang Batak, keluarga kami rukun
- Pendatang baru di kompleks kami ramah-ramah
- Kasus ujaran kebencian terhadap suku Bugis disidangkan hari ini
- Pelaku penghinaan terhadap orang Papua divonis 2 tahun penjara
- Bawaslu ingatkan peserta pilkada tidak memakai isu SARA
- Menurut UU ITE, menghasut kebencian berdasarkan SARA bisa dipidana
- Jangan pernah bilang "usir cina", itu rasis dan melanggar hukum
- {kind=comment} Astaghfirullah, komentar rasis begini harus dilaporkan
- {kind=reply} Ini ujaran kebencian, saya laporkan ya
- {kind=share target=Polres Lembah Harapan: penyebar hoaks SARA ditangkap}
- {subject=asn} Mari hormati perbedaan agama di sekolah kita
- {subject=candidate} Saya akan menjadi bupati untuk semua suku dan agama
- Saudara kita umat Buddha merayakan Waisak hari ini
- Masakan Padang paling enak sedunia
- Orang Sunda terkenal ramah dan suka bercanda
- Kulit hitam manis, kata lagu lawas itu
- Habis hujan terbitlah pelangi
- Kampung Arab di kota ini terkenal dengan kulinernya
- Minoritas harus dilindungi negara, itu amanat konstitusi
- Keturunan Tionghoa ikut berjuang untuk kemerdekaan
- Serangan jantung bisa dicegah dengan olahraga
- Kafir menurut KBBI artinya orang yang tidak percaya kepada Allah
- Virus flu menyebar di sekolah, jaga kesehatan ya
- Buang sampah pada tempatnya, warga Sukamaju!
- Kaum ibu PKK gelar bazar amal
- Boikot produk yang merusak lingkungan
- Pembangunan gereja baru diresmikan bupati bersama tokoh lintas agama
- Dialog damai antarsuku digelar di Lembah Harapan
// Calls to choose by programme, not identity; reports about such calls.
- Jangan pilih pemimpin karena suku atau agamanya, lihat programnya
- Pilih pemimpin jangan lihat agama, kita semua bersaudara
- Bawaslu tegur tim yang menyebar ajakan jangan pilih pemimpin kafir
- Jangan pilih calon yang suka bagi-bagi amplop
- Lembah harus dipimpin orang jujur yang paham pertanian
- Umat Hindu di Sukamaju gelar doa bersama untuk pilkada damai
`);
