-- Plan content the regulation allows (DOMAIN.md "Planning: SKP"): qualitative indicators, direct
-- and indirect cascading, lower-is-better indicators, public-service policies for a unit and
-- its sub-units naming the satisfaction survey (IKM), behaviour expectations in templates, one
-- period per agency and year, the period's cadence locked once a plan is approved (a store
-- check) and the days a mid-year plan has to be submitted.

-- Indicators (plan_results.indicators and plan_templates.results[].indicators) gain the JSON
-- fields "target_text", "lower_is_better" and "survey_id" (names.h field names; absent in rows
-- written before: "", false, ""). Nothing to rewrite.

-- Intervensi langsung / tidak langsung: cascade_type ('' when the result names no parent) and
-- the parent result's indicator this result supports ('' when none). Main results stored with a
-- parent before this migration contributed directly, the default for a main result that names
-- a parent without saying.
ALTER TABLE plan_results
  ADD COLUMN cascade_type text NOT NULL DEFAULT ''
    CHECK (cascade_type IN ('', 'DIRECT', 'INDIRECT')),
  ADD COLUMN parent_indicator_id text COLLATE "C" NOT NULL DEFAULT ''
    CHECK (octet_length(parent_indicator_id) <= 64);
UPDATE plan_results SET cascade_type = 'DIRECT'
WHERE kind = 'MAIN' AND parent_result_id IS NOT NULL;
ALTER TABLE plan_results
  ADD CONSTRAINT plan_results_cascade_needs_parent
    CHECK (cascade_type = '' OR (parent_result_id IS NOT NULL AND kind = 'MAIN')),
  ADD CONSTRAINT plan_results_parent_indicator_needs_parent
    CHECK (parent_indicator_id = '' OR parent_result_id IS NOT NULL);

-- Units from the agency's root unit down to the plan's unit, inclusive: which unit policies
-- apply to the plan. Filled from the employee service when plans are created or their lines
-- change; '{}' (plans stored before) means the plan's unit alone (unit_id).
ALTER TABLE plans ADD COLUMN unit_path text[] NOT NULL DEFAULT '{}';

-- A policy applies to its unit and, with include_subunits, to the units below it (the nearest
-- applying policy wins). survey_id: the IKM survey a quality indicator of the plans it applies
-- to must name ('' when none); only on public-service policies.
ALTER TABLE unit_policies
  ADD COLUMN include_subunits boolean NOT NULL DEFAULT false,
  ADD COLUMN survey_id text COLLATE "C" NOT NULL DEFAULT ''
    CHECK (survey_id ~ '^[A-Za-z0-9._-]{0,64}$'),
  ADD CONSTRAINT unit_policies_survey_needs_public_service
    CHECK (survey_id = '' OR public_service);

-- Templates carry the leader's behaviour expectations: [{"value", "expectation"}] as in
-- plans.behaviours ('[]' for templates stored before: none).
ALTER TABLE plan_templates
  ADD COLUMN behaviours jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(behaviours) = 'array');

-- Days a plan starting mid-period has to be submitted, from its start date.
ALTER TABLE periods
  ADD COLUMN mid_year_filling_days integer NOT NULL DEFAULT 30
    CHECK (mid_year_filling_days BETWEEN 1 AND 366);

-- One period per agency and year (was: per agency, year and name). Agencies that already have
-- several periods in a year keep them, so that this migration applies whatever is stored: all
-- but the first created of a year are marked legacy_duplicate, and the unique index leaves them
-- out. Every new period is not a duplicate, so the index refuses a second period of a year
-- that has one (CreatePeriod: PERIOD_EXISTS).
ALTER TABLE periods ADD COLUMN legacy_duplicate boolean NOT NULL DEFAULT false;
UPDATE periods p SET legacy_duplicate = true
WHERE EXISTS (SELECT 1 FROM periods q
              WHERE q.agency_id = p.agency_id AND q.year = p.year
                AND (q.create_time, q.id) < (p.create_time, p.id));
ALTER TABLE periods DROP CONSTRAINT periods_agency_id_year_name_key;
CREATE UNIQUE INDEX periods_one_per_year ON periods (agency_id, year) WHERE NOT legacy_duplicate;

-- The answers GetPlan reads (0004) hold the indicators and results as they were (no cascade
-- types): GetPlan builds them from the plans' columns again until each plan's next change
-- stores its answer.
DELETE FROM plan_answers;
