package app.quorum.meeting.entity;

/** Who receives a commendation: a collective (tập thể), an individual (cá nhân) or a household (hộ gia đình). */
public enum AwardeeKind {
    COLLECTIVE, INDIVIDUAL, HOUSEHOLD
}
