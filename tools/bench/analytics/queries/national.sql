-- The national read model of kinerja-analytics-bench (national.cc): generated in the analytics
-- schema by set-based SQL, from a small table of agencies (gen_agencies, sized in C++). Every
-- random choice is a hash of a row's number (pg_temp.u01), so the same sizes give the same data.
-- Ids: agency "c001" (central) / "p01" (province) / "r001" (regency or city); unit "<agency>.u<k>",
-- employee "<agency>.e<e>", position "<agency>.p<e>", plan "<agency>.pl<e>", period
-- "<agency>.<year>". Employee e = k heads unit k (unit k's leader position is "<agency>.p<k>").

-- name: CreateHelpers
-- u01(k, salt): a uniform number in [0, 1) from k. A unit's level (1 root, 2, 3, 4) and parent
-- number from its number k and the agency's counts of level-2 and level-3 units.
CREATE FUNCTION pg_temp.u01(k bigint, salt bigint) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (hashint8extended(k, salt) & 4294967295)::double precision / 4294967296.0 $$;
CREATE FUNCTION pg_temp.unit_level(k integer, n2 integer, n3 integer) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN k = 1 THEN 1 WHEN k <= 1 + n2 THEN 2 WHEN k <= 1 + n2 + n3 THEN 3
                    ELSE 4 END $$;
CREATE FUNCTION pg_temp.unit_parent(k integer, n2 integer, n3 integer) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN k <= 1 THEN 0 WHEN k <= 1 + n2 THEN 1
                    WHEN k <= 1 + n2 + n3 THEN 2 + (k - 2 - n2) % n2
                    ELSE 2 + n2 + (k - 2 - n2 - n3) % n3 END $$;
CREATE TEMP TABLE gen_agencies (
  agency_id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  central boolean NOT NULL,
  size integer NOT NULL,
  units integer NOT NULL,
  n2 integer NOT NULL,
  n3 integer NOT NULL,
  first_g bigint NOT NULL
)

-- name: LoadGenAgencies
-- $1 ids, $2 names, $3 central, $4 employees, $5 units, $6 level-2 units, $7 level-3 units,
-- $8 global number of the agency's first employee.
INSERT INTO gen_agencies
SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::integer[], $5::integer[],
                     $6::integer[], $7::integer[], $8::bigint[])

-- name: SecondaryIndexes
-- $1 tables: their indexes other than primary keys, to drop before the load and create after.
SELECT i.indexname, i.indexdef FROM pg_indexes i
WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                  WHERE c.conname = i.indexname AND c.contype IN ('p', 'u'))
ORDER BY i.indexname

-- name: InsertAgencies
INSERT INTO agencies (agency_id, name) SELECT agency_id, name FROM gen_agencies

-- name: InsertUnits
-- 1 root, n2 level-2 units under it, n3 level-3 units spread over those, the rest level 4.
INSERT INTO units (unit_id, agency_id, parent_id, name, leader_position_id, path)
SELECT a.agency_id || '.u' || k, a.agency_id,
       CASE WHEN p1 = 0 THEN '' ELSE a.agency_id || '.u' || p1 END,
       (ARRAY['Sekretariat', 'Biro', 'Bagian', 'Subbagian'])[lvl] || ' ' || k,
       a.agency_id || '.p' || k,
       CASE lvl WHEN 1 THEN ARRAY[a.agency_id || '.u' || k]
                WHEN 2 THEN ARRAY[a.agency_id || '.u1', a.agency_id || '.u' || k]
                WHEN 3 THEN ARRAY[a.agency_id || '.u1', a.agency_id || '.u' || p1,
                                  a.agency_id || '.u' || k]
                ELSE ARRAY[a.agency_id || '.u1', a.agency_id || '.u' || p2,
                           a.agency_id || '.u' || p1, a.agency_id || '.u' || k] END
FROM gen_agencies a, generate_series(1, a.units) k,
     LATERAL (SELECT pg_temp.unit_level(k, a.n2, a.n3) AS lvl,
                     pg_temp.unit_parent(k, a.n2, a.n3) AS p1) x,
     LATERAL (SELECT pg_temp.unit_parent(x.p1, a.n2, a.n3) AS p2) y

-- name: InsertPeriods
-- $1 year: one annual period per agency, quarterly periodic windows.
INSERT INTO periods (period_id, agency_id, year, start_date, end_date, filling_deadline, cadence,
                     state)
SELECT agency_id || '.' || $1::int, agency_id, $1::int, make_date($1::int, 1, 1),
       make_date($1::int, 12, 31), make_date($1::int, 1, 31), 'QUARTERLY', 'OPEN'
FROM gen_agencies

