package app.quorum.attack;

import app.quorum.testing.FacesForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what an answer came to. An answer is a server error when it is a 5xx, no answer at all, the general error page
 * (in a page or inside an ajax answer), a stack trace in the body, or — for the API — anything but JSON. A refusal is
 * clear when the API answers a 4xx with its JSON error (a key and a message), when a page shows a message (the page's
 * message list or a field's message), or when it is one of the translated error pages (400, 403, 404, expired).
 */
final class Judge {

    /** The general error page's title in both languages, and the other error pages' (their answer is a clear one). */
    static final List<String> SERVER_ERROR_TITLES = List.of("Đã xảy ra lỗi", "Something went wrong");
    static final List<String> CLEAR_ERROR_TITLES = List.of("Yêu cầu không hợp lệ", "Bad request", "Không có quyền truy cập",
            "Dữ liệu gửi lên quá lớn", "What was sent is too large",
            "Access denied", "Không tìm thấy trang", "Page not found", "Không thực hiện được theo cách này", "Not done this way", "Phiên làm việc đã hết hạn", "Your page has expired");
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final Pattern TRACE = Pattern.compile("(?m)^\\s*at [a-zA-Z_$][\\w$]*(\\.[\\w$<>]+)+\\([\\w$]+\\.java:\\d+\\)"
            + "|(?m)^\\s*Caused by: [a-z]+\\.[\\w.$]+(Exception|Error)");
    private static final Pattern MESSAGE_LIST = Pattern.compile("<ul id=\"messages\"[^>]*>(.*?)</ul>", Pattern.DOTALL);
    private static final Pattern FIELD_MESSAGE = Pattern.compile("ui-message-error-detail\"[^>]*>([^<]+)<");
    private static final Pattern ITEM = Pattern.compile("<li[^>]*>(.*?)</li>", Pattern.DOTALL);

    private Judge() {
    }

    /**
     * Whether Payara's HTTP layer (Grizzly) refused the request before the application saw it (a NUL in the address, an
     * address or header past its size, a DELETE with a body): a 400 without a body and without the security headers the
     * application puts on every answer of its own (SecurityHeadersFilter).
     */
    static boolean rejectedByHttpServer(Answer answer) {
        return answer.status() == 400 && answer.body().length == 0 && answer.headers().firstValue("Content-Security-Policy").isEmpty();
    }

    /** Why the answer is a server error, if it is one. */
    static Optional<String> serverError(Answer answer, boolean api) {
        if (answer.status() == 0) {
            return Optional.of("no answer: " + answer.text());
        }
        if (answer.status() >= 500) {
            return Optional.of("status " + answer.status() + titleOf(answer).map(t -> ", page \"" + t + "\"").orElse(""));
        }
        String text = answer.html() || answer.partial() || answer.json() || answer.contentType().startsWith("text/") ? answer.text() : "";
        if (SERVER_ERROR_TITLES.stream().anyMatch(t -> text.contains("<title>" + t) || text.contains(t + "</h1>"))) {
            return Optional.of("the general error page" + (answer.partial() ? " inside an ajax answer" : ""));
        }
        if (answer.partial() && text.contains("<error>")) {
            return Optional.of("an ajax error: " + Ledger.clip(text.substring(text.indexOf("<error>")), 300));
        }
        Matcher trace = TRACE.matcher(text);
        if (trace.find()) {
            return Optional.of("a stack trace in the answer: " + trace.group());
        }
        if (api && !answer.json() && answer.status() < 500 && !(answer.html() && answer.body().length > 0)
                && !answer.method().equals("OPTIONS") && answer.status() >= 400) {
            return Optional.empty(); // a 4xx that is neither JSON nor a page: an unclear refusal, judged below
        }
        if (api && answer.method().equals("OPTIONS") && answer.status() < 300) {
            return Optional.empty(); // what the API allows here (JAX-RS answers with its WADL)
        }
        if (api && !answer.json() && !(answer.status() == 200 && answer.contentType().startsWith("text/csv"))
                && !(answer.status() == 200 && answer.contentType().contains("spreadsheetml")) && answer.status() != 204
                && answer.status() != 304) {
            return Optional.of("an API call answered with " + (answer.contentType().isEmpty() ? "no content type" : answer.contentType())
                    + titleOf(answer).map(t -> ", page \"" + t + "\"").orElse(""));
        }
        return Optional.empty();
    }

    /** The API's error answer: its key and message, when both are there. */
    static Optional<String> apiError(Answer answer) {
        if (!answer.json()) {
            return Optional.empty();
        }
        Matcher key = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.text());
        Matcher message = Pattern.compile("\"message\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.text());
        return key.find() && message.find() ? Optional.of(key.group(1) + ": " + message.group(1)) : Optional.empty();
    }

    /** The messages a page (or an ajax answer) shows the person: the message list and the fields' messages. */
    static List<String> messages(Answer answer) {
        String text = answer.text();
        List<String> found = new ArrayList<>();
        Matcher list = MESSAGE_LIST.matcher(text);
        while (list.find()) {
            Matcher item = ITEM.matcher(list.group(1));
            while (item.find()) {
                found.add(FacesForm.unescape(item.group(1).replaceAll("<[^>]*>", "")).strip());
            }
        }
        Matcher field = FIELD_MESSAGE.matcher(text);
        while (field.find()) {
            found.add(FacesForm.unescape(field.group(1)).strip());
        }
        found.removeIf(String::isEmpty);
        return found;
    }

    /** One of the translated error pages that are a clear answer (400, 403, 404, expired). */
    static Optional<String> clearErrorPage(Answer answer) {
        return titleOf(answer).filter(t -> CLEAR_ERROR_TITLES.stream().anyMatch(t::startsWith));
    }

    static Optional<String> titleOf(Answer answer) {
        Matcher title = TITLE.matcher(answer.text());
        return title.find() ? Optional.of(FacesForm.unescape(title.group(1)).strip()) : Optional.empty();
    }

    static boolean toSignIn(Answer answer) {
        return answer.status() / 100 == 3 && answer.location().contains("/sign-in.xhtml");
    }

    /**
     * An answer of the JSON API. {@code changed}: whether the database changed; {@code mayChange}: whether this request
     * was one that may store (a valid cast).
     */
    static Verdict api(Answer answer, boolean changed) {
        if (rejectedByHttpServer(answer) && !changed) {
            return Verdict.of(Outcome.HTTP_REJECTED, answer, "Grizzly: " + answer.headers().map());
        }
        Optional<String> error = serverError(answer, true);
        if (error.isPresent()) {
            return Verdict.of(Outcome.SERVER_ERROR, answer, error.get());
        }
        if (answer.method().equals("HEAD") && answer.status() < 500) {
            // a HEAD is answered without a body, by definition: its status and type are the answer
            return Verdict.of(answer.status() >= 400 ? Outcome.REFUSED : Outcome.ACCEPTED, answer, "HEAD");
        }
        if (answer.status() >= 400) {
            Optional<String> refusal = apiError(answer);
            if (refusal.isEmpty()) {
                return Verdict.of(Outcome.UNCLEAR_REFUSAL, answer, "no JSON error with a key and a message: " + Ledger.clip(answer.text(), 200));
            }
            return changed ? Verdict.of(Outcome.CHANGED_ON_REFUSAL, answer, refusal.get())
                    : Verdict.of(Outcome.REFUSED, answer, refusal.get());
        }
        if (answer.status() / 100 == 3) {
            return Verdict.of(Outcome.SERVER_ERROR, answer, "an API call redirected to " + answer.location());
        }
        return Verdict.of(Outcome.ACCEPTED, answer, changed ? "stored" : "served");
    }

    /** An answer to a page, a form post (full or ajax) or a download. */
    static Verdict page(Answer answer, boolean changed) {
        if (rejectedByHttpServer(answer) && !changed) {
            return Verdict.of(Outcome.HTTP_REJECTED, answer, "Grizzly: " + answer.headers().map());
        }
        Optional<String> error = serverError(answer, false);
        if (error.isPresent()) {
            return Verdict.of(Outcome.SERVER_ERROR, answer, error.get());
        }
        if (toSignIn(answer)) {
            return changed ? Verdict.of(Outcome.CHANGED_ON_REFUSAL, answer, "sent to sign in, yet stored")
                    : Verdict.of(Outcome.SENT_TO_SIGN_IN, answer, answer.location());
        }
        Optional<String> errorPage = clearErrorPage(answer);
        List<String> messages = messages(answer);
        boolean refused = answer.status() >= 400 || errorPage.isPresent() || answer.text().contains("validationFailed\":true")
                || answer.text().contains("\"validationFailed\":true");
        if (refused && answer.json()) {
            // a download address of the API (the projector's, the open data's) refused in the API's own words
            Optional<String> apiRefusal = apiError(answer);
            if (apiRefusal.isPresent()) {
                return changed ? Verdict.of(Outcome.CHANGED_ON_REFUSAL, answer, apiRefusal.get()) : Verdict.of(Outcome.REFUSED, answer, apiRefusal.get());
            }
        }
        if (refused) {
            if (errorPage.isEmpty() && messages.isEmpty()) {
                return Verdict.of(Outcome.UNCLEAR_REFUSAL, answer, "refused with no message: " + Ledger.clip(answer.text(), 200));
            }
            String why = errorPage.map(t -> "page \"" + t + "\"").orElse(String.join(" | ", messages));
            return changed ? Verdict.of(Outcome.CHANGED_ON_REFUSAL, answer, why) : Verdict.of(Outcome.REFUSED, answer, why);
        }
        if (!messages.isEmpty()) {
            return Verdict.of(changed ? Outcome.ACCEPTED : Outcome.REFUSED, answer, String.join(" | ", messages));
        }
        return Verdict.of(changed ? Outcome.ACCEPTED : Outcome.NO_EFFECT, answer, changed ? "stored" : "");
    }
}
