#include "shared/auth/key_provider.h"

namespace kinerja::auth {
namespace {

class Fixed final : public KeyProvider {
 public:
  explicit Fixed(KeySet keys) : keys_(std::make_shared<const KeySet>(std::move(keys))) {}
  std::shared_ptr<const KeySet> Keys(bool) override { return keys_; }

 private:
  const std::shared_ptr<const KeySet> keys_;
};

}  // namespace

std::shared_ptr<KeyProvider> FixedKeys(KeySet keys) {
  return std::make_shared<Fixed>(std::move(keys));
}

}  // namespace kinerja::auth
