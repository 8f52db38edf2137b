#include "tools/gen/names.h"

#include <span>
#include <string_view>

namespace kinerja::gen {
namespace {

using Names = std::span<const std::string_view>;

// ---- Java ----------------------------------------------------------------------------------
constexpr std::string_view kJavaMale[] = {
    "Budi",  "Agus",  "Slamet", "Bambang", "Joko",     "Heru",   "Hadi",  "Eko",   "Bayu",
    "Dimas", "Rudi",  "Wahyu",  "Teguh",   "Hendro",   "Sigit",  "Yudi",  "Anang", "Imam",
    "Arif",  "Gatot", "Priyo",  "Bagus",   "Aris",     "Danang", "Fajar", "Galih", "Yoga",
    "Rizky", "Adi",   "Nanang", "Sapto",   "Purwanto", "Didik",  "Wawan", "Ahmad", "Muhammad"};
constexpr std::string_view kJavaMaleLast[] = {
    "Santoso",   "Wibowo",     "Prasetyo", "Nugroho",   "Setiawan", "Susanto",  "Hidayat",
    "Kurniawan", "Saputra",    "Purnomo",  "Wijaya",    "Pratama",  "Hartanto", "Sulistyo",
    "Utomo",     "Prabowo",    "Gunawan",  "Suharto",   "Sutrisno", "Raharjo",  "Wicaksono",
    "Hermawan",  "Firmansyah", "Cahyono",  "Supriyadi", "Riyadi",   "Mulyono",  "Haryanto",
    "Setiadi",   "Darmawan",   "Nurcahyo", "Widodo",    "Sasongko", "Baskoro",  "Kuncoro"};
constexpr std::string_view kJavaMaleSingle[] = {"Sugiyono", "Suparman", "Sutarno", "Sumardi",
                                                "Paiman",   "Suwarno",  "Mujiono", "Tukiran",
                                                "Sukirno",  "Parjo",    "Margono", "Sarmidi"};
constexpr std::string_view kJavaFemale[] = {
    "Sri",    "Dewi",  "Endang", "Siti",    "Rina", "Wulan", "Ratna",  "Yuni",  "Ani",
    "Nur",    "Dyah",  "Retno",  "Ayu",     "Tri",  "Dwi",   "Eka",    "Indah", "Fitri",
    "Nining", "Sukma", "Rahayu", "Lestari", "Erna", "Tutik", "Novita", "Anik",  "Umi"};
constexpr std::string_view kJavaFemaleLast[] = {
    "Lestari",      "Rahayu",    "Wahyuni",     "Handayani", "Susanti",      "Purwanti",
    "Kusumawati",   "Rahmawati", "Puspitasari", "Anggraini", "Ningsih",      "Wulandari",
    "Setyaningsih", "Suryani",   "Hartati",     "Utami",     "Pratiwi",      "Widayati",
    "Kurniasari",   "Nurhayati", "Astuti",      "Mulyani",   "Sulistyowati", "Kusumaningrum"};
constexpr std::string_view kJavaFemaleSingle[] = {"Sumarni", "Suyatmi", "Sulastri", "Suparmi",
                                                  "Sutini",  "Painem",  "Wartini",  "Sukinah",
                                                  "Tumini",  "Darsih",  "Poniyem",  "Sarinah"};

// ---- Sunda ---------------------------------------------------------------------------------
constexpr std::string_view kSundaMale[] = {
    "Asep",   "Ujang", "Dadang", "Cecep", "Yayan",  "Iwan",   "Ade",  "Dede",   "Deden",
    "Endang", "Acep",  "Dadan",  "Aep",   "Ajat",   "Engkos", "Usep", "Mamat",  "Rahmat",
    "Ridwan", "Dedi",  "Jajang", "Wawan", "Ikhsan", "Yusuf",  "Agus", "Hendra", "Ipan"};
constexpr std::string_view kSundaMaleLast[] = {
    "Sunandar", "Suryana",  "Hermawan", "Gunawan", "Sopian",   "Supriatna", "Kurnia",
    "Rustandi", "Permana",  "Saepudin", "Ruhiyat", "Hidayat",  "Mulyana",   "Sudrajat",
    "Setiawan", "Suherman", "Rohman",   "Nugraha", "Somantri", "Kusnadi",   "Ma'mun",
    "Sobari",   "Kusumah",  "Wiguna",   "Rukmana", "Firdaus"};
constexpr std::string_view kSundaFemale[] = {
    "Euis",  "Neneng", "Imas", "Ai",   "Iis",  "Yanti", "Cucu",  "Enok",  "Nining",
    "Lilis", "Yeni",   "Tati", "Elis", "Rina", "Dewi",  "Siti",  "Teti",  "Nenden",
    "Popon", "Titin",  "Ade",  "Dede", "Rika", "Nurul", "Wiwin", "Yuyun", "Heni"};
constexpr std::string_view kSundaFemaleLast[] = {
    "Nurhasanah", "Rosita",   "Kurniasih", "Komalasari", "Sumiati",  "Nurjanah",
    "Rahmawati",  "Sulastri", "Maryati",   "Rostika",    "Herawati", "Suryani",
    "Mulyani",    "Juwita",   "Sopiah",    "Nurlaela",   "Hasanah",  "Patimah",
    "Sa'adah",    "Rohaeti",  "Kartika",   "Nurbaeti"};

// ---- Malay, Aceh and other mostly Muslim Sumatra/Kalimantan names ---------------------------
constexpr std::string_view kMalayMale[] = {
    "Muhammad", "Ahmad",  "M.",       "Abdul",     "Syahrul", "Rahmat",     "Hendra",
    "Rizki",    "Fadli",  "Zulfikar", "Irwansyah", "Khairul", "Ridwan",     "Syaiful",
    "Mahdi",    "Nasrul", "Ja'far",   "Syafi'i",   "Nu'man",  "Firman",     "Amri",
    "Azhar",    "Fauzan", "Hamdan",   "Iskandar",  "Junaidi", "Kamaruddin", "Rusli"};
constexpr std::string_view kMalayMaleLast[] = {
    "Ridwan",       "Iqbal",     "Fauzi",   "Rahman",   "Anwar",     "Bahri",   "Hasan",
    "Yusuf",        "Ismail",    "Ibrahim", "Abdullah", "Syahputra", "Saputra", "Ma'ruf",
    "Hidayatullah", "Kurniawan", "Firdaus", "Hamzah",   "Effendi",   "Harun",   "Zainuddin",
    "Rasyid",       "Alamsyah",  "Mansur",  "Sulaiman", "Nasution"};
constexpr std::string_view kMalayFemale[] = {
    "Siti",        "Nurul",    "Nur",      "Fatimah",    "Aisyah",  "Rahmah", "Zahara",
    "Khairunnisa", "Nur'aini", "Mar'atun", "Dewi",       "Rini",    "Sri",    "Yulia",
    "Halimah",     "Hafsah",   "Rosmiati", "Nurhasanah", "Juliana", "Mira",   "Salmah",
    "Wan",         "Zuraida",  "Laila",    "Maimunah",   "Rosnani", "Yusnita"};
constexpr std::string_view kMalayFemaleLast[] = {
    "Aisyah",   "Hidayah",   "Fitriani", "Rahmawati", "Sholihah", "Hasanah",  "Zahra",
    "Khadijah", "Mardiah",   "Safitri",  "Wahyuni",   "Maharani", "Kartika",  "Sa'adah",
    "Sari",     "Ramadhani", "Syafitri", "Amelia",    "Yanti",    "Zulaikha", "Nurmala"};
constexpr std::string_view kAcehMaleLast[] = {
    "Iskandar",  "Hasballah", "Mukhlis", "Nasruddin",   "Zulkarnaini", "Fadhil",  "Husaini",
    "Mahyuddin", "Razali",    "Bustami", "Abdurrahman", "Syarifuddin", "Muzakir", "Sulaiman"};
constexpr std::string_view kAcehFemaleLast[] = {"Nurjannah", "Zuhra",       "Ummi Kalsum",
                                                "Rahmah",    "Nurul Fajri", "Safrida",
                                                "Yusniar",   "Marlina",     "Zahrina"};

// ---- Minangkabau ---------------------------------------------------------------------------
constexpr std::string_view kMinangMale[] = {
    "Afrizal", "Zulkifli", "Yusrizal", "Hendri",    "Syafril",   "Rizal",     "Erizal",
    "Asrul",   "Fauzi",    "Nofrizal", "Deswandi",  "Yulianto",  "Zulfahmi",  "Irwan",
    "Syahrul", "Masrizal", "Efrizon",  "Jonizar",   "Zainal",    "Novrianto", "Andri",
    "Riko",    "Hendra",   "Yuhendri", "Syafrudin", "Elfiandri", "Refki"};
constexpr std::string_view kMinangMaleLast[] = {
    "Putra",     "Syahputra", "Effendi", "Amir",  "Chaniago", "Piliang", "Koto", "Tanjung",
    "Sikumbang", "Jambak",    "Malik",   "Yusuf", "Sutan",    "Bagindo", "Rajo", "Anwar"};
constexpr std::string_view kMinangFemale[] = {
    "Yusnimar", "Desmawati", "Nurhayati", "Yulinar", "Rosnida", "Elvira", "Yeni",
    "Elfa",     "Rahmi",     "Fitri",     "Yulia",   "Desi",    "Novia",  "Mardiana",
    "Rosmaini", "Zulaikha",  "Elmawati",  "Syafni",  "Yusra",   "Nelda",  "Wirdaningsih",
    "Ratna",    "Hayati",    "Gusmeri",   "Afrianti"};
constexpr std::string_view kMinangFemaleLast[] = {
    "Yanti", "Fitri", "Susanti", "Ratnasari", "Wati", "Roza",      "Fitria",   "Marlina",
    "Hasni", "Yenni", "Novita",  "Afriani",   "Sari", "Rahmadani", "Oktaviani"};

// ---- Batak (Toba, Karo, Mandailing) ---------------------------------------------------------
constexpr std::string_view kBatakMale[] = {
    "Togar",           "Parulian", "Hotman", "Bonar",  "Maruli",  "Sahat",
    "Martua",          "Jonny",    "Roy",    "Binsar", "Tumpal",  "Poltak",
    "Ronald",          "Hendrik",  "Saut",   "Daniel", "Samuel",  "Darwin",
    "Budiman",         "Gomgom",   "Horas",  "Manaor", "Effendi", "Ahmad Rivai",
    "Muhammad Ridwan", "Syahrul",  "Benny",  "Robert", "Lamhot"};
constexpr std::string_view kBatakFemale[] = {
    "Rosmawati", "Lasma",    "Tiurma", "Dame",       "Romauli", "Rumiris", "Nurhayati", "Lenny",
    "Roslina",   "Hotmaida", "Ratna",  "Sri Rezeki", "Junita",  "Erna",    "Mariana",   "Ernawati",
    "Nurlela",   "Rotua",    "Friska", "Santi",      "Tetty",   "Masniari"};
constexpr std::string_view kBatakMarga[] = {
    "Simanjuntak", "Siregar",   "Nasution", "Harahap",    "Sitompul",       "Situmorang",
    "Hutapea",     "Panjaitan", "Sinaga",   "Lubis",      "Pardede",        "Sihombing",
    "Manurung",    "Silalahi",  "Tambunan", "Hutagalung", "Simatupang",     "Damanik",
    "Purba",       "Ginting",   "Tarigan",  "Sembiring",  "Perangin-angin", "Hasibuan",
    "Pulungan",    "Daulay",    "Rangkuti", "Sitorus",    "Napitupulu",     "Simbolon",
    "Pasaribu",    "Marpaung",  "Gultom",   "Saragih"};

// ---- Banjar --------------------------------------------------------------------------------
constexpr std::string_view kBanjarMale[] = {
    "Muhammad",   "Ahmad",   "Abdul",      "Rusdi",   "Syahrani", "Rusmadi", "Hamberi",
    "Fahriannor", "Noor",    "Rahmadi",    "Ariyadi", "Taufik",   "Jumberi", "Basuni",
    "Saberi",     "Murjani", "Darmansyah", "Gusti",   "Hairil",   "Mukhlis"};
constexpr std::string_view kBanjarMaleLast[] = {"Yusuf",     "Rifani", "Kadir",  "Syahrani",
                                                "Hidayat",   "Noor",   "Arsyad", "Sarkani",
                                                "Ramadhani", "Fahmi",  "Rahman", "Zainal"};
constexpr std::string_view kBanjarFemale[] = {"Siti",       "Rusmiati",   "Halimah",  "Noorhayati",
                                              "Mariani",    "Norhasanah", "Jumiati",  "Rusmini",
                                              "Normila",    "Salmah",     "Masitah",  "Noorjannah",
                                              "Hairunnisa", "Rabiatul",   "Mahmudah", "Gusti"};
constexpr std::string_view kBanjarFemaleLast[] = {"Jubaidah", "Adawiyah", "Fitriani", "Maulida",
                                                  "Rahmah",   "Wahyuni",  "Hidayah",  "Aulia",
                                                  "Noor",     "Mahdiah"};

// ---- Bugis / Makassar ----------------------------------------------------------------------
constexpr std::string_view kBugisMale[] = {
    "Muh.",      "Muhammad", "Baharuddin", "Amiruddin",   "Syahrir", "Nurdin",
    "Haeruddin", "Jufri",    "Ramli",      "Syamsul",     "Asri",    "Irwan",
    "Ilham",     "Basri",    "Hasanuddin", "Syarifuddin", "Abd.",    "Mansyur",
    "Arfah",     "Akbar",    "Sudirman",   "Rusdi",       "Muhlis",  "Zainal"};
constexpr std::string_view kBugisMaleLast[] = {
    "Alam",      "Rasyid",     "Latif",      "Kadir",        "Hamzah",  "Tahir",  "Sanusi",
    "Makkawaru", "Pawellangi", "Mappasessu", "Ma'ruf",       "Sultan",  "Djafar", "Arsyad",
    "Bakri",     "Patahuddin", "Paturusi",   "Daeng Ngalle", "Mattola", "Sammana"};
constexpr std::string_view kBugisFemale[] = {
    "Hasnah",    "Sitti",   "St.",       "Nurhaeda",  "Hasnawati", "Sumarni",  "Rostina",
    "Megawati",  "Nurbaya", "Hasmawati", "Nurhayati", "Kasmawati", "Irmawati", "Sukmawati",
    "Rahmawati", "Husniah", "Fatmawati", "Nurlina",   "Asmawati",  "Hamsiah"};
constexpr std::string_view kBugisFemaleLast[] = {"Aminah", "Rahmah", "Nur",    "Saleh",    "Tahir",
                                                 "Haruna", "Jamal",  "Nurdin", "Sudirman", "Amir",
                                                 "Kadir",  "Syam",   "Rauf",   "Bakri"};

// ---- Bali ----------------------------------------------------------------------------------
constexpr std::string_view kBaliOrderMale[] = {"Wayan", "Putu",   "Gede",   "Made",
                                               "Kadek", "Nyoman", "Komang", "Ketut"};
constexpr std::string_view kBaliOrderFemale[] = {"Wayan", "Putu",   "Luh",    "Made",
                                                 "Kadek", "Nyoman", "Komang", "Ketut"};
constexpr std::string_view kBaliMale[] = {
    "Suarta",   "Sudarma",   "Artawan", "Budiasa", "Suardana", "Wirawan", "Darmayasa",
    "Sukadana", "Mertayasa", "Adnyana", "Sutama",  "Antara",   "Arsana",  "Parwata",
    "Suryawan", "Widiarta",  "Sudiana", "Astawa",  "Wisnawa",  "Mahendra"};
constexpr std::string_view kBaliFemale[] = {
    "Sukarni",     "Ariani",     "Suarniti",   "Widiastuti", "Astiti",     "Yuliantari",
    "Sri Wahyuni", "Juliantini", "Sumiartini", "Puspawati",  "Sudiartini", "Darmayanti",
    "Ratnadewi",   "Sriasih",    "Wulandari",  "Sukerti",    "Suartini",   "Ayu Lestari"};
constexpr std::string_view kBaliNobleMale[] = {"Ida Bagus", "I Gusti Ngurah", "Anak Agung Gede",
                                               "I Gusti Made"};
constexpr std::string_view kBaliNobleFemale[] = {"Ida Ayu", "I Gusti Ayu", "Anak Agung Ayu",
                                                 "Desak Made"};

// ---- Nusa Tenggara Timur (Flores, Timor, Sumba) --------------------------------------------
constexpr std::string_view kNttMale[] = {
    "Yohanes",  "Petrus",    "Fransiskus", "Yosef",      "Antonius", "Marthen",   "Yakobus",
    "Stefanus", "Dominikus", "Aloysius",   "Herman",     "Simon",    "Alfons",    "Benediktus",
    "Paulus",   "Mikhael",   "Kornelis",   "Yeremias",   "Daniel",   "Agustinus", "Gregorius",
    "Emanuel",  "Wilhelmus", "Matheus",    "Godefridus", "Umbu",     "Arnoldus",  "Kristoforus"};
constexpr std::string_view kNttFemale[] = {
    "Maria",      "Yuliana",   "Agustina",   "Elisabeth", "Theresia", "Veronika",
    "Margaretha", "Yasinta",   "Florentina", "Magdalena", "Adriana",  "Fransiska",
    "Yohana",     "Bernadeta", "Kristina",   "Serlina",   "Mersi",    "Imelda",
    "Dorkas",     "Naomi",     "Ester",      "Rambu",     "Anselina", "Skolastika"};
constexpr std::string_view kNttLast[] = {
    "Ndoen", "Bani",     "Nope",    "Tallo",  "Lay",       "Messakh",  "Bessie",   "Fanggidae",
    "Ratu",  "Nenobais", "Mandaru", "Wadu",   "Fernandez", "Da Costa", "Lamanepa", "Kolo",
    "Nahak", "Seran",    "Bria",    "Tukan",  "Sogen",     "Kleden",   "Pareira",  "Da Silva",
    "Leki",  "Making",   "Manafe",  "Tefa",   "Kase",      "Toda",     "Nuwa",     "Hurek",
    "Koten", "Ndapa",    "Lende",   "Tanggu", "Djawa",     "Lado",     "Riwu",     "Pandie"};

// ---- Minahasa ------------------------------------------------------------------------------
constexpr std::string_view kMinahasaMale[] = {"Johny",   "Ferry",  "Hendrik", "Jefry",    "Rolly",
                                              "Stenly",  "Meiky",  "Alfrets", "Reinhard", "Jerry",
                                              "Franky",  "Denny",  "Jemmy",   "Vecky",    "Roy",
                                              "Olivier", "Marcel", "Julius",  "Noldy",    "Ronald"};
constexpr std::string_view kMinahasaFemale[] = {
    "Meity",   "Grace",     "Lusye",  "Vonny",  "Ivonne", "Deysi",   "Jeane",
    "Maria",   "Marlyn",    "Stella", "Novie",  "Merry",  "Fientje", "Femmy",
    "Yolanda", "Christine", "Olga",   "Sandra", "Rita",   "Sisca"};
constexpr std::string_view kMinahasaLast[] = {
    "Rumondor",  "Mandagi",   "Lumenta",  "Sondakh",  "Tumbelaka",  "Wowor",      "Pangemanan",
    "Rondonuwu", "Sumampouw", "Lengkong", "Tambuwun", "Kalalo",     "Pontoh",     "Kaunang",
    "Runtuwene", "Mamahit",   "Rompas",   "Supit",    "Walangitan", "Lumingkewas"};

// ---- Maluku --------------------------------------------------------------------------------
constexpr std::string_view kMalukuMale[] = {"Johanis",   "Abraham", "Marthinus", "Ruben", "Jacob",
                                            "Alexander", "Nicolas", "Benny",     "Izaak", "Semuel",
                                            "Abdullah",  "Husein",  "Ismail",    "Hasan", "Ali"};
constexpr std::string_view kMalukuFemale[] = {
    "Helena",  "Yohana",    "Margaretha", "Christina", "Nelly",  "Jacomina", "Elisabeth",
    "Paulina", "Yosephina", "Wilhelmina", "Fatimah",   "Saidah", "Hasnah",   "Nurlela"};
constexpr std::string_view kMalukuLast[] = {
    "Latuconsina",  "Tuasikal",  "Ohorella",  "Tuhumury",   "Sahetapy",     "Pattiasina",
    "Lewerissa",    "Pelupessy", "Wattimena", "Tehupeiory", "Latumahina",   "Matulessy",
    "Pattipeilohy", "Siahaya",   "Sapulette", "Huwae",      "Leiwakabessy", "Wakano"};

// ---- Papua ---------------------------------------------------------------------------------
constexpr std::string_view kPapuaMale[] = {"Yohanis", "Markus", "Yulius",   "Otto",     "Naftali",
                                           "Yakob",   "Sem",    "Nikolaus", "Barnabas", "Frits",
                                           "Yunus",   "Paulus", "Yance",    "Demianus", "Habel",
                                           "Elias",   "Musa",   "Lukas",    "Izak",     "Ones"};
constexpr std::string_view kPapuaFemale[] = {
    "Yuliana", "Martha",   "Ruth",    "Yohana",  "Sara",     "Debora",   "Ribka",
    "Lea",     "Agustina", "Marice",  "Yosina",  "Naomi",    "Susana",   "Elsye",
    "Welmina", "Adolfina", "Selfina", "Paulina", "Yakomina", "Frederika"};
constexpr std::string_view kPapuaLast[] = {
    "Wanggai",  "Rumbiak", "Kogoya", "Mandowen", "Wenda",  "Rumaropen", "Ayomi", "Yoku",
    "Kambu",    "Mofu",    "Sraun",  "Krey",     "Waromi", "Tabuni",    "Wonda", "Karubaba",
    "Rumbewas", "Suebu",   "Hamadi", "Ohee",     "Mirino", "Itlay",     "Magai", "Murib",
    "Rumkorem", "Sawaki",  "Mayor",  "Faidiban", "Bonay",  "Womsiwor"};

// National share of each tradition among regional civil servants (rough, for realism only).
constexpr Weighted<Region> kNationalMix[] = {
    {Region::kJava, 36},  {Region::kSunda, 12}, {Region::kMalay, 10},   {Region::kAceh, 2},
    {Region::kMinang, 4}, {Region::kBatak, 5},  {Region::kBanjar, 3},   {Region::kBugis, 7},
    {Region::kBali, 3},   {Region::kNtt, 5},    {Region::kMinahasa, 3}, {Region::kMaluku, 3},
    {Region::kPapua, 3}};

// Joins name parts with single spaces, whatever `out` already held before the name.
class NameBuilder {
 public:
  explicit NameBuilder(std::string* out) : out_(out), start_(out->size()) {}

