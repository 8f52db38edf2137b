-- Event cursors moved to the platform table event_cursors (shared/db/migrations/0003): the
-- transfer consumer's position is carried over under the platform follower's name.
INSERT INTO event_cursors (consumer, cursor, update_time)
SELECT 'goals.employee-transfers', cursor, update_time FROM consumer_cursors
WHERE consumer = 'employee.EmployeeTransferred'
ON CONFLICT (consumer) DO NOTHING;
DROP TABLE consumer_cursors;
