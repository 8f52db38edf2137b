#include "tools/gen/ids.h"

#include "tools/gen/rng.h"

namespace kinerja::gen {
namespace {

void WriteHex64(uint64_t value, char* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (int i = 15; i >= 0; --i) {
    out[i] = kHex[value & 0xF];
    value >>= 4;
  }
}

void WriteNumber(int value, int width, char* out) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

}  // namespace

SiasnIdFactory::SiasnIdFactory(uint64_t seed) : key_(Mix64(seed ^ 0x5133A5E1D0C0FFEEULL)) {}

SiasnId SiasnIdFactory::Next(IdKind kind) {
  const uint64_t kind_bits = static_cast<uint64_t>(kind);
  const uint64_t counter = counters_[kind_bits]++;
  // Distinct (kind, counter) inputs stay distinct through the XOR and the bijective mixer.
  const uint64_t input = (kind_bits << 56) | counter;
  SiasnId id;
  WriteHex64(Mix64(input ^ key_), id.text.data());
  WriteHex64(Mix64(input + ~key_), id.text.data() + 16);
  return id;
}

int NipRegistry::NextPnsSerial(const Date& birth, const Date& appointment, int sex_digit) {
  const uint64_t days = static_cast<uint32_t>(ToDays(birth));
  const uint64_t month = static_cast<uint64_t>(MonthIndex(appointment));
  return Next((days << 32) | (month << 8) | (static_cast<uint64_t>(sex_digit) << 1));
}

int NipRegistry::NextPppkSerial(const Date& birth, int appointment_year, int sex_digit) {
  const uint64_t days = static_cast<uint32_t>(ToDays(birth));
  const uint64_t year = static_cast<uint64_t>(appointment_year);
  return Next((days << 32) | (year << 8) | (static_cast<uint64_t>(sex_digit) << 1) | 1);
}

int NipRegistry::Next(uint64_t key) {
  uint16_t& used = used_[key];
  if (used >= kMaxSerial) return 0;
  return ++used;
}

void WritePnsNip(const Date& birth, const Date& appointment, int sex_digit, int serial,
                 char out[18]) {
  WriteYyyyMmDd(birth, out);
  WriteNumber(appointment.year, 4, out + 8);
  WriteNumber(appointment.month, 2, out + 12);
  out[14] = static_cast<char>('0' + sex_digit);
  WriteNumber(serial, 3, out + 15);
}

void WritePppkNi(const Date& birth, int appointment_year, int sex_digit, int serial, char out[18]) {
  WriteYyyyMmDd(birth, out);
  WriteNumber(appointment_year, 4, out + 8);
  out[12] = kPppkMiddleCode[0];
  out[13] = kPppkMiddleCode[1];
  out[14] = static_cast<char>('0' + sex_digit);
  WriteNumber(serial, 3, out + 15);
}

}  // namespace kinerja::gen
