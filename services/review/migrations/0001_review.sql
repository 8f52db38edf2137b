-- Review service schema (assessments core): per-agency review policies, organisation
-- predicates, periodic and annual assessments, objections and the SIASN export marks. All
-- names unqualified: the pool's search_path points at the service schema. Enum-like columns
-- are text holding the domain's stable UPPER_SNAKE names (services/review/domain/names.h),
-- guarded by CHECKs. version columns back the etags and are bumped by every change. Ids made
-- here are uuid text. Plans, periods, employees, units and positions belong to the goals and
-- employee services: assessments keep a snapshot of what they need (no foreign keys across
-- services). Officials are stored as kinerja.review.v1.Official messages in their JSON form,
-- as the employee service resolved them on the day of the act. Rows are read back as one JSON
-- object each (to_jsonb), decoded by store/rows.cc.

-- Per-agency settings; no row: the documented defaults.
CREATE TABLE review_policies (
  agency_id text COLLATE "C" PRIMARY KEY CHECK (agency_id <> '' AND octet_length(agency_id) <= 64),
  objection_days integer NOT NULL CHECK (objection_days BETWEEN 1 AND 365),
  objection_working_days boolean NOT NULL,
  holidays date[] NOT NULL DEFAULT '{}',
  anonymity_threshold integer NOT NULL CHECK (anonymity_threshold BETWEEN 2 AND 1000),
  distribution_block boolean NOT NULL,
  realisation_grace_days integer NOT NULL CHECK (realisation_grace_days BETWEEN 0 AND 366),
  koefisien_id text COLLATE "C" NOT NULL DEFAULT '',
  version bigint NOT NULL DEFAULT 1,
  update_time timestamptz NOT NULL DEFAULT now()
);

-- A unit's organisation predicate for a goals period, set by the leader one level up of the
-- day. Its row is also the lock that serialises finalisations of the unit's assessments of the
-- period (FOR UPDATE), so that two cannot both pass the distribution check.
CREATE TABLE org_predicates (
  id text COLLATE "C" PRIMARY KEY DEFAULT gen_random_uuid()::text,
  agency_id text COLLATE "C" NOT NULL CHECK (agency_id <> ''),
  unit_id text COLLATE "C" NOT NULL CHECK (unit_id <> ''),
  period_id text COLLATE "C" NOT NULL CHECK (period_id <> ''),
  predicate text NOT NULL
    CHECK (predicate IN ('ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG')),
  decided_by jsonb NOT NULL,
  capacity text NOT NULL
    CHECK (capacity IN ('DEFINITIVE', 'PLT', 'PLH', 'DELEGATED', 'PJ', 'HR_FOR_NON_ASN')),
  recorded_by text NOT NULL,
  note text NOT NULL DEFAULT '',
  decide_time timestamptz NOT NULL DEFAULT now(),
  version bigint NOT NULL DEFAULT 1,
  UNIQUE (unit_id, period_id)
);
CREATE INDEX org_predicates_list ON org_predicates (agency_id, period_id, unit_id);

