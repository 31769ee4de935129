-- Quorum schema, version 5: the close freezes the electorate; the secretary publishes a closed result, which is
-- final; a correction is a new statement linked to the result, never an edit.

ALTER TABLE ballot
    ADD COLUMN closed_voting_members INT          NULL COMMENT 'voting members on the roster at the close' AFTER present,
    ADD COLUMN closed_present        INT          NULL COMMENT 'voting members present (or having voted) at the close' AFTER closed_voting_members,
    ADD COLUMN voted                 INT          NULL COMMENT 'participations at the close' AFTER closed_present,
    ADD COLUMN published_at          TIMESTAMP(3) NULL AFTER closed_at,
    ADD COLUMN published_by          VARCHAR(100) NULL AFTER published_at;

-- corrections of a published result: statements appended after it, never edits of it
CREATE TABLE ballot_correction (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    ballot_id    BIGINT        NOT NULL,
    statement    VARCHAR(4000) NOT NULL,
    published_at TIMESTAMP(3)  NOT NULL,
    published_by VARCHAR(100)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ballot_correction_ballot FOREIGN KEY (ballot_id) REFERENCES ballot (id) ON DELETE CASCADE,
    INDEX ballot_correction_by_ballot (ballot_id, published_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TRIGGER ballot_correction_no_update BEFORE UPDATE ON ballot_correction FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a correction, once published, is final';

CREATE TRIGGER ballot_correction_no_delete BEFORE DELETE ON ballot_correction FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a correction, once published, is final';

-- a published result cannot be undone: the database refuses to change its ballot or its papers
DELIMITER $$
CREATE TRIGGER ballot_published_is_final BEFORE UPDATE ON ballot FOR EACH ROW
BEGIN
    IF OLD.status = 'PUBLISHED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a published result is final; publish a correction instead';
    END IF;
END$$

CREATE TRIGGER cast_vote_published_no_update BEFORE UPDATE ON cast_vote FOR EACH ROW
BEGIN
    IF (SELECT status FROM ballot WHERE id = OLD.ballot_id) = 'PUBLISHED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the papers of a published result are final';
    END IF;
END$$

CREATE TRIGGER cast_vote_published_no_delete BEFORE DELETE ON cast_vote FOR EACH ROW
BEGIN
    IF (SELECT status FROM ballot WHERE id = OLD.ballot_id) = 'PUBLISHED' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the papers of a published result are final';
    END IF;
END$$
DELIMITER ;
