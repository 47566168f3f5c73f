"""Indonesian words that tell what a capitalised name is: titles, organisation and place words."""

from __future__ import annotations

# titles and roles that stand before a person's name (lower-cased); multi-word titles are built from these
TITLES = frozenset(
    """
presiden wakil menteri menko mendagri menlu menkeu menhan mensesneg gubernur bupati wali walikota camat lurah
kepala ketua sekretaris sekjen direktur dirut komisaris kapolri kapolda kapolres kapolsek kapolresta kasat
kasatreskrim kasubdit kadis kabid kabag kasi kajari kajati jaksa hakim panglima pangdam dandim danrem kasad
kapuspen juru bicara jubir kabareskrim wakapolri wamen wagub wabup komandan pemimpin raja ratu pangeran
perdana senator anggota staf khusus pakar pengamat peneliti dosen guru besar rektor dekan kades kadiv kanit
kompol akbp akp iptu ipda aiptu aipda bripka brigadir briptu bripda kombes kombespol irjen brigjen jenderal
laksamana marsekal kolonel letkol mayor kapten lettu letda serka sertu serda kopral prajurit pratu prada
kamerad comrade kh habib ustaz ustadz kiai syekh pak bapak bu ibu mas mbak bung saudara sdr dr drs ir
prof h hj
koordinator manajer pelatih kapten pendiri founder ceo cfo kuasa hukum pengacara kuasa duta besar dubes konsul
pejabat plt plh pj penjabat
""".split()
)

# words that continue a title ("Menteri Luar Negeri", "Ketua Komisi", "Kepala Bidang Humas")
TITLE_TAIL = frozenset(
    """
luar negeri dalam keuangan pertahanan perdagangan perindustrian pertanian kesehatan pendidikan agama sosial
koordinator bidang urusan negara umum utama eksekutif pelaksana harian besar hubungan masyarakat humas
komunikasi publik informasi hukum politik keamanan perekonomian pembangunan badan bagian divisi unit seksi
satuan reserse kriminal lalu lintas operasi intelijen sumber daya manusia energi mineral kelautan perikanan
kehutanan lingkungan hidup pariwisata ekonomi kreatif tenaga kerja perhubungan pekerjaan perumahan rakyat
kabinet sekretariat hak asasi pemuda olahraga pertama kedua ketiga wilayah cabang pusat daerah provinsi kota
kabupaten i ii iii iv v vi vii viii ix x ke-7 ke-8 investasi bumn badan
""".split()
)

# a name containing one of these is an organisation (lower-cased)
ORG_WORDS = frozenset(
    """
kementerian kemenkeu kemendagri kemenlu kemenkes kemendikbud kemenag badan partai universitas institut
sekolah bank pt cv tbk persero komisi komite dewan majelis mahkamah pengadilan kejaksaan kejari kejati
kepolisian polri polda polres polresta polsek polrestabes tni tentara angkatan pemerintah pemkot pemkab
pemprov
dinas kantor lembaga yayasan asosiasi persatuan ikatan serikat federasi grup group koperasi perusahaan
kantor berita organisasi fraksi kpk bpk bpjs bnpb bpbd basarnas bmkg ojk bi dpr dprd dpd mpr kpu bawaslu
ma mk kejagung pbb nato asean opec who unesco unicef fifa pssi kadin apindo ormas nu muhammadiyah
perum ptpn pln pertamina garuda telkom fisip fakultas bea cukai dishub kodim korem polisi penkum
manajemen direktorat ditreskrimum ditreskrimsus satreskrim kemensos kemenkumham kemenpan kantor
kbri kjri kdei kedutaan konsulat
""".split()
)

# a name starting with one of these is a place or facility (lower-cased)
LOC_PREFIX = frozenset(
    """
kota kabupaten kab provinsi prov pulau kepulauan jalan jl desa kelurahan kecamatan kampung dusun gunung
sungai danau selat teluk laut samudra samudera bandara bandar pelabuhan stadion rumah rsud rsup lapas
rutan kompleks gedung istana masjid gereja pura candi pantai taman wilayah kawasan terminal stasiun
tanjung semenanjung lembah hutan tol pasar mal plaza alun-alun distrik wisma pondok
""".split()
)

