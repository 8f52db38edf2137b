#include "shared/auth/test_keys.h"

#include <openssl/buffer.h>
#include <openssl/pem.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <utility>

#include "gtest/gtest.h"
#include "shared/auth/jws_signature.h"
#include "shared/auth/keygen.h"
#include "shared/auth/openssl_ptr.h"

namespace kinerja::auth::testing {
namespace {

std::string OrDie(absl::StatusOr<std::string> value) {
  if (!value.ok()) {
    std::cerr << "test key setup failed: " << value.status() << "\n";
    std::abort();
  }
  return *std::move(value);
}

}  // namespace

const std::string& EcP256PrivatePem() {
  static const std::string* pem = new std::string(OrDie(GenerateEcP256PrivateKeyPem()));
  return *pem;
}

const std::string& OtherEcP256PrivatePem() {
  static const std::string* pem = new std::string(OrDie(GenerateEcP256PrivateKeyPem()));
  return *pem;
}

const std::string& Rsa2048PrivatePem() {
  static const std::string* pem = new std::string(OrDie(GenerateRsaPrivateKeyPem(2048)));
  return *pem;
}

JwtSigner SignerFor(const std::string& private_pem, std::string kid) {
  absl::StatusOr<JwtSigner> signer = JwtSigner::FromPrivateKeyPem(private_pem, std::move(kid));
  if (!signer.ok()) {
    std::cerr << "test signer setup failed: " << signer.status() << "\n";
    std::abort();
  }
  return *std::move(signer);
}

std::string SignRaw(const std::string& private_pem, std::string_view signing_input) {
  BioPtr in(BIO_new_mem_buf(private_pem.data(), static_cast<int>(private_pem.size())));
  EvpPkeyPtr key(PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr));
  absl::StatusOr<KeyType> type = ClassifyKey(key.get());
  if (!type.ok()) std::abort();
  return OrDie(CreateJwsSignature(AlgorithmFor(*type), key.get(), signing_input));
}

std::string PublicKeyPem(const std::string& private_pem) {
  BioPtr in(BIO_new_mem_buf(private_pem.data(), static_cast<int>(private_pem.size())));
  EvpPkeyPtr key(PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr));
  BioPtr out(BIO_new(BIO_s_mem()));
  if (!key || !out || PEM_write_bio_PUBKEY(out.get(), key.get()) != 1) std::abort();
  BUF_MEM* mem = nullptr;
  BIO_get_mem_ptr(out.get(), &mem);
  return std::string(mem->data, mem->length);
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out) std::abort();
}

std::string MakeTempDir() {
  static std::atomic<int> counter{0};
  std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) /
      ("kinerja_auth_" + std::to_string(::getpid()) + "_" + std::to_string(counter.fetch_add(1)));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

}  // namespace kinerja::auth::testing
