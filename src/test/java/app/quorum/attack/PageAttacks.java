package app.quorum.attack;

import app.quorum.attack.Agent.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every view and every servlet's address ({@link Surface}), opened by every role with the ids of other meetings and
 * ballots and with hostile path segments and query parameters: each answer is the page, a clear refusal (the sign-in
 * page, a translated 400/403/404), or a download — never a server error, and never a role's page or download to a
 * role that may not have it.
 */
final class PageAttacks {

    record PageCase(Kind kind, Role role, String address) {

        @Override
        public String toString() {
            return kind + " as " + role + ": GET /" + address;
        }
    }

    private final Arena arena;
    private final List<String> addresses = new ArrayList<>();

    PageAttacks(Arena arena) {
        this.arena = arena;
        for (String view : Surface.views()) {
            addresses.add(view + "?id=");
        }
        for (String servlet : Surface.servlets()) {
            String base = servlet.replace("/*", "/").substring(1);
            switch (base) {
                case "minutes/" -> {
                    addresses.add("minutes/meeting/{meeting}.pdf?lang=");
                    addresses.add("minutes/ballot/{ballot}.pdf?lang=");
                }
                case "secretary/export/" -> {
                    addresses.add("secretary/export/ballots/{ballot}/result.csv?x=");
                    addresses.add("secretary/export/ballots/{ballot}/receipts.xlsx?x=");
                }
                case "documents/" -> addresses.add("documents/{ballot}?x=");
                case "audit/export.csv" -> {
                    addresses.add("audit/export.csv?meeting={meeting}&from=");
                    addresses.add("audit/export.csv?to=");
                }
                case "sign-out" -> addresses.add("sign-out?x=");
                default -> addresses.add(base + "?x=");
            }
        }
    }

    List<String> addresses() {
        return addresses;
    }

    Gen<PageCase> cases() {
        Stage s = arena.stage;
        List<String> meetings = new ArrayList<>(s.meetingIds().stream().map(String::valueOf).toList());
        meetings.add("999999999");
        List<String> ballots = new ArrayList<>(s.ballotIds().stream().map(String::valueOf).toList());
        ballots.add("0");
        Gen<Kind> kinds = Generate.pick(List.of(Kind.ACCESS, Kind.FOREIGN_ID, Kind.HOSTILE_ADDRESS));
        return kinds.flatMap(kind -> Generate.pick(Role.ALL).flatMap(role -> Generate.pick(addresses).flatMap(address ->
                Generate.pick(meetings).flatMap(meeting -> Generate.pick(ballots).flatMap(ballot -> value(kind).map(value ->
                        new PageCase(kind, role, address.replace("{meeting}", kind == Kind.HOSTILE_ADDRESS ? ApiAttacks.encode(value) : meeting)
                                .replace("{ballot}", ballot) + (kind == Kind.FOREIGN_ID ? meeting : ApiAttacks.encode(value)))))))));
    }

    private Gen<String> value(Kind kind) {
        return kind == Kind.HOSTILE_ADDRESS ? Hostile.text().map(t -> Ledger.clip(t, 3000)).mix(Hostile.number(), 30).mix(Hostile.date(), 20)
                : Generate.pick(List.of("", "vi", "en", String.valueOf(arena.stage.approval.id())));
    }

    Verdict run(PageCase c) {
        Agent agent = arena.agent(c.role());
        String target = "GET /" + c.address().replaceAll("\\?.*", "").replaceAll("/\\d+", "/{id}");
        return arena.attempt(c.kind(), target, c.toString(), () -> agent.get(c.address()), (answer, changed) -> judge(c, answer, changed));
    }

    private static Verdict judge(PageCase c, Answer answer, Set<String> changed) {
        Verdict verdict = Judge.page(answer, !changed.isEmpty());
        if (!changed.isEmpty()) {
            return Verdict.of(Outcome.LEAKED, answer, "a GET stored " + changed);
        }
        if (verdict.outcome() == Outcome.NO_EFFECT && answer.status() == 200) {
            List<Role> allowed = Surface.rolesOf(c.address());
            boolean open = allowed.equals(List.of(Role.ANONYMOUS));
            if (!open && !allowed.contains(c.role())) {
                return Verdict.of(Outcome.LEAKED, answer, c.role() + " was served a page of " + allowed);
            }
            return Verdict.of(Outcome.ACCEPTED, answer, "served");
        }
        return verdict;
    }
}