-- A periodic or annual assessment of one plan: one per plan, kind and window (first day).
CREATE TABLE assessments (
  id text COLLATE "C" PRIMARY KEY DEFAULT gen_random_uuid()::text,
  plan_id text COLLATE "C" NOT NULL CHECK (plan_id <> ''),
  plan_revision integer NOT NULL,
  period_id text COLLATE "C" NOT NULL,
  agency_id text COLLATE "C" NOT NULL,
  unit_id text COLLATE "C" NOT NULL,
  employee_id text COLLATE "C" NOT NULL,
  employee_nip text COLLATE "C" NOT NULL,
  employee jsonb NOT NULL,
  employee_siasn_id text COLLATE "C" NOT NULL DEFAULT '',
  position_type text NOT NULL DEFAULT '',
  functional_level text NOT NULL DEFAULT '',
  unit_head boolean NOT NULL,
  kind text NOT NULL CHECK (kind IN ('PERIODIC', 'ANNUAL')),
  cadence text NOT NULL CHECK (cadence IN ('MONTHLY', 'QUARTERLY')),
  window_year integer NOT NULL,
  window_index integer NOT NULL,
  window_first date NOT NULL,
  window_last date NOT NULL CHECK (window_last >= window_first),
  month_start integer NOT NULL CHECK (month_start BETWEEN 1 AND 12),
  month_end integer NOT NULL CHECK (month_end BETWEEN 1 AND 12),
  results_rating text CHECK (results_rating IN ('ABOVE', 'AS_EXPECTED', 'BELOW')),
  behaviour_rating text CHECK (behaviour_rating IN ('ABOVE', 'AS_EXPECTED', 'BELOW')),
  predicate text
    CHECK (predicate IN ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG')),
  results_note text NOT NULL DEFAULT '',
  behaviour_note text NOT NULL DEFAULT '',
  assessor jsonb,
  assessor_capacity text
    CHECK (assessor_capacity IN ('DEFINITIVE', 'PLT', 'PLH', 'DELEGATED', 'PJ', 'HR_FOR_NON_ASN')),
  recorded_by text NOT NULL DEFAULT '',
  state text NOT NULL CHECK (state IN ('DRAFT', 'FINALISED')),
  distribution_justification text NOT NULL DEFAULT '',
  distribution_findings text[] NOT NULL DEFAULT '{}',
  finalise_time timestamptz,
  delivered_date date,
  credit_points_thousandths bigint,
  objection_id text COLLATE "C" NOT NULL DEFAULT '',
  version bigint NOT NULL DEFAULT 1,
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, kind, window_first),
  CHECK (state = 'DRAFT' OR (predicate IS NOT NULL AND finalise_time IS NOT NULL))
);
-- The distribution count of a unit's finalised staff predicates (FinaliseAssessment).
CREATE INDEX assessments_unit ON assessments (unit_id, period_id, kind, window_index, state);
CREATE INDEX assessments_list ON assessments (agency_id, period_id, id);
CREATE INDEX assessments_employee ON assessments (employee_nip, id);

-- An objection (keberatan): one per assessment.
CREATE TABLE objections (
  id text COLLATE "C" PRIMARY KEY DEFAULT gen_random_uuid()::text,
  assessment_id text COLLATE "C" NOT NULL UNIQUE REFERENCES assessments (id),
  agency_id text COLLATE "C" NOT NULL,
  employee_id text COLLATE "C" NOT NULL,
  employee_nip text COLLATE "C" NOT NULL,
  state text NOT NULL CHECK (state IN ('FILED', 'DECIDED')),
  filed_date date NOT NULL,
  deadline date NOT NULL,
  employee_explanation text NOT NULL DEFAULT '',
  assessor_explanation text NOT NULL DEFAULT '',
  decided_by jsonb,
  capacity text
    CHECK (capacity IN ('DEFINITIVE', 'PLT', 'PLH', 'DELEGATED', 'PJ', 'HR_FOR_NON_ASN')),
  recorded_by text NOT NULL DEFAULT '',
  results_before text, behaviour_before text, predicate_before text,
  results_after text, behaviour_after text, predicate_after text,
  changed boolean NOT NULL DEFAULT false,
  decision_note text NOT NULL DEFAULT '',
  file_time timestamptz NOT NULL DEFAULT now(),
  decide_time timestamptz,
  version bigint NOT NULL DEFAULT 1
);
CREATE INDEX objections_list ON objections (agency_id, id);

-- The last SIASN export of each assessment: the assessment's version then. An assessment whose
-- version moved on since (an objection decision) is exported again as CHANGED.
CREATE TABLE assessment_exports (
  assessment_id text COLLATE "C" PRIMARY KEY REFERENCES assessments (id),
  exported_version bigint NOT NULL,
  export_count integer NOT NULL DEFAULT 1,
  exported_by text NOT NULL,
  export_time timestamptz NOT NULL DEFAULT now()
);
