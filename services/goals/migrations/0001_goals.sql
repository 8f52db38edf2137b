-- Goals service schema: annual periods with deadline extensions, unit policies, performance plans
-- (SKP) with their work results (RHK), approved versions, templates, and the cursors of the
-- event consumers. All names unqualified: the pool's search_path points at the service schema.
-- Enum-like columns are text holding the domain's stable UPPER_SNAKE names
-- (services/goals/domain/names.h), guarded by CHECKs. version columns back the etags
-- (rpc::EtagFor) and are bumped by every change. Ids made here are uuid text.
-- Employees, units and positions belong to the employee service: plans keep a snapshot of them
-- (no foreign keys across services).

CREATE TABLE periods (
  id text COLLATE "C" PRIMARY KEY DEFAULT gen_random_uuid()::text,
  agency_id text COLLATE "C" NOT NULL CHECK (agency_id <> '' AND octet_length(agency_id) <= 64),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  name text COLLATE "C" NOT NULL CHECK (name <> '' AND octet_length(name) <= 200),
  start_date date NOT NULL,
  end_date date NOT NULL CHECK (end_date >= start_date),
  filling_deadline date NOT NULL CHECK (filling_deadline BETWEEN start_date AND end_date),
  cadence text NOT NULL CHECK (cadence IN ('MONTHLY', 'QUARTERLY')),
  state text NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'CLOSED', 'LOCKED')),
  version bigint NOT NULL DEFAULT 1,
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agency_id, year, name)
);
-- ListPeriods order: agency_id, year desc, id.
CREATE INDEX periods_list ON periods (agency_id, year DESC, id);

-- Individual extension of a period's filling deadline; `until` inclusive. One per employee
-- and period (a new grant replaces the earlier one).
CREATE TABLE deadline_extensions (
  period_id text COLLATE "C" NOT NULL REFERENCES periods (id),
  employee_id text COLLATE "C" NOT NULL CHECK (employee_id <> ''),
  until date NOT NULL,
  reason text NOT NULL CHECK (reason <> ''),
  granted_by text NOT NULL,
  grant_time timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (period_id, employee_id)
);

