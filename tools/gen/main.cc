// kinerja-gen: synthetic SIASN-shaped agencies, units and employees for tests and load runs.
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <string_view>
#include <vector>

#include "tools/gen/flags.h"
#include "tools/gen/generator.h"

int main(int argc, char** argv) {
  using kinerja::gen::GenerateDataset;
  using kinerja::gen::ParseFlags;
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  const auto flags = ParseFlags(args);
  if (!flags.ok()) {
    std::fprintf(stderr, "kinerja-gen: %.*s\nTry 'kinerja-gen --help'.\n",
                 static_cast<int>(flags.status().message().size()),
                 flags.status().message().data());
    return 2;
  }
  if (flags->help) {
    std::fputs(kinerja::gen::UsageText().c_str(), stdout);
    return 0;
  }
  const auto start = std::chrono::steady_clock::now();
  const auto summary = GenerateDataset(flags->options);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  if (!summary.ok()) {
    std::fprintf(stderr, "kinerja-gen: %s\n", summary.status().ToString().c_str());
    return 1;
  }
  std::fprintf(stderr,
               "kinerja-gen: %" PRId64 " agencies, %" PRId64 " units, %" PRId64
               " employees (%" PRId64 " PPPK, %" PRId64
               " vacant leader posts), %.1f MB in %.2f s"
               " -> %s\n",
               summary->agencies, summary->units, summary->employees, summary->pppk,
               summary->vacancies, static_cast<double>(summary->bytes) / 1e6, elapsed.count(),
               flags->options.out_dir.c_str());
  return 0;
}
