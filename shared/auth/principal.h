// Who is calling: the identity that reaches the domain layer on every RPC.
#pragma once

#include <string>
#include <vector>

namespace kinerja::auth {

// Roles from ARCHITECTURE.md. "Assessor" is not a token role: it is derived from reporting lines.
enum class Role {
  kEmployee,    // reads and edits what is their own
  kHrAdmin,     // agency HR admin (BKPSDM): writes within their own agency
  kUnitLeader,  // leader of an organisational unit
  kAuditor,     // inspector / national (BKN): read-only, all agencies
  kService,     // another Kinerja service calling with its own identity
  kPublic,      // anonymous public: aggregates only
};

struct Principal {
  std::string subject;      // token "sub"
  std::vector<Role> roles;  // distinct
  std::string agency_id;    // home agency (instansi) for employees and HR admins
  std::string nip;          // NIP / NI PPPK when the caller is a civil servant
  std::string service;      // calling service's name when kService

  bool Has(Role role) const {
    for (Role r : roles) {
      if (r == role) return true;
    }
    return false;
  }
};

}  // namespace kinerja::auth
