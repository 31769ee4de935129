package app.quorum.roster.boundary;

import app.quorum.meeting.entity.AwardeeKind;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.meeting.entity.QuorumRule;
import app.quorum.roster.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The choices of the meeting forms' drop-downs. */
@Named
@ApplicationScoped
public class MeetingEnums {

    public MeetingStatus[] getStatuses() {
        return MeetingStatus.values();
    }

    public QuorumRule[] getQuorumRules() {
        return QuorumRule.values();
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public AwardeeKind[] getAwardeeKinds() {
        return AwardeeKind.values();
    }
}
