#include "tools/gen/places.h"

#include <utility>

namespace kinerja::gen {
namespace {

using enum AgencyKind;
using enum Region;

constexpr AgencySeed kAgencies[] = {
    // Cities (kota).
    {"Kupang", kCity, kNtt},
    {"Sawahlunto", kCity, kMinang},
    {"Samarinda", kCity, kBanjar},
    {"Surabaya", kCity, kJava},
    {"Bandung", kCity, kSunda},
    {"Medan", kCity, kBatak},
    {"Makassar", kCity, kBugis},
    {"Denpasar", kCity, kBali},
    {"Manado", kCity, kMinahasa},
    {"Ambon", kCity, kMaluku},
    {"Padang", kCity, kMinang},
    {"Pekanbaru", kCity, kMalay},
    {"Palembang", kCity, kMalay},
    {"Yogyakarta", kCity, kJava},
    {"Semarang", kCity, kJava},
    {"Malang", kCity, kJava},
    {"Bogor", kCity, kSunda},
    {"Tasikmalaya", kCity, kSunda},
    {"Banjarmasin", kCity, kBanjar},
    {"Balikpapan", kCity, kMixed},
    {"Pontianak", kCity, kMalay},
    {"Jayapura", kCity, kPapua},
    {"Kendari", kCity, kBugis},
    {"Palu", kCity, kBugis},
    {"Banda Aceh", kCity, kAceh},
    {"Jambi", kCity, kMalay},
    {"Bengkulu", kCity, kMalay},
    {"Bukittinggi", kCity, kMinang},
    {"Pematangsiantar", kCity, kBatak},
    {"Sibolga", kCity, kBatak},
    {"Salatiga", kCity, kJava},
    {"Magelang", kCity, kJava},
    {"Kediri", kCity, kJava},
    {"Blitar", kCity, kJava},
    {"Madiun", kCity, kJava},
    {"Cirebon", kCity, kSunda},
    {"Sukabumi", kCity, kSunda},
    {"Parepare", kCity, kBugis},
    {"Palopo", kCity, kBugis},
    {"Bitung", kCity, kMinahasa},
    {"Tomohon", kCity, kMinahasa},
    {"Ternate", kCity, kMaluku},
    {"Sorong", kCity, kPapua},
    {"Tarakan", kCity, kMixed},
    {"Bontang", kCity, kMixed},
    {"Singkawang", kCity, kMalay},
    {"Lhokseumawe", kCity, kAceh},
    {"Payakumbuh", kCity, kMinang},
    {"Tanjungpinang", kCity, kMalay},
    {"Mataram", kCity, kMixed},
    // Regencies (kabupaten).
    {"Sleman", kRegency, kJava},
    {"Bantul", kRegency, kJava},
    {"Klaten", kRegency, kJava},
    {"Banyumas", kRegency, kJava},
    {"Jember", kRegency, kJava},
    {"Garut", kRegency, kSunda},
    {"Cianjur", kRegency, kSunda},
    {"Sumedang", kRegency, kSunda},
    {"Tapanuli Utara", kRegency, kBatak},
    {"Toba", kRegency, kBatak},
    {"Karo", kRegency, kBatak},
    {"Agam", kRegency, kMinang},
    {"Tanah Datar", kRegency, kMinang},
    {"Bone", kRegency, kBugis},
    {"Gowa", kRegency, kBugis},
    {"Wajo", kRegency, kBugis},
    {"Gianyar", kRegency, kBali},
    {"Tabanan", kRegency, kBali},
    {"Buleleng", kRegency, kBali},
    {"Sikka", kRegency, kNtt},
    {"Ende", kRegency, kNtt},
    {"Manggarai", kRegency, kNtt},
    {"Timor Tengah Selatan", kRegency, kNtt},
    {"Sumba Barat Daya", kRegency, kNtt},
    {"Flores Timur", kRegency, kNtt},
    {"Minahasa", kRegency, kMinahasa},
    {"Jayawijaya", kRegency, kPapua},
    {"Biak Numfor", kRegency, kPapua},
    {"Aceh Besar", kRegency, kAceh},
    {"Pidie", kRegency, kAceh},
    {"Banjar", kRegency, kBanjar},
    {"Hulu Sungai Selatan", kRegency, kBanjar},
    {"Kutai Kartanegara", kRegency, kMixed},
    {"Lombok Timur", kRegency, kMixed},
    {"Maluku Tengah", kRegency, kMaluku},
    {"Kampar", kRegency, kMalay},
    {"Ogan Komering Ilir", kRegency, kMalay},
    {"Muaro Jambi", kRegency, kMalay},
    {"Kubu Raya", kRegency, kMalay},
    {"Indramayu", kRegency, kSunda},
    {"Sidoarjo", kRegency, kJava},
    {"Grobogan", kRegency, kJava},
    {"Lamongan", kRegency, kJava},
    {"Kebumen", kRegency, kJava},
    // Provinces (provinsi).
    {"Nusa Tenggara Timur", kProvince, kNtt},
    {"Sumatera Barat", kProvince, kMinang},
    {"Jawa Tengah", kProvince, kJava},
    {"Jawa Timur", kProvince, kJava},
    {"Jawa Barat", kProvince, kSunda},
    {"Sulawesi Selatan", kProvince, kBugis},
    {"Bali", kProvince, kBali},
    {"Sumatera Utara", kProvince, kBatak},
    {"Kalimantan Timur", kProvince, kMixed},
    {"Kalimantan Selatan", kProvince, kBanjar},
    {"Aceh", kProvince, kAceh},
    {"Sulawesi Utara", kProvince, kMinahasa},
    {"Maluku", kProvince, kMaluku},
    {"Papua", kProvince, kPapua},
    {"Riau", kProvince, kMalay},
    {"Sumatera Selatan", kProvince, kMalay},
};

// Prefixes written together with the suffix ("Sukamaju") and apart ("Tanjung Harapan").
constexpr std::string_view kJoinedPrefixes[] = {"Suka",  "Sido",  "Karang", "Sumber",
                                                "Mekar", "Tegal", "Sri",    "Purwo",
                                                "Wono",  "Rejo",  "Jati",   "Ngadi"};
constexpr std::string_view kJoinedSuffixes[] = {
    "maju",  "jaya",  "mulyo", "makmur", "rejo",  "sari",  "asri",   "indah",
    "harjo", "agung", "damai", "wangi",  "mukti", "kerto", "rahayu", "sentosa"};
constexpr std::string_view kSpacedPrefixes[] = {
    "Tanjung", "Sungai", "Bukit", "Kampung", "Pasir",  "Batu",  "Air",      "Teluk",
    "Lubuk",   "Padang", "Koto",  "Pulau",   "Talang", "Tanah", "Pematang", "Kota"};
constexpr std::string_view kSpacedSuffixes[] = {
    "Baru",   "Jaya",   "Harapan", "Indah", "Raya",    "Timur",  "Barat", "Utara",  "Selatan",
    "Tengah", "Permai", "Putih",   "Merah", "Panjang", "Tinggi", "Lama",  "Kuning", "Mas"};

}  // namespace

std::string_view AgencyKindCode(AgencyKind kind) {
  switch (kind) {
    case kCity:
      return "CITY";
    case kRegency:
      return "REGENCY";
    case kProvince:
      return "PROVINCE";
  }
  return "CITY";
}

std::string_view HeadTitle(AgencyKind kind) {
  switch (kind) {
    case kCity:
      return "Wali Kota";
    case kRegency:
      return "Bupati";
    case kProvince:
      return "Gubernur";
  }
  return "Wali Kota";
}

std::string_view GovernmentPrefix(AgencyKind kind) {
  switch (kind) {
    case kCity:
      return "Pemerintah Kota ";
    case kRegency:
      return "Pemerintah Kabupaten ";
    case kProvince:
      return "Pemerintah Provinsi ";
  }
  return "Pemerintah Kota ";
}

std::span<const AgencySeed> AgencyCatalog() { return kAgencies; }

PlaceNamer::PlaceNamer(Rng& rng) {
  for (std::string_view prefix : kJoinedPrefixes) {
    for (std::string_view suffix : kJoinedSuffixes) {
      names_.push_back(std::string(prefix).append(suffix));
    }
  }
  for (std::string_view prefix : kSpacedPrefixes) {
    for (std::string_view suffix : kSpacedSuffixes) {
      names_.push_back(std::string(prefix).append(" ").append(suffix));
    }
  }
  for (size_t i = names_.size(); i > 1; --i) {
    std::swap(names_[i - 1], names_[rng.Below(static_cast<uint32_t>(i))]);
  }
}

const std::string& PlaceNamer::Next() {
  const size_t index = next_++;
  if (index < names_.size()) return names_[index];
  // Past the compounds: reuse them with a numeral ("Sukamaju II"), still distinct.
  const size_t round = index / names_.size() + 1;
  numbered_ = names_[index % names_.size()] + " " + RomanNumeral(static_cast<int>(round));
  return numbered_;
}

std::string RomanNumeral(int value) {
  static constexpr std::pair<int, std::string_view> kParts[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  std::string text;
  for (const auto& [amount, letters] : kParts) {
    while (value >= amount) {
      text.append(letters);
      value -= amount;
    }
  }
  return text;
}

}  // namespace kinerja::gen