-- Agency policy per unit (a unit keeps its agency).
CREATE TABLE unit_policies (
  unit_id text COLLATE "C" PRIMARY KEY CHECK (unit_id <> '' AND octet_length(unit_id) <= 64),
  agency_id text COLLATE "C" NOT NULL CHECK (agency_id <> '' AND octet_length(agency_id) <= 64),
  public_service boolean NOT NULL DEFAULT false,
  version bigint NOT NULL DEFAULT 1,
  update_time timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unit_policies_agency ON unit_policies (agency_id, unit_id);

-- Sasaran kinerja pegawai: one per employee, period and position. The employee snapshot is kept
-- in columns (filters, ordering, the cascade); the assessor (pejabat penilai) and the assessor's
-- superior as JSON objects (PlanPerson, names.h field names). assessor_employee_id mirrors
-- assessor->employee_id (NULL without an assessor or for a NON-ASN one): the cascade walks it.
-- behaviours: [{"value": "<CoreValue name>", "expectation": "..."}], the 7 values in order.
CREATE TABLE plans (
  id text COLLATE "C" PRIMARY KEY DEFAULT gen_random_uuid()::text,
  period_id text COLLATE "C" NOT NULL REFERENCES periods (id),
  agency_id text COLLATE "C" NOT NULL CHECK (agency_id <> ''),
  employee_id text COLLATE "C" NOT NULL CHECK (employee_id <> ''),
  employee_nip text COLLATE "C" NOT NULL DEFAULT '',
  employee_name text COLLATE "C" NOT NULL,
  position_id text COLLATE "C" NOT NULL CHECK (position_id <> ''),
  position_name text NOT NULL DEFAULT '',
  unit_id text COLLATE "C" NOT NULL DEFAULT '',
  unit_name text NOT NULL DEFAULT '',
  employee_non_asn boolean NOT NULL DEFAULT false,
  employee_acting text NOT NULL DEFAULT '' CHECK (employee_acting IN ('', 'PLT', 'PLH')),
  employee_rank_label text NOT NULL DEFAULT '',
  position_type text NOT NULL CHECK (position_type <> ''),
  assessor_employee_id text COLLATE "C" CHECK (assessor_employee_id <> ''),
  assessor jsonb CHECK (assessor IS NULL OR jsonb_typeof(assessor) = 'object'),
  assessor_superior jsonb
    CHECK (assessor_superior IS NULL OR jsonb_typeof(assessor_superior) = 'object'),
  state text NOT NULL DEFAULT 'DRAFT'
    CHECK (state IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED', 'CLOSED')),
  style text NOT NULL CHECK (style IN ('QUANTITATIVE', 'QUALITATIVE')),
  revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
  revision_reason text NOT NULL DEFAULT '',
  return_note text NOT NULL DEFAULT '',
  behaviours jsonb NOT NULL CHECK (jsonb_typeof(behaviours) = 'array'),
  close_reason text NOT NULL DEFAULT '',
  end_date date,
  submit_time timestamptz,
  approve_time timestamptz,
  version bigint NOT NULL DEFAULT 1,
  create_time timestamptz NOT NULL DEFAULT now(),
  update_time timestamptz NOT NULL DEFAULT now(),
  CHECK (state <> 'CLOSED' OR end_date IS NOT NULL)
);
-- At most one open plan per employee, period and position (CreatePlan: PLAN_EXISTS).
CREATE UNIQUE INDEX plans_one_open ON plans (period_id, employee_id, position_id)
  WHERE state <> 'CLOSED';
-- ListPlans order (period_id, employee name, id), within a period and within an agency.
CREATE INDEX plans_period_name ON plans (period_id, employee_name, id);
CREATE INDEX plans_agency_name ON plans (agency_id, period_id, employee_name, id);
-- The cascade's recursive step: the open plans of a period assessed by one employee.
CREATE INDEX plans_cascade ON plans (period_id, assessor_employee_id) INCLUDE (employee_id)
  WHERE state <> 'CLOSED';
CREATE INDEX plans_employee ON plans (employee_id, create_time);
CREATE INDEX plans_assessor ON plans (assessor_employee_id, period_id);
CREATE INDEX plans_unit ON plans (unit_id, period_id);
-- ListPlans for civil servants: their own plans (employee_nip) and their reports' (assessor_nip).
CREATE INDEX plans_employee_nip ON plans (employee_nip, period_id);
CREATE INDEX plans_assessor_nip ON plans ((assessor->>'nip'), period_id);

-- The current work results of a plan, in `ordinal` order. Ids are the domain's content ids and
-- survive revisions; parent_result_id names another plan's result (intervensi) and is NOT a
-- foreign key: a parent keeps its id across the parent plan's revisions and the domain refuses
-- to remove a result others cascade from. approved: the result is part of an approved version.
-- indicators: [{"id", "text", "aspect", "target_min", "target_max", "target_unit"}].
CREATE TABLE plan_results (
  id text COLLATE "C" PRIMARY KEY CHECK (id <> '' AND octet_length(id) <= 64),
  plan_id text COLLATE "C" NOT NULL REFERENCES plans (id),
  ordinal integer NOT NULL CHECK (ordinal >= 0),
  kind text NOT NULL CHECK (kind IN ('MAIN', 'ADDITIONAL')),
  text text NOT NULL,
  parent_result_id text COLLATE "C" CHECK (parent_result_id <> '' AND parent_result_id <> id),
  perspective text NOT NULL DEFAULT ''
    CHECK (perspective IN ('', 'SERVICE_RECIPIENTS', 'BUSINESS_PROCESS',
                           'INTERNAL_STRENGTHENING', 'BUDGET')),
  template_id text COLLATE "C" NOT NULL DEFAULT '',
  approved boolean NOT NULL DEFAULT false,
  indicators jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(indicators) = 'array')
);
CREATE INDEX plan_results_plan ON plan_results (plan_id, ordinal);
CREATE INDEX plan_results_parent ON plan_results (parent_result_id, plan_id)
  WHERE parent_result_id IS NOT NULL;

-- Approved versions: the plan as approved (kinerja.goals.v1.Plan, serialized; snapshot_json is
-- the same message as JSON for people reading the database).
CREATE TABLE plan_versions (
  plan_id text COLLATE "C" NOT NULL REFERENCES plans (id),
  revision integer NOT NULL CHECK (revision >= 1),
  snapshot bytea NOT NULL,
  snapshot_json jsonb NOT NULL,
  approved_by text NOT NULL,
  approve_time timestamptz NOT NULL,
  PRIMARY KEY (plan_id, revision)
);

-- Plan templates; results as JSON: [{"kind", "text", "parent_result_id", "perspective",
-- "indicators": [...]}] (the names of plan_results and its indicators).
CREATE TABLE plan_templates (
  id text COLLATE "C" PRIMARY KEY DEFAULT gen_random_uuid()::text,
  agency_id text COLLATE "C" NOT NULL CHECK (agency_id <> ''),
  name text NOT NULL CHECK (name <> ''),
  results jsonb NOT NULL CHECK (jsonb_typeof(results) = 'array'),
  version bigint NOT NULL DEFAULT 1,
  create_time timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_templates_agency ON plan_templates (agency_id, id);

-- Where each consumer of another service's events stands; written in the same transaction as
-- the effect of the events up to `cursor` (exactly-once effect).
CREATE TABLE consumer_cursors (
  consumer text PRIMARY KEY CHECK (consumer <> ''),
  cursor text NOT NULL,
  update_time timestamptz NOT NULL DEFAULT now()
);
