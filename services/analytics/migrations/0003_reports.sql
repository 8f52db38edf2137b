-- Indexes the reports' queries need (store/queries/*.sql), beside the read model's own
-- (0001_analytics.sql). Measured on a national-size read model (644 agencies, 129,000 units,
-- 4.8 million annual assessments in the counters).

-- An agency's units: grouping an agency's counters by unit, and the compliance report's units
-- without an organisation predicate.
CREATE INDEX units_agency ON units (agency_id);

-- The compliance report over every agency in its order (breaking first, most excess staff
-- first): the first rows of an index instead of sorting every unit of the nation.
CREATE INDEX unit_compliance_order
  ON unit_compliance (year, breaking DESC, excess_staff DESC, unit_id, period_id);
