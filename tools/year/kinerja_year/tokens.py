"""Each actor's own bearer token, minted like `tools/stack token` with the stack's dev issuer
key (DIR/issuer/issuer-key.pem, kid dev-1): an employee token carries the civil servant's NIP,
the HR admin's the agency."""

import secrets
import threading
import time
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

ISSUER = "kinerja-dev"
AUDIENCE = "kinerja"
KID = "dev-1"
TTL = 6 * 3600


class Tokens:
    def __init__(self, state_dir, agency_id):
        pem = (Path(state_dir) / "issuer" / "issuer-key.pem").read_bytes()
        self._key = serialization.load_pem_private_key(pem, password=None)
        self._alg = "ES256" if isinstance(self._key, ec.EllipticCurvePrivateKey) else "RS256"
        self.agency_id = agency_id
        self._cache = {}
        self._lock = threading.Lock()

    def _mint(self, sub, roles, nip="", agency=True, svc=""):
        now = int(time.time())
        claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": sub, "roles": roles, "iat": now,
                  "exp": now + TTL, "jti": secrets.token_hex(16)}
        if agency:
            claims["agency_id"] = self.agency_id
        if nip:
            claims["nip"] = nip
        if svc:
            claims["svc"] = svc
        return jwt.encode(claims, self._key, algorithm=self._alg, headers={"kid": KID})

    def _cached(self, key, make):
        with self._lock:
            token = self._cache.get(key)
        if token is None:
            token = make()
            with self._lock:
                self._cache[key] = token
        return token

    def employee(self, nip):
        """A civil servant acting as themselves (and as assessor of the day, which the services
        derive from the reporting line)."""
        return self._cached(("employee", nip),
                            lambda: self._mint(f"asn-{nip}", ["employee"], nip=nip))

    def hr_admin(self):
        """The agency's HR bureau (BKPSDM): imports, periods, policies, and recording the
        decisions of the NON-ASN mayor."""
        return self._cached("hr", lambda: self._mint(f"bkpsdm@{self.agency_id}", ["hr_admin"]))

    def auditor(self):
        """BKN's national read-only role: the summary reads the analytics reports with it."""
        return self._cached("auditor",
                            lambda: self._mint("auditor@bkn", ["auditor"], agency=False))
