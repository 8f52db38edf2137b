-- Analytics read model: everything here is derived from the employee, goals and review
-- services' events (StreamEvents), applied by the followers in services/analytics/store with
-- each event's cursor in the same transaction (platform table event_cursors). Nothing is ever
-- read from another service's schema. Every row keeps `seq`, the producer's sequence of the last
-- event applied to it, and an event whose sequence is not newer than the row's is ignored, so
-- that a redelivered or out-of-order old event never overwrites a newer state.
--
-- Enum-like columns hold the producers' stable names without their proto prefix
-- ("APPROVED", "PELAKSANA"); ratings and predicates hold their national codes (1..3, 1..5).
-- Ids are the producers' ids (text, COLLATE "C").

CREATE TABLE agencies (
  agency_id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL DEFAULT '',
  seq bigint NOT NULL DEFAULT 0
);

-- The organisation tree as the employee service says it is now. path: the unit ids from the
-- agency's root unit down to this unit (itself last), kept for subtree scopes; rewritten for a
-- moved unit and everything below it.
CREATE TABLE units (
  unit_id text COLLATE "C" PRIMARY KEY,
  agency_id text COLLATE "C" NOT NULL,
  parent_id text COLLATE "C" NOT NULL DEFAULT '',
  name text NOT NULL DEFAULT '',
  leader_position_id text COLLATE "C" NOT NULL DEFAULT '',
  end_date date,
  path text[] COLLATE "C" NOT NULL,
  seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX units_path ON units USING gin (path);
CREATE INDEX units_parent ON units (parent_id);
CREATE INDEX units_leader ON units (leader_position_id) WHERE leader_position_id <> '';

CREATE TABLE positions (
  position_id text COLLATE "C" PRIMARY KEY,
  agency_id text COLLATE "C" NOT NULL,
  unit_id text COLLATE "C" NOT NULL DEFAULT '',
  name text NOT NULL DEFAULT '',
  position_type text NOT NULL DEFAULT '',
  seq bigint NOT NULL DEFAULT 0
);

CREATE TABLE employees (
  employee_id text COLLATE "C" PRIMARY KEY,
  agency_id text COLLATE "C" NOT NULL,
  nip text COLLATE "C" NOT NULL DEFAULT '',
  name text NOT NULL DEFAULT '',
  unit_id text COLLATE "C" NOT NULL DEFAULT '',
  position_id text COLLATE "C" NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT '',
  seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX employees_nip ON employees (nip) WHERE nip <> '';
CREATE INDEX employees_position ON employees (position_id) WHERE position_id <> '';

-- Plt / Plh appointments (a unit leader's role held by someone else for a time).
CREATE TABLE acting_officials (
  acting_id text COLLATE "C" PRIMARY KEY,
  agency_id text COLLATE "C" NOT NULL,
  position_id text COLLATE "C" NOT NULL,
  employee_id text COLLATE "C" NOT NULL,
  kind text NOT NULL DEFAULT '',
  start_date date NOT NULL,
  end_date date,
  seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX acting_officials_employee ON acting_officials (employee_id);

CREATE TABLE periods (
  period_id text COLLATE "C" PRIMARY KEY,
  agency_id text COLLATE "C" NOT NULL,
  year integer NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  filling_deadline date NOT NULL,
  cadence text NOT NULL DEFAULT 'MONTHLY',
  state text NOT NULL DEFAULT '',
  seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX periods_year ON periods (year, agency_id);

-- goals UnitPolicy: public-service units (and their sub-units when include_subunits).
CREATE TABLE unit_policies (
  unit_id text COLLATE "C" PRIMARY KEY,
  agency_id text COLLATE "C" NOT NULL,
  public_service boolean NOT NULL,
  include_subunits boolean NOT NULL,
  survey_id text NOT NULL DEFAULT '',
  seq bigint NOT NULL DEFAULT 0
);

-- review ReviewPolicy: what the reports need of it (no row: the documented defaults).
CREATE TABLE review_policies (
  agency_id text COLLATE "C" PRIMARY KEY,
  realisation_grace_days integer NOT NULL,
  seq bigint NOT NULL DEFAULT 0
);

CREATE TABLE plans (
  plan_id text COLLATE "C" PRIMARY KEY,
  period_id text COLLATE "C" NOT NULL,
  agency_id text COLLATE "C" NOT NULL,
  year integer NOT NULL,
  employee_id text COLLATE "C" NOT NULL DEFAULT '',
  nip text COLLATE "C" NOT NULL DEFAULT '',
  name text NOT NULL DEFAULT '',
  position_id text COLLATE "C" NOT NULL DEFAULT '',
  unit_id text COLLATE "C" NOT NULL DEFAULT '',
  position_type text NOT NULL DEFAULT '',
  state text NOT NULL,
  start_date date,
  end_date date,
  filling_deadline date,
  submit_time timestamptz,
  -- The first approval (on-time participation is judged by it).
  first_approve_time timestamptz,
  approved_revision integer NOT NULL DEFAULT 0,
  -- Of the approved content (the draft of a revision does not count until approved).
  has_quality_indicator boolean NOT NULL DEFAULT false,
  assessor_nip text COLLATE "C" NOT NULL DEFAULT '',
  assessor_name text NOT NULL DEFAULT '',
  seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX plans_period_unit ON plans (period_id, unit_id);
CREATE INDEX plans_year ON plans (year, agency_id, unit_id);
CREATE INDEX plans_employee ON plans (employee_id);

-- The indicators of a plan's last approved content.
CREATE TABLE plan_indicators (
  plan_id text COLLATE "C" NOT NULL,
  indicator_id text COLLATE "C" NOT NULL,
  text text NOT NULL DEFAULT '',
  aspect text NOT NULL DEFAULT '',
  qualitative boolean NOT NULL DEFAULT false,
  target_min double precision NOT NULL DEFAULT 0,
  target_max double precision NOT NULL DEFAULT 0,
  target_unit text NOT NULL DEFAULT '',
  lower_is_better boolean NOT NULL DEFAULT false,
  PRIMARY KEY (plan_id, indicator_id)
);

CREATE TABLE realisations (
  realisation_id text COLLATE "C" PRIMARY KEY,
  plan_id text COLLATE "C" NOT NULL,
  indicator_id text COLLATE "C" NOT NULL,
  year integer NOT NULL,
  window_index integer NOT NULL,
  window_end date NOT NULL,
  value double precision,
  evidence_count integer NOT NULL DEFAULT 0,
  late boolean NOT NULL DEFAULT false,
  seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX realisations_plan ON realisations (plan_id, indicator_id, window_index);

CREATE TABLE assessments (
  assessment_id text COLLATE "C" PRIMARY KEY,
  plan_id text COLLATE "C" NOT NULL,
  period_id text COLLATE "C" NOT NULL,
  agency_id text COLLATE "C" NOT NULL,
  year integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('PERIODIC', 'ANNUAL')),
  window_index integer NOT NULL DEFAULT 0,
  window_end date,
  unit_id text COLLATE "C" NOT NULL DEFAULT '',
  unit_head boolean NOT NULL DEFAULT false,
  position_type text NOT NULL DEFAULT '',
  employee_id text COLLATE "C" NOT NULL DEFAULT '',
  nip text COLLATE "C" NOT NULL DEFAULT '',
  name text NOT NULL DEFAULT '',
  assessor_nip text COLLATE "C" NOT NULL DEFAULT '',
  assessor_name text NOT NULL DEFAULT '',
  results_rating smallint,
  behaviour_rating smallint,
  predicate smallint,
  finalised boolean NOT NULL DEFAULT false,
  finalise_time timestamptz,
  seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX assessments_year ON assessments (year, agency_id, kind) WHERE finalised;
CREATE INDEX assessments_plan ON assessments (plan_id);
CREATE INDEX assessments_assessor ON assessments (assessor_nip, year) WHERE finalised;
CREATE INDEX assessments_employee ON assessments (employee_id, year);

-- Per-value behaviour ratings (1..3) of an assessment, when the assessor gave them.
CREATE TABLE assessment_values (
  assessment_id text COLLATE "C" NOT NULL,
  core_value text NOT NULL,
  rating smallint NOT NULL,
  PRIMARY KEY (assessment_id, core_value)
);

-- Released 360 summaries only (counts per core value); never who answered.
CREATE TABLE feedback_summaries (
  round_id text COLLATE "C" PRIMARY KEY,
  agency_id text COLLATE "C" NOT NULL,
  employee_id text COLLATE "C" NOT NULL,
  plan_id text COLLATE "C" NOT NULL,
  raters integer NOT NULL,
  -- Indexed by core value in official order (1 = Berorientasi Pelayanan .. 7 = Kolaboratif).
  below integer[] NOT NULL,
  as_expected integer[] NOT NULL,
  above integer[] NOT NULL,
  seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX feedback_summaries_plan ON feedback_summaries (plan_id);

CREATE TABLE org_predicates (
  unit_id text COLLATE "C" NOT NULL,
  period_id text COLLATE "C" NOT NULL,
  agency_id text COLLATE "C" NOT NULL,
  predicate smallint NOT NULL,
  seq bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, period_id)
);

CREATE TABLE objections (
  objection_id text COLLATE "C" PRIMARY KEY,
  assessment_id text COLLATE "C" NOT NULL,
  agency_id text COLLATE "C" NOT NULL,
  state text NOT NULL,
  predicate_before smallint,
  predicate_after smallint,
  seq bigint NOT NULL DEFAULT 0
);

CREATE TABLE survey_results (
  result_id text COLLATE "C" PRIMARY KEY,
  agency_id text COLLATE "C" NOT NULL,
  unit_id text COLLATE "C" NOT NULL,
  survey_id text NOT NULL,
  period_end date,
  ikm double precision NOT NULL,
  respondents integer NOT NULL,
  seq bigint NOT NULL DEFAULT 0
);

-- Finalised predicates counted per unit, kept by the same transactions that change the
-- assessments (so reports over a whole agency or the nation sum counters, not rows).
CREATE TABLE predicate_counts (
  year integer NOT NULL,
  kind text NOT NULL,
  window_index integer NOT NULL,
  agency_id text COLLATE "C" NOT NULL,
  unit_id text COLLATE "C" NOT NULL,
  position_type text NOT NULL,
  predicate smallint NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (year, kind, window_index, agency_id, unit_id, position_type, predicate)
);
CREATE INDEX predicate_counts_unit ON predicate_counts (unit_id, year);

-- The same counters per agency (national reports sum a few thousand rows).
CREATE TABLE agency_predicate_counts (
  year integer NOT NULL,
  kind text NOT NULL,
  window_index integer NOT NULL,
  agency_id text COLLATE "C" NOT NULL,
  position_type text NOT NULL,
  predicate smallint NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (year, kind, window_index, agency_id, position_type, predicate)
);

-- Each unit's compliance with the bands of its organisation predicate for a period, recomputed
-- whenever its predicate, its staff's annual assessments or its plans change.
CREATE TABLE unit_compliance (
  period_id text COLLATE "C" NOT NULL,
  unit_id text COLLATE "C" NOT NULL,
  agency_id text COLLATE "C" NOT NULL,
  year integer NOT NULL,
  org_predicate smallint NOT NULL,
  unit_staff integer NOT NULL,
  -- Finalised annual predicates of the unit's staff, by code 1..5.
  counts integer[] NOT NULL,
  -- [{rule, count, pending, unit_staff, actual_percent, limit, excess_percent, excess_staff}]
  violations jsonb NOT NULL DEFAULT '[]',
  breaking boolean NOT NULL,
  excess_staff integer NOT NULL DEFAULT 0,
  skipped_small_unit boolean NOT NULL DEFAULT false,
  PRIMARY KEY (period_id, unit_id)
);
CREATE INDEX unit_compliance_year ON unit_compliance (year, agency_id, breaking, excess_staff DESC);

-- goals DeadlineExtensionGranted: an employee's own later filling deadline in a period.
CREATE TABLE deadline_extensions (
  period_id text COLLATE "C" NOT NULL,
  employee_id text COLLATE "C" NOT NULL,
  until date NOT NULL,
  PRIMARY KEY (period_id, employee_id)
);
