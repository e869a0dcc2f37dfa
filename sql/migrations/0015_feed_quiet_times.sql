-- What a feed declares about when it is not updated (RSS 2.0 skipHours: UTC hours "0,1,23"; skipDays:
-- weekday names "Saturday,Sunday"). Adaptive polling moves the next poll out of them (tasks/quiet_times.py).
ALTER TABLE feeds ADD COLUMN skip_hours VARCHAR;
ALTER TABLE feeds ADD COLUMN skip_days VARCHAR;
