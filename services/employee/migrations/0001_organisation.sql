-- Employee service schema: agencies, the unit tree, positions, employees with their
-- effective-dated assignment history, and acting officials (Plt/Plh). All names unqualified:
-- the pool's search_path points at the service schema. Enum-like columns are text holding the
-- domain's stable UPPER_SNAKE names (services/employee/domain/*.h), guarded by CHECKs.
-- version columns back the etags (rpc::EtagFor) and are bumped by every change.

CREATE TABLE agencies (
  id text COLLATE "C" PRIMARY KEY CHECK (id <> '' AND octet_length(id) <= 64),
  name text NOT NULL CHECK (name <> ''),
  kind text NOT NULL CHECK (kind IN ('CENTRAL', 'PROVINCE', 'REGENCY', 'CITY')),
  head_title text NOT NULL DEFAULT '',
  version bigint NOT NULL DEFAULT 1,
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now()
);

-- Unit organisasi (UNOR). The composite foreign key keeps a parent in the same agency; cycles
-- are rejected by the store (a recursive check under a lock on the agency row).
CREATE TABLE org_units (
  id text COLLATE "C" PRIMARY KEY CHECK (id <> '' AND octet_length(id) <= 64),
  agency_id text COLLATE "C" NOT NULL REFERENCES agencies (id),
  parent_id text COLLATE "C" CHECK (parent_id <> id),
  name text NOT NULL CHECK (name <> ''),
  leader_position_id text COLLATE "C",
  eselon smallint CHECK (eselon IN (11, 12, 21, 22, 31, 32, 41, 42, 51)),
  -- SIASN pemimpinPnsId from the UNOR import: the SIASN person id of the definitive leader.
  -- An imported employee with this SIASN id takes the unit's leader position.
  leader_siasn_id text COLLATE "C",
  version bigint NOT NULL DEFAULT 1,
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agency_id, id),
  FOREIGN KEY (agency_id, parent_id) REFERENCES org_units (agency_id, id)
);
CREATE INDEX org_units_parent ON org_units (parent_id, id);

-- Referential integrity of the tables the bulk import writes (positions, employees,
-- assignments) is kept by the store, which derives every reference from a row it has just read
-- (a position's agency from its unit, an employee's unit and agency from the position, an
-- assignment from its employee row) instead of by foreign keys: their per-row RI triggers
-- measured ~10 us per row per key, about a fifth of the import's time. Units, agencies and
-- acting officials (written one by one) keep their foreign keys.

-- Jabatan. Leader positions are referenced by their unit (org_units.leader_position_id).
CREATE TABLE positions (
  id text COLLATE "C" PRIMARY KEY CHECK (id <> '' AND octet_length(id) <= 64),
  agency_id text COLLATE "C" NOT NULL,
  unit_id text COLLATE "C" NOT NULL,
  name text NOT NULL CHECK (name <> ''),
  type text NOT NULL CHECK (type IN ('JPT_UTAMA', 'JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR',
                                     'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL')),
  functional_level text NOT NULL DEFAULT 'NONE'
    CHECK (functional_level IN ('NONE', 'AHLI_PERTAMA', 'AHLI_MUDA', 'AHLI_MADYA', 'AHLI_UTAMA',
                                'PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA')),
  eselon smallint CHECK (eselon IN (11, 12, 21, 22, 31, 32, 41, 42, 51)),
  non_asn_holder_name text NOT NULL DEFAULT '',
  version bigint NOT NULL DEFAULT 1,
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now(),
  CHECK (functional_level = 'NONE' OR type = 'FUNGSIONAL'),
  UNIQUE (unit_id, id)
);
CREATE INDEX positions_agency ON positions (agency_id, id);

-- A unit's leader position belongs to that unit. Deferred so a bulk import may write units and
-- their leader positions in either order within one transaction.
ALTER TABLE org_units ADD CONSTRAINT org_units_leader_position
  FOREIGN KEY (id, leader_position_id) REFERENCES positions (unit_id, id)
  DEFERRABLE INITIALLY DEFERRED;