  void Add(std::string_view part) {
    if (out_->size() > start_) out_->push_back(' ');
    out_->append(part);
  }
  void AddPick(Names names, Rng& rng) { Add(rng.Pick(names)); }

 private:
  std::string* out_;
  size_t start_;
};

// "First Last", sometimes a lone name (common in Java and Sumatra).
void FirstLast(Names first, Names last, int single_percent, Names singles, Rng& rng,
               NameBuilder& name) {
  if (!singles.empty() && rng.Below(100) < static_cast<uint32_t>(single_percent)) {
    name.AddPick(singles, rng);
    return;
  }
  name.AddPick(first, rng);
  name.AddPick(last, rng);
}

void AddBali(bool female, Rng& rng, NameBuilder& name) {
  if (rng.Chance(0.12)) {
    name.AddPick(female ? Names(kBaliNobleFemale) : Names(kBaliNobleMale), rng);
  } else {
    name.Add(female ? "Ni" : "I");
    name.AddPick(female ? Names(kBaliOrderFemale) : Names(kBaliOrderMale), rng);
  }
  name.AddPick(female ? Names(kBaliFemale) : Names(kBaliMale), rng);
}

void AddBatak(bool female, Rng& rng, NameBuilder& name) {
  name.AddPick(female ? Names(kBatakFemale) : Names(kBatakMale), rng);
  if (female && rng.Chance(0.3)) name.Add("br.");
  name.AddPick(kBatakMarga, rng);
}

// Given name(s) then a family name, as in eastern Indonesia.
void AddEastern(Names male, Names female_names, Names last, bool female, Rng& rng,
                NameBuilder& name) {
  const Names given = female ? female_names : male;
  const uint32_t first = rng.Below(static_cast<uint32_t>(given.size()));
  name.Add(given[first]);
  if (rng.Chance(0.15)) {  // a second given name, never the first one again
    name.Add(
        given[(first + 1 + rng.Below(static_cast<uint32_t>(given.size() - 1))) % given.size()]);
  }
  name.AddPick(last, rng);
}

}  // namespace

Region PickRegion(Region home, Rng& rng) {
  if (home != Region::kMixed && rng.Chance(0.6)) return home;
  return PickWeighted<Region>(kNationalMix, rng);
}

void AppendPersonName(Region region, bool female, Rng& rng, std::string* out) {
  NameBuilder name(out);
  switch (region) {
    case Region::kJava:
      if (female) {
        FirstLast(kJavaFemale, kJavaFemaleLast, 15, kJavaFemaleSingle, rng, name);
      } else {
        FirstLast(kJavaMale, kJavaMaleLast, 15, kJavaMaleSingle, rng, name);
      }
      return;
    case Region::kSunda:
      FirstLast(female ? Names(kSundaFemale) : Names(kSundaMale),
                female ? Names(kSundaFemaleLast) : Names(kSundaMaleLast), 0, {}, rng, name);
      return;
    case Region::kAceh:
      if (rng.Chance(0.12)) name.Add(female ? "Cut" : "Teuku");
      FirstLast(female ? Names(kMalayFemale) : Names(kMalayMale),
                female ? Names(kAcehFemaleLast) : Names(kAcehMaleLast), 0, {}, rng, name);
      return;
    case Region::kMalay:
    case Region::kMixed:
      FirstLast(female ? Names(kMalayFemale) : Names(kMalayMale),
                female ? Names(kMalayFemaleLast) : Names(kMalayMaleLast), 0, {}, rng, name);
      return;
    case Region::kMinang:
      FirstLast(female ? Names(kMinangFemale) : Names(kMinangMale),
                female ? Names(kMinangFemaleLast) : Names(kMinangMaleLast), 35,
                female ? Names(kMinangFemale) : Names(kMinangMale), rng, name);
      return;
    case Region::kBatak:
      AddBatak(female, rng, name);
      return;
    case Region::kBanjar:
      FirstLast(female ? Names(kBanjarFemale) : Names(kBanjarMale),
                female ? Names(kBanjarFemaleLast) : Names(kBanjarMaleLast), 0, {}, rng, name);
      return;
    case Region::kBugis:
      if (rng.Chance(0.15)) name.Add("Andi");
      FirstLast(female ? Names(kBugisFemale) : Names(kBugisMale),
                female ? Names(kBugisFemaleLast) : Names(kBugisMaleLast), 0, {}, rng, name);
      return;
    case Region::kBali:
      AddBali(female, rng, name);
      return;
    case Region::kNtt:
      AddEastern(kNttMale, kNttFemale, kNttLast, female, rng, name);
      return;
    case Region::kMinahasa:
      AddEastern(kMinahasaMale, kMinahasaFemale, kMinahasaLast, female, rng, name);
      return;
    case Region::kMaluku:
      AddEastern(kMalukuMale, kMalukuFemale, kMalukuLast, female, rng, name);
      return;
    case Region::kPapua:
      AddEastern(kPapuaMale, kPapuaFemale, kPapuaLast, female, rng, name);
      return;
  }
}

}  // namespace kinerja::gen
