-- Quorum schema, version 2: the quorum rule, the full roster with attendance and sign-in cards,
-- documents and commendations on agenda items.

ALTER TABLE meeting
    ADD COLUMN quorum_rule  VARCHAR(20) NOT NULL DEFAULT 'MORE_THAN_HALF' AFTER public_meeting,
    ADD COLUMN quorum_fixed INT         NULL AFTER quorum_rule,
    ADD CONSTRAINT meeting_quorum_rule_known CHECK (quorum_rule IN ('MORE_THAN_HALF', 'TWO_THIRDS', 'FIXED')),
    ADD CONSTRAINT meeting_quorum_fixed_set CHECK (quorum_rule <> 'FIXED' OR quorum_fixed > 0);

-- the agenda is renumbered in place when items move or go; the service keeps the numbers 1..n, and a unique
-- index would reject the intermediate states of a renumbering flush
ALTER TABLE agenda_item DROP INDEX agenda_item_order_unique, ADD INDEX agenda_item_order (meeting_id, sort_order);

ALTER TABLE participant
    ADD COLUMN phone          VARCHAR(30)  NULL AFTER voting,
    ADD COLUMN email          VARCHAR(254) NULL AFTER phone,
    ADD COLUMN checked_in_at  TIMESTAMP(3) NULL AFTER email,
    -- SHA-256 of the code printed on the delegate's card; the code itself is never stored
    ADD COLUMN card_code_hash BINARY(32)   NULL AFTER checked_in_at,
    -- one person once per meeting: the same full name in the same unit is a duplicate
    ADD COLUMN identity_key   VARCHAR(510) AS (CONCAT(TRIM(full_name), '|', COALESCE(TRIM(unit), ''))) PERSISTENT,
    -- what the roster search looks in: accent- and case-insensitive ("huong" finds "Hương")
    ADD COLUMN search_text    VARCHAR(810) COLLATE utf8mb4_uca1400_vietnamese_ai_ci
        AS (CONCAT_WS(' ', full_name, position_name, unit)) VIRTUAL,
    ADD CONSTRAINT participant_once_per_meeting UNIQUE (meeting_id, identity_key),
    ADD CONSTRAINT participant_card_code_unique UNIQUE (card_code_hash);

CREATE TABLE agenda_document (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    agenda_item_id BIGINT       NOT NULL,
    file_name      VARCHAR(255) NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    sha256         BINARY(32)   NOT NULL,
    content        LONGBLOB     NOT NULL,
    uploaded_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT agenda_document_item FOREIGN KEY (agenda_item_id) REFERENCES agenda_item (id) ON DELETE CASCADE,
    CONSTRAINT agenda_document_size CHECK (size_bytes > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE awardee (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    agenda_item_id BIGINT       NOT NULL,
    sort_order     INT          NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    name           VARCHAR(300) NOT NULL,
    award          VARCHAR(300) NOT NULL,
    reason         TEXT         NULL,
    PRIMARY KEY (id),
    CONSTRAINT awardee_item FOREIGN KEY (agenda_item_id) REFERENCES agenda_item (id) ON DELETE CASCADE,
    CONSTRAINT awardee_kind_known CHECK (kind IN ('COLLECTIVE', 'INDIVIDUAL', 'HOUSEHOLD'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;
