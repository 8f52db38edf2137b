-- Organisation through the year: abolished units, delegated assessors and regional heads.

-- A unit abolished from end_date (exclusive: the unit exists up to the day before). The store
-- refuses it while the unit has staff or open child units on or after that day.
ALTER TABLE org_units ADD COLUMN end_date date;

-- Delegated assessment of a unit's staff (AssessmentDelegation), end_date INCLUSIVE (NULL:
-- open-ended). At most one per unit on any day: the store checks overlaps under a lock on the
-- unit row.
CREATE TABLE assessment_delegations (
  id text COLLATE "C" PRIMARY KEY CHECK (id <> '' AND octet_length(id) <= 64),
  agency_id text COLLATE "C" NOT NULL REFERENCES agencies (id),
  unit_id text COLLATE "C" NOT NULL REFERENCES org_units (id),
  delegate_employee_id text COLLATE "C" NOT NULL REFERENCES employees (id),
  start_date date NOT NULL,
  end_date date CHECK (end_date >= start_date),
  basis text NOT NULL DEFAULT '',
  create_time timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delegations_by_unit ON assessment_delegations (unit_id, start_date);
CREATE INDEX delegations_by_delegate ON assessment_delegations (delegate_employee_id, start_date);
CREATE INDEX delegations_by_agency ON assessment_delegations (agency_id, start_date, id);

-- Regional heads (kepala daerah) with their terms, term_end INCLUSIVE (NULL: open). ELECTED:
-- NON-ASN, a name and no employee; PJ: an ASN employee. Terms of one unit do not overlap (the
-- store checks under a lock on the unit row).
CREATE TABLE regional_heads (
  id text COLLATE "C" PRIMARY KEY CHECK (id <> '' AND octet_length(id) <= 64),
  agency_id text COLLATE "C" NOT NULL REFERENCES agencies (id),
  unit_id text COLLATE "C" NOT NULL REFERENCES org_units (id),
  kind text NOT NULL CHECK (kind IN ('ELECTED', 'PJ')),
  name text NOT NULL DEFAULT '',
  title text NOT NULL DEFAULT '',
  employee_id text COLLATE "C" REFERENCES employees (id),
  term_start date NOT NULL,
  term_end date CHECK (term_end >= term_start),
  basis text NOT NULL DEFAULT '',
  version bigint NOT NULL DEFAULT 1,
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'PJ') = (employee_id IS NOT NULL)),
  CHECK (kind = 'PJ' OR name <> '')
);
CREATE INDEX regional_heads_by_unit ON regional_heads (unit_id, term_start);
CREATE INDEX regional_heads_by_agency ON regional_heads (agency_id, term_start, id);
