package app.quorum.roster.control;

import app.quorum.meeting.entity.Meeting;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Role;

/** A roster entry as typed or imported, before it belongs to a meeting. */
public record ParticipantDraft(String fullName, String position, String unit, Role role, boolean voting, String phone, String email) {

    public static ParticipantDraft of(Participant participant) {
        return new ParticipantDraft(participant.getFullName(), participant.getPosition(), participant.getUnit(),
                participant.getRole(), participant.isVoting(), participant.getPhone(), participant.getEmail());
    }

    Participant toParticipant(Meeting meeting) {
        Participant participant = new Participant(meeting, strip(fullName), role == null ? Role.DELEGATE : role, voting);
        applyTo(participant);
        return participant;
    }

    void applyTo(Participant participant) {
        participant.setFullName(strip(fullName));
        participant.setPosition(blankToNull(position));
        participant.setUnit(blankToNull(unit));
        participant.setRole(role == null ? Role.DELEGATE : role);
        participant.setVoting(voting);
        participant.setPhone(blankToNull(phone));
        participant.setEmail(blankToNull(email));
    }

    private static String strip(String text) {
        return text == null ? null : text.strip().replaceAll("\\s+", " ");
    }

    private static String blankToNull(String text) {
        String stripped = strip(text);
        return stripped == null || stripped.isEmpty() ? null : stripped;
    }
}