-- name: CreateStaff
-- Every employee with their unit, head flag, assessor, position type, and the hashes the plans
-- and assessments are drawn from.
CREATE TEMP TABLE gen_staff (
  agency_id text COLLATE "C" NOT NULL,
  e integer NOT NULL,
  g bigint NOT NULL,
  unit_k integer NOT NULL,
  head boolean NOT NULL,
  assessor_e integer NOT NULL,  -- 0: none (the agency's top official)
  position_type text NOT NULL,
  predicate smallint NOT NULL,
  plan_state text NOT NULL,
  annual_finalised boolean NOT NULL,
  periodic boolean NOT NULL
)

-- name: InsertStaff
-- Employees 1..units head units 1..units; the others go to units drawn towards the higher
-- numbers (the level-4 units, where most staff work). Staff predicates: a unit's leniency
-- (0..1) moves Sangat Baik between 4 % and 34 %; Butuh Perbaikan 5 %, Kurang 1.5 %, Sangat
-- Kurang 0.5 %, Baik the rest. Plans: 1.5 % closed, 1 % submitted, the rest approved; annual
-- assessments of approved and closed plans, 95 % finalised; periodic (4 quarters) for 5 %.
INSERT INTO gen_staff
SELECT a.agency_id, s.e, s.g, s.unit_k, s.head,
       CASE WHEN s.head THEN pg_temp.unit_parent(s.unit_k, a.n2, a.n3) ELSE s.unit_k END,
       CASE WHEN NOT s.head THEN CASE WHEN pg_temp.u01(s.g, 2) < 0.45 THEN 'FUNGSIONAL'
                                      ELSE 'PELAKSANA' END
            ELSE CASE pg_temp.unit_level(s.unit_k, a.n2, a.n3)
                   WHEN 1 THEN CASE WHEN a.central THEN 'JPT_MADYA' ELSE 'JPT_PRATAMA' END
                   WHEN 2 THEN 'JPT_PRATAMA' WHEN 3 THEN 'ADMINISTRATOR' ELSE 'PENGAWAS' END END,
       CASE WHEN r.pick < r.sb THEN 1 WHEN r.pick < r.sb + 0.05 THEN 3
            WHEN r.pick < r.sb + 0.065 THEN 4 WHEN r.pick < r.sb + 0.07 THEN 5 ELSE 2 END,
       CASE WHEN r.state < 0.015 THEN 'CLOSED' WHEN r.state < 0.025 THEN 'SUBMITTED'
            ELSE 'APPROVED' END,
       pg_temp.u01(s.g, 6) < 0.95,
       pg_temp.u01(s.g, 7) < 0.05
FROM gen_agencies a, generate_series(1, a.size) e,
     LATERAL (SELECT e, a.first_g + e - 1 AS g, e <= a.units AS head,
                     CASE WHEN e <= a.units THEN e
                          ELSE LEAST(a.units, 1 + floor(a.units * power(
                                 pg_temp.u01(a.first_g + e - 1, 1), 0.7))::integer) END AS unit_k
             ) s,
     LATERAL (SELECT pg_temp.u01(s.g, 4) AS pick, pg_temp.u01(s.g, 5) AS state,
                     0.04 + 0.30 * pg_temp.u01(a.first_g * 4096 + s.unit_k, 3) AS sb) r

-- name: InsertPlans
-- $1 year
INSERT INTO plans (plan_id, period_id, agency_id, year, employee_id, nip, name, position_id,
                   unit_id, position_type, state, start_date, end_date, filling_deadline,
                   submit_time, first_approve_time, approved_revision, has_quality_indicator,
                   assessor_nip, assessor_name)
SELECT s.agency_id || '.pl' || s.e, s.agency_id || '.' || $1::int, s.agency_id, $1::int,
       s.agency_id || '.e' || s.e, (198000000000000000 + s.g)::text, 'Pegawai ' || s.g,
       s.agency_id || '.p' || s.e, s.agency_id || '.u' || s.unit_k, s.position_type, s.plan_state,
       make_date($1::int, 1, 1), make_date($1::int, 12, 31), make_date($1::int, 1, 31),
       make_timestamptz($1::int, 1, 10, 9, 0, 0, 'Asia/Jakarta') + (s.e % 20) * interval '1 day',
       CASE WHEN s.plan_state <> 'SUBMITTED'
            THEN make_timestamptz($1::int, 1, 12, 10, 0, 0, 'Asia/Jakarta')
                 + (s.e % 30) * interval '1 day' END,
       CASE WHEN s.plan_state <> 'SUBMITTED' THEN 1 ELSE 0 END,
       pg_temp.u01(s.g, 8) < 0.8,
       CASE WHEN s.assessor_e = 0 THEN '' ELSE (198000000000000000 + a.first_g + s.assessor_e - 1)::text END,
       CASE WHEN s.assessor_e = 0 THEN '' ELSE 'Pegawai ' || (a.first_g + s.assessor_e - 1) END
FROM gen_staff s JOIN gen_agencies a USING (agency_id)

-- name: InsertAnnualAssessments
-- $1 year: for approved and closed plans; the ratings that derive the drawn predicate.
INSERT INTO assessments (assessment_id, plan_id, period_id, agency_id, year, kind, window_index,
                         window_end, unit_id, unit_head, position_type, employee_id, nip, name,
                         assessor_nip, assessor_name, results_rating, behaviour_rating, predicate,
                         finalised, finalise_time)
SELECT s.agency_id || '.a' || s.e, s.agency_id || '.pl' || s.e, s.agency_id || '.' || $1::int,
       s.agency_id, $1::int, 'ANNUAL', 0, make_date($1::int, 12, 31),
       s.agency_id || '.u' || s.unit_k, s.head, s.position_type, s.agency_id || '.e' || s.e,
       (198000000000000000 + s.g)::text, 'Pegawai ' || s.g,
       CASE WHEN s.assessor_e = 0 THEN '' ELSE (198000000000000000 + a.first_g + s.assessor_e - 1)::text END,
       CASE WHEN s.assessor_e = 0 THEN '' ELSE 'Pegawai ' || (a.first_g + s.assessor_e - 1) END,
       (ARRAY[1, 2, 3, 2, 3])[s.predicate], (ARRAY[1, 2, 2, 3, 3])[s.predicate], s.predicate,
       s.annual_finalised,
       CASE WHEN s.annual_finalised
            THEN make_timestamptz($1::int + 1, 1, 5, 9, 0, 0, 'Asia/Jakarta')
                 + (s.e % 40) * interval '1 day' END
FROM gen_staff s JOIN gen_agencies a USING (agency_id)
WHERE s.plan_state <> 'SUBMITTED'

-- name: InsertPeriodicAssessments
-- $1 year: four finalised quarters for the employees drawn for them (approved plans).
INSERT INTO assessments (assessment_id, plan_id, period_id, agency_id, year, kind, window_index,
                         window_end, unit_id, unit_head, position_type, employee_id, nip, name,
                         assessor_nip, assessor_name, results_rating, behaviour_rating, predicate,
                         finalised, finalise_time)
SELECT s.agency_id || '.q' || q || '.' || s.e, s.agency_id || '.pl' || s.e,
       s.agency_id || '.' || $1::int, s.agency_id, $1::int, 'PERIODIC', q,
       (make_date($1::int, 3 * q, 1) + interval '1 month' - interval '1 day')::date,
       s.agency_id || '.u' || s.unit_k, s.head, s.position_type, s.agency_id || '.e' || s.e,
       (198000000000000000 + s.g)::text, 'Pegawai ' || s.g,
       CASE WHEN s.assessor_e = 0 THEN '' ELSE (198000000000000000 + a.first_g + s.assessor_e - 1)::text END,
       CASE WHEN s.assessor_e = 0 THEN '' ELSE 'Pegawai ' || (a.first_g + s.assessor_e - 1) END,
       (ARRAY[1, 2, 3, 2, 3])[p.predicate], (ARRAY[1, 2, 2, 3, 3])[p.predicate], p.predicate, true,
       make_timestamptz($1::int, 3 * q, 28, 9, 0, 0, 'Asia/Jakarta') + interval '10 days'
FROM gen_staff s JOIN gen_agencies a USING (agency_id), generate_series(1, 4) q,
     LATERAL (SELECT CASE WHEN pg_temp.u01(s.g * 8 + q, 9) < 0.8 THEN s.predicate
                          ELSE 2 END::smallint AS predicate) p
WHERE s.periodic AND s.plan_state = 'APPROVED'

-- name: InsertOrgPredicates
-- $1 year: 90 % of the units get one (Istimewa 15 %, Baik 70 %, Butuh Perbaikan 11 %, Kurang
-- 3 %, Sangat Kurang 1 %).
INSERT INTO org_predicates (unit_id, period_id, agency_id, predicate)
SELECT a.agency_id || '.u' || k, a.agency_id || '.' || $1::int, a.agency_id,
       CASE WHEN v < 0.15 THEN 1 WHEN v < 0.85 THEN 2 WHEN v < 0.96 THEN 3 WHEN v < 0.99 THEN 4
            ELSE 5 END
FROM gen_agencies a, generate_series(1, a.units) k,
     LATERAL (SELECT pg_temp.u01(a.first_g * 4096 + k, 10) AS v,
                     pg_temp.u01(a.first_g * 4096 + k, 11) AS has) x
WHERE x.has < 0.9

-- name: ReadModelSize
-- What was generated and derived.
SELECT (SELECT count(*) FROM agencies), (SELECT count(*) FROM units),
       (SELECT count(*) FROM plans),
       (SELECT count(*) FROM assessments WHERE kind = 'ANNUAL'),
       (SELECT count(*) FROM assessments WHERE kind = 'PERIODIC'),
       (SELECT count(*) FROM org_predicates), (SELECT count(*) FROM predicate_counts),
       (SELECT count(*) FROM agency_predicate_counts), (SELECT count(*) FROM unit_compliance),
       (SELECT count(*) FROM unit_compliance WHERE breaking),
       pg_database_size(current_database())