-- Pegawai ASN. unit_id / position_id / position_start_date mirror the open assignment.
-- rank holds the stable label: golongan "III/a" (PNS) or grade "IX" (PPPK).
CREATE TABLE employees (
  id text COLLATE "C" PRIMARY KEY CHECK (id <> '' AND octet_length(id) <= 64),
  nip text COLLATE "C" NOT NULL UNIQUE
    CHECK (octet_length(nip) = 18 AND ltrim(nip, '0123456789') = ''),
  kind text NOT NULL CHECK (kind IN ('PNS', 'PPPK')),
  candidate boolean NOT NULL DEFAULT false CHECK (NOT candidate OR kind = 'PNS'),
  name text COLLATE "C" NOT NULL CHECK (name <> ''),
  sex text NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
  birth_date date NOT NULL,
  rank text CHECK (rank IS NULL
    OR (kind = 'PNS' AND rank IN ('I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d',
                                  'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c',
                                  'IV/d', 'IV/e'))
    OR (kind = 'PPPK' AND rank IN ('I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X',
                                   'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'))),
  status text NOT NULL DEFAULT 'ACTIVE'
    CHECK (status IN ('ACTIVE', 'ON_LEAVE', 'SUSPENDED', 'RETIRED', 'DECEASED', 'DISMISSED',
                      'TRANSFERRED_OUT')),
  agency_id text COLLATE "C" NOT NULL,
  unit_id text COLLATE "C",
  position_id text COLLATE "C",
  appointment_date date,
  position_start_date date,
  siasn_id text COLLATE "C" UNIQUE CHECK (siasn_id <> ''),
  version bigint NOT NULL DEFAULT 1,
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now(),
  CHECK ((unit_id IS NULL) = (position_id IS NULL))
);
-- List by agency / unit / position with keyset pagination on (nip) and (name, nip). Unit and
-- position lists are small (one unit's staff): ordering them by name sorts a few hundred rows,
-- and a position filter goes through its unit (positions never change unit), so the bulk
-- import maintains four secondary indexes rather than six.
CREATE INDEX employees_agency_nip ON employees (agency_id, nip);
CREATE INDEX employees_agency_name ON employees (agency_id, name, nip);
CREATE INDEX employees_unit_nip ON employees (unit_id, nip);

-- Effective-dated history [valid_from, valid_to). At most one open row per employee.
CREATE TABLE assignments (
  employee_id text COLLATE "C" NOT NULL,
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to > valid_from),
  position_id text COLLATE "C" NOT NULL,
  unit_id text COLLATE "C" NOT NULL,
  agency_id text COLLATE "C" NOT NULL,
  reason text NOT NULL CHECK (reason IN ('INITIAL', 'TRANSFER', 'PROMOTION', 'DEMOTION')),
  PRIMARY KEY (employee_id, valid_from)
);
CREATE UNIQUE INDEX assignments_one_open ON assignments (employee_id) WHERE valid_to IS NULL;
-- Who is in a unit / holds a position on a date (a position's holders: through its unit).
CREATE INDEX assignments_unit_at ON assignments (unit_id, valid_from)
  INCLUDE (valid_to, employee_id, position_id);

-- Plt / Plh: an ASN employee acting in a (leader) position, end_date INCLUSIVE.
CREATE TABLE acting_officials (
  id text COLLATE "C" PRIMARY KEY CHECK (id <> '' AND octet_length(id) <= 64),
  position_id text COLLATE "C" NOT NULL REFERENCES positions (id),
  employee_id text COLLATE "C" NOT NULL REFERENCES employees (id),
  kind text NOT NULL CHECK (kind IN ('PLT', 'PLH')),
  start_date date NOT NULL,
  end_date date NOT NULL CHECK (end_date >= start_date),
  basis text NOT NULL DEFAULT '',
  agency_id text COLLATE "C" NOT NULL REFERENCES agencies (id),
  create_time timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX acting_by_position ON acting_officials (position_id, start_date);
CREATE INDEX acting_by_employee ON acting_officials (employee_id, start_date);
CREATE INDEX acting_by_agency ON acting_officials (agency_id, start_date, id);
