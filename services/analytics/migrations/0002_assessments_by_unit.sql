-- A unit's finalised annual assessments in a period (ComplianceFacts, run for the unit of every
-- annual assessment event): without this index each such event scanned the whole assessments
-- table, which at national size (millions of rows) is hundreds of milliseconds per event.
CREATE INDEX assessments_unit_period ON assessments (unit_id, period_id) WHERE kind = 'ANNUAL';