# places common in Indonesian news (canonical form); aliases are in ALIASES
PLACES = frozenset(
    p.replace("_", " ")
    for p in """
Indonesia Jakarta Bandung Surabaya Medan Semarang Yogyakarta Makassar Palembang Denpasar Bali Jawa
Sumatra Sumatera Kalimantan Sulawesi Papua Maluku Aceh Banten Lampung Riau Jambi Bengkulu Gorontalo
Batam Bogor Depok Bekasi Tangerang Malang Solo Surakarta Mataram Kupang Manado Ambon Jayapura Pontianak
Samarinda Balikpapan Banjarmasin Padang Pekanbaru Cirebon Tasikmalaya Sukabumi Karawang Purwakarta Garut
Kudus Magelang Klaten Sleman Bantul Kediri Blitar Madiun Jember Banyuwangi Sidoarjo Gresik Lamongan
Tuban Pasuruan Probolinggo Lumajang Lombok Sumbawa Flores Timor Nusantara Jabodetabek Rusia Ukraina
Amerika_Serikat Tiongkok China Cina Jepang Korea Korea_Utara Korea_Selatan India Pakistan Iran Irak
Suriah Israel Palestina Gaza Mesir Arab_Saudi Turki Inggris Prancis Perancis Jerman Italia Spanyol
Belanda Belgia Swiss Swedia Norwegia Finlandia Denmark Polandia Australia Selandia_Baru Kanada Meksiko
Brasil Argentina Malaysia Singapura Thailand Vietnam Filipina Myanmar Kamboja Laos Brunei Afganistan
Afghanistan Yaman Qatar Kuwait Yordania Lebanon Libya Tunisia Aljazair Maroko Sudan Ethiopia Nigeria
Kenya Afrika_Selatan Eropa Asia Afrika Timur_Tengah Moskow Kyiv Kiev Washington Beijing Tokyo Seoul
Pyongyang London Paris Berlin Roma Madrid Amsterdam Brussel Jenewa Kairo Riyadh Teheran Baghdad Damaskus
Ankara Istanbul Kuala_Lumpur Bangkok Hanoi Manila Sydney Canberra Melbourne New_York Hong_Kong Taiwan
Krimea Kursk Donetsk Luhansk Mekkah Makkah Madinah Yerusalem Tepi_Barat Dubai Doha Abu_Dhabi Uni_Eropa
Kaltim Jawa_Barat Jawa_Tengah Jawa_Timur Sumatera_Utara Sumatera_Barat Sumatera_Selatan Kalimantan_Timur
Kalimantan_Barat Kalimantan_Selatan Kalimantan_Tengah Kalimantan_Utara Sulawesi_Selatan Sulawesi_Utara
Sulawesi_Tengah Sulawesi_Tenggara Sulawesi_Barat Nusa_Tenggara_Barat Nusa_Tenggara_Timur Papua_Barat
DKI_Jakarta Daerah_Istimewa_Yogyakarta Bangka_Belitung Kepulauan_Riau Maluku_Utara
""".split()
)

# short forms -> canonical names (places and organisations Indonesian news abbreviates)
ALIASES = {
    "Korut": "Korea Utara",
    "Korsel": "Korea Selatan",
    "AS": "Amerika Serikat",
    "RI": "Indonesia",
    "Jabar": "Jawa Barat",
    "Jateng": "Jawa Tengah",
    "Jatim": "Jawa Timur",
    "Sumut": "Sumatera Utara",
    "Sumbar": "Sumatera Barat",
    "Sumsel": "Sumatera Selatan",
    "Kaltim": "Kalimantan Timur",
    "Kalbar": "Kalimantan Barat",
    "Kalsel": "Kalimantan Selatan",
    "Kalteng": "Kalimantan Tengah",
    "Sulsel": "Sulawesi Selatan",
    "Sulut": "Sulawesi Utara",
    "Sulteng": "Sulawesi Tengah",
    "NTB": "Nusa Tenggara Barat",
    "NTT": "Nusa Tenggara Timur",
    "DIY": "Daerah Istimewa Yogyakarta",
    "Jogja": "Yogyakarta",
    "Jokja": "Yogyakarta",
    "Jogjakarta": "Yogyakarta",
    "Jokowi": "Joko Widodo",
    "SBY": "Susilo Bambang Yudhoyono",
    "Ahok": "Basuki Tjahaja Purnama",
    "Tiongkok": "China",
}

# acronyms that are places, not organisations
LOC_ACRONYMS = frozenset("AS RI NTB NTT DIY DKI UEA IKN".split())

# acronyms (lower-cased) that name no one: time zones, common nouns ("CCTV", "PNS" civil servant, "WNI"
# Indonesian citizen, "TKP" crime scene, "KUHP" the criminal code, "OTT" a sting operation)
NOT_NAME_ACRONYMS = frozenset(
    """
wib wita wit utc gmt cctv hp pns asn wni wna tki tkw tkp kuhp kuhap ott lsm psk ekg bbm sim stnk ktp kk
atm pdb apbn apbd umkm cpns phk
""".split()
)

# capitalised words that start sentences but name nothing (lower-cased)
STOP = frozenset(
    """
selain sementara setelah sebelum sebelumnya namun tetapi tapi dalam para hal menurut menurutnya karena
jadi ini
itu kami kita mereka ia dia beliau saat pada di ke dari untuk dengan yang bahkan meski meskipun
sayangnya begitu
hanya adapun kemudian lalu maka sehingga agar supaya jika kalau apabila bila ketika sejak hingga sampai atas
oleh bagi tentang seperti sebagai adalah ialah yakni yaitu juga pun lebih sangat tidak bukan belum sudah telah
akan masih baru kini saya aku anda kamu kalian beberapa banyak semua seluruh setiap tiap sebuah seorang
sejumlah salah satu dua tiga empat lima enam tujuh delapan sembilan sepuluh ratusan ribuan puluhan pertama
kedua terkait soal mengenai usai sesudah selama sepanjang berdasarkan melalui terhadap antara tanpa walaupun
walau padahal sedangkan bahwa apa siapa mengapa kenapa bagaimana kapan dimana di mana berapa mana tak
senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli agustus september
oktober november desember pukul wib wita wit tahun bulan hari pekan baca tonton simak lihat video foto
sumber editor pewarta penerjemah penulis redaktur copyright scroll advertisement sebut kata ujar
rp usd persen almarhum almarhumah korban polisi warga pihak
""".split()
)

# pronouns that may stand for a person already named
PRONOUNS = frozenset({"ia", "dia", "beliau"})

# capitalised common words that are never part of a person's name (lower-cased)
NOT_PERSON = frozenset(
    """
olah raga bersama reaksi perintah lawan haji umrah operasional eksekusi kembali tindak pidana korupsi
aparatur negara negeri pasar kantor nasional umum daerah pusat tugas harian penerangan hukum kesehatan
kerajaan berkuda sekolah tinggi menengah atas dasar rumah sakit gedung putih balai jalan raya
video foto berita baru lama besar kecil tinggi rendah utama khusus terbuka ujian
""".split()
)
