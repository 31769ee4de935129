-- Quorum schema, version 10: when the session was really held, next to when it was scheduled.
--
-- starts_at / ends_at are the schedule (local time at the venue). session_opened_at is the instant the chair opened the
-- session (IN_SESSION), session_closed_at the instant they closed it (CLOSED); both stay NULL for a meeting that has not
-- got there, and for meetings opened before this version (their minutes fall back on the day of their first ballot).
-- The minutes print both: "Hội nghị dự kiến ngày 19/01/2024; thực tế họp ngày 03/12/2026".
-- (Numbered 10 to stay clear of a version 9 written in parallel.)

ALTER TABLE meeting
    ADD COLUMN session_opened_at TIMESTAMP(3) NULL COMMENT 'when the chair opened the session',
    ADD COLUMN session_closed_at TIMESTAMP(3) NULL COMMENT 'when the chair closed the session';
