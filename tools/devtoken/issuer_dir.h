// The dev issuer's folder: what keygen writes and mint reads. Services of the local stack
// load DIR/jwks.json (or DIR itself) as their verification keys.
#pragma once

namespace kinerja::devtoken {

inline constexpr char kPrivateKeyFile[] = "issuer-key.pem";  // mode 0600
inline constexpr char kJwksFile[] = "jwks.json";
// One key at a time locally; rotation is a production concern (the national SSO's).
inline constexpr char kDevKid[] = "dev-1";

}  // namespace kinerja::devtoken
