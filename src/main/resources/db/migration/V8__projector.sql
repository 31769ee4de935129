-- Quorum schema, version 8: what the hall's projector shows, as the chair chose it from the console.
--
-- AUTOMATIC: an open ballot's turnout, else a result published in the last minutes, else the current item and the
-- quorum; AGENDA: always the current item and the quorum; RESULT: the published result of projector_ballot_id;
-- BLANK: the meeting's title only. The service checks that a chosen result is a published ballot of this meeting
-- (a projector_ballot_id that no longer names one reads as AUTOMATIC).

ALTER TABLE meeting
    ADD COLUMN projector_mode      VARCHAR(20) NOT NULL DEFAULT 'AUTOMATIC' COMMENT 'what the projector shows',
    ADD COLUMN projector_ballot_id BIGINT      NULL COMMENT 'the published result shown when projector_mode is RESULT',
    ADD CONSTRAINT meeting_projector_mode_known CHECK (projector_mode IN ('AUTOMATIC', 'AGENDA', 'RESULT', 'BLANK')),
    ADD CONSTRAINT meeting_projector_result_named CHECK (projector_mode <> 'RESULT' OR projector_ballot_id IS NOT NULL);
