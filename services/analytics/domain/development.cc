#include "services/analytics/domain/development.h"

#include <cstdint>

namespace kinerja::analytics {

const std::array<CoreValueTheme, kCoreValues>& CoreValueThemes() {
  static const std::array<CoreValueTheme, kCoreValues> kThemes = {{
      {"SERVICE_ORIENTED", "Berorientasi Pelayanan", "Pelayanan publik prima"},
      {"ACCOUNTABLE", "Akuntabel", "Akuntabilitas, integritas dan tata kelola keuangan"},
      {"COMPETENT", "Kompeten", "Peningkatan kompetensi teknis dan pengembangan diri"},
      {"HARMONIOUS", "Harmonis", "Komunikasi efektif dan budaya kerja yang harmonis"},
      {"LOYAL", "Loyal", "Wawasan kebangsaan dan nilai-nilai dasar ASN"},
      {"ADAPTIVE", "Adaptif", "Inovasi dan manajemen perubahan"},
      {"COLLABORATIVE", "Kolaboratif", "Kerja sama tim dan kolaborasi lintas unit"},
  }};
  return kThemes;
}

std::optional<int> CoreValueIndex(std::string_view name) {
  constexpr std::string_view kPrefix = "CORE_VALUE_";
  if (name.substr(0, kPrefix.size()) == kPrefix) name.remove_prefix(kPrefix.size());
  const auto& themes = CoreValueThemes();
  for (int i = 0; i < kCoreValues; ++i) {
    if (themes[i].name == name) return i;
  }
  return std::nullopt;
}

bool Peer360Below(int below, int above) { return below > above; }

double SharePercent(int64_t employees, int64_t assessed) {
  if (assessed <= 0) return 0;
  return 100.0 * static_cast<double>(employees) / static_cast<double>(assessed);
}

}  // namespace kinerja::analytics
