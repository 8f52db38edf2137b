// An official in a reporting line: an ASN employee (possibly acting as Plt/Plh, delegated, or
// an interim regional head, Pj) or a NON-ASN political head (governor, regent, mayor) who has
// no NIP (DOMAIN.md "Organisation"), with the capacity in which they hold the role that day.
#pragma once

#include <string>
#include <utility>

namespace kinerja::employee {

struct Official {
  enum Kind {
    kAsn,     // civil servant, identified by employee_id, has a NIP / NI PPPK
    kNonAsn,  // political head (gubernur, bupati, wali kota): no NIP
  };
  enum Acting {
    kNone,  // definitive holder (pejabat definitif) or NON-ASN holder
    kPlt,   // pelaksana tugas: acts while the position is vacant
    kPlh,   // pelaksana harian: acts while the holder is temporarily absent
  };

  // In which capacity the role is held on the day (DOMAIN.md: "record in which capacity").
  enum Capacity {
    kDefinitive,     // pejabat definitif; also an employee's own placement
    kActingPlt,      // acting == kPlt
    kActingPlh,      // acting == kPlh
    kDelegated,      // assessor by an assessment delegation (AssessmentDelegation)
    kInterimHead,    // Pj (penjabat) regional head: an ASN
    kPoliticalHead,  // elected regional head: NON-ASN
  };

  Kind kind = kAsn;
  std::string employee_id;  // kAsn: employee id; kNonAsn: the NON-ASN holder record's id
  std::string nip;          // empty for kNonAsn
  std::string name;
  std::string position_id;  // the leader position held or acted in (delegate: their own)
  std::string unit_id;      // the unit that position leads (delegate: their own unit)
  Acting acting = kNone;
  Capacity capacity = kDefinitive;

  friend bool operator==(const Official&, const Official&) = default;
};

// An Official that names only a person (kind and id), e.g. as input to DirectReports.
inline Official PersonOnly(Official::Kind kind, std::string id) {
  Official official;
  official.kind = kind;
  official.employee_id = std::move(id);
  return official;
}

// Same person (kind and id), whatever position or acting capacity.
inline bool SamePerson(const Official& a, const Official& b) {
  return a.kind == b.kind && a.employee_id == b.employee_id;
}

}  // namespace kinerja::employee
