-- Quorum schema, version 1: meetings, their agenda and their roster.
-- Every table is utf8mb4 with MariaDB's Vietnamese collation (UCA 14.0, accent-sensitive), so that names
-- and titles sort the Vietnamese way: A Ă Â B C D Đ E Ê … O Ô Ơ … U Ư … Y, tones in order.

CREATE TABLE meeting (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    title           VARCHAR(500) NOT NULL,
    organiser       VARCHAR(300) NOT NULL,
    venue           VARCHAR(300) NULL,
    starts_at       DATETIME     NOT NULL COMMENT 'local time at the venue',
    ends_at         DATETIME     NULL     COMMENT 'local time at the venue',
    time_zone       VARCHAR(64)  NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    description     TEXT         NULL,
    status          VARCHAR(20)  NOT NULL DEFAULT 'DRAFT',
    public_meeting  BOOLEAN      NOT NULL DEFAULT FALSE,
    current_item_id BIGINT       NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT meeting_status_known CHECK (status IN ('DRAFT', 'SCHEDULED', 'IN_SESSION', 'CLOSED')),
    CONSTRAINT meeting_ends_after_start CHECK (ends_at IS NULL OR ends_at >= starts_at),
    INDEX meeting_by_start (starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

CREATE TABLE agenda_item (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    meeting_id      BIGINT       NOT NULL,
    sort_order      INT          NOT NULL,
    title           VARCHAR(500) NOT NULL,
    description     TEXT         NULL,
    presenter       VARCHAR(300) NULL,
    planned_minutes INT          NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT agenda_item_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
    CONSTRAINT agenda_item_order_unique UNIQUE (meeting_id, sort_order),
    CONSTRAINT agenda_item_minutes_positive CHECK (planned_minutes IS NULL OR planned_minutes > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;

ALTER TABLE meeting
    ADD CONSTRAINT meeting_current_item FOREIGN KEY (current_item_id) REFERENCES agenda_item (id) ON DELETE SET NULL;

CREATE TABLE participant (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    meeting_id      BIGINT       NOT NULL,
    full_name       VARCHAR(200) NOT NULL,
    -- Vietnamese rosters sort by the given name, the last word of the full name
    given_name      VARCHAR(200) AS (SUBSTRING_INDEX(TRIM(full_name), ' ', -1)) PERSISTENT,
    position_name   VARCHAR(300) NULL,
    unit            VARCHAR(300) NULL,
    role            VARCHAR(20)  NOT NULL DEFAULT 'DELEGATE',
    voting          BOOLEAN      NOT NULL DEFAULT FALSE,
    version         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT participant_meeting FOREIGN KEY (meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
    CONSTRAINT participant_role_known CHECK (role IN ('CHAIR', 'SECRETARY', 'DELEGATE', 'GUEST')),
    INDEX participant_roster_order (meeting_id, given_name, full_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_vietnamese_as_ci;
