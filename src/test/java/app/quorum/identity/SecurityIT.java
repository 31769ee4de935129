package app.quorum.identity;

import static app.quorum.testing.FacesForm.unescape;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.quorum.identity.control.SignInThrottle;
import app.quorum.roster.control.CardCodes;
import app.quorum.identity.control.SessionCache;
import app.quorum.testing.Deployments;
import app.quorum.testing.FacesForm;
import app.quorum.testing.TestEnvironment;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Identity and access as a browser meets them: the whole WAR on Payara Micro, over HTTP, each simulated browser with
 * its own cookies. The access matrix of every page and action × every role and anonymous; the session id at sign-in
 * and sign-out; one device per delegate; re-issued cards; sign-in throttling without account enumeration; and no
 * plaintext password or card code anywhere in the database or Payara's log.
 *
 * <p>The demo meeting (id 1) lends two of its delegates: the test gives them cards by writing the hash of a fresh code
 * over JDBC, as {@code Participant.issueCard} does, and puts their rows back afterwards.
 *
 * <p>Throttling counts wrong passwords per account name and per source address (and wrong card codes per address), and
 * a success only forgets the account's. A throttled account's tries wait their turn on the server and are then checked,
 * so the right password always gets in; an address is slowed only from its hundredth wrong password in an hour. Every
 * browser that fails a sign-in on purpose comes from a loopback address of its own (127.0.0.11 and up: the whole 127/8
 * network reaches Payara's 127.0.0.1), so 127.0.0.1, which every other sign-in of the suite uses, never collects a
 * failure. The throttling tests run after the others (the methods are ordered); the one that throttles {@code chutri}
 * ends by signing the chair in, which clears the account's count, so no account stays slowed for whatever runs next.
 * The secrets scan runs last, to see every sign-in of the class.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    static final int DEMO_MEETING = 1;
    static final String WRONG_PASSWORD = "Tên đăng nhập hoặc mật khẩu không đúng.";
    static final String WRONG_CARD = "Mã thẻ không đúng hoặc thẻ đã được cấp lại.";
    static final Pattern WAIT = Pattern.compile("Đã thử sai nhiều lần: hãy đợi (\\d+) giây rồi thử lại\\.");
    static final String FORBIDDEN = "Không có quyền truy cập";
    static final String NOT_FOUND = "Không tìm thấy trang";
    static final String SIGNED_IN_ELSEWHERE = "Thẻ của bạn vừa đăng nhập trên một thiết bị khác";
    static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

    /** Every password, wrong guess and card code this class typed: none may be found in the database or the log. */
    static final Set<String> SECRETS = Collections.synchronizedSet(new LinkedHashSet<>());
    /** Loopback addresses for the tests that fail sign-ins on purpose: one per attacker. */
    static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(11);

    /** The two delegates of the demo meeting on loan, and their rows as they were. */
    static final List<Delegate> DELEGATES = new ArrayList<>();
    static long auditBefore;

    @Deployment(testable = false)
    @TargetsContainer("web")
    static WebArchive war() {
        return Deployments.built();
    }

    /** Where Payara says the WAR is: the machine's address, though Payara listens on the loopback interface only. */
    @ArquillianResource
    URL deployed;

    // ---------------------------------------------------------------- the matrix

    /** Who asks: nobody; nobody whose sign-in was just refused (the browser's session remembers it); each role. */
    enum Who { ANONYMOUS, REFUSED, DELEGATE, SECRETARY, CHAIR, ADMIN }

    enum Outcome {
        OK("200"), FORBIDDEN("403"), SIGN_IN("302→sign-in"), API_SIGNED_OUT("401 JSON"), API_FORBIDDEN("403 JSON");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    /**
     * A page (or GET action) and the roles that may open it; {@code null}: everyone, signed in or not. An address of the
     * API answers the others in JSON: 401 to whoever is not signed in, 403 to the other roles.
     */
    record Page(String path, Set<Who> allowed, Outcome otherwise, boolean api) {

        static Page open(String path) {
            return new Page(path, null, null, false);
        }

        static Page only(String path, Who first, Who... rest) {
            return new Page(path, EnumSet.of(first, rest), null, false);
        }

        static Page api(String path, Who first, Who... rest) {
            return new Page(path, EnumSet.of(first, rest), null, true);
        }

        static Page never(String path, Outcome outcome) {
            return new Page(path, EnumSet.noneOf(Who.class), outcome, false);
        }

        Outcome expected(Who who) {
            if (otherwise != null) {
                return otherwise;
            }
            if (allowed == null || allowed.contains(who)) {
                return Outcome.OK;
            }
            if (api) {
                return HOME.containsKey(who) ? Outcome.API_FORBIDDEN : Outcome.API_SIGNED_OUT;
            }
            return HOME.containsKey(who) ? Outcome.FORBIDDEN : Outcome.SIGN_IN;
        }
    }

    /** Every page of the application (web.xml's security constraints), with the demo meeting where one needs ?id=. */
    static final List<Page> PAGES = List.of(
            Page.open(""),
            Page.open("index.xhtml"),
            Page.open("public/meeting.xhtml?id=" + DEMO_MEETING),
            Page.open("public/commendations.xhtml?id=" + DEMO_MEETING),
            Page.open("sign-in.xhtml"),
            Page.open("health/ready"),
            Page.open("health/live"),
            Page.open("api/meetings"),
            Page.open("api/meetings/" + DEMO_MEETING),
            Page.only("admin/accounts.xhtml", Who.ADMIN),
            Page.only("secretary/index.xhtml", Who.SECRETARY),
            Page.only("secretary/meeting.xhtml?id=" + DEMO_MEETING, Who.SECRETARY),
            Page.only("secretary/agenda.xhtml?id=" + DEMO_MEETING, Who.SECRETARY),
            Page.only("secretary/roster.xhtml?id=" + DEMO_MEETING, Who.SECRETARY),
            Page.only("secretary/attendance.xhtml?id=" + DEMO_MEETING, Who.SECRETARY),
            Page.only("secretary/ballots.xhtml?id=" + DEMO_MEETING, Who.SECRETARY),
            Page.only("secretary/results.xhtml?id=" + DEMO_MEETING, Who.SECRETARY),
            Page.only("chair/index.xhtml", Who.CHAIR),
            Page.only("chair/meeting.xhtml?id=" + DEMO_MEETING, Who.CHAIR),
            Page.only("delegate/index.xhtml", Who.DELEGATE),
            Page.api("api/delegate/tablet", Who.DELEGATE),
            Page.only("audit/index.xhtml", Who.ADMIN, Who.SECRETARY),
            Page.only("audit/export.csv", Who.ADMIN, Who.SECRETARY),
            Page.only("account/password.xhtml", Who.ADMIN, Who.SECRETARY, Who.CHAIR),
            // templates and includes are never served, to anyone (an auth-constraint with no role: 403 even when
            // signed out, since no sign-in would help)
            Page.never("WEB-INF/templates/layout.xhtml", Outcome.FORBIDDEN),
            Page.never("WEB-INF/web.xml", Outcome.FORBIDDEN));

    static final Map<Who, String> HOME = Map.of(
            Who.DELEGATE, "/delegate/index.xhtml",
            Who.SECRETARY, "/secretary/index.xhtml",
            Who.CHAIR, "/chair/index.xhtml",
            Who.ADMIN, "/admin/accounts.xhtml");

    static final Map<Who, String> ACCOUNT = Map.of(Who.SECRETARY, "thuky", Who.CHAIR, "chutri", Who.ADMIN, "admin");

    @Test
    @Order(1)
    void everyPageAndActionAnswersEachRoleAsTheMatrixSays() throws Exception {
        long begin = System.nanoTime();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        System.out.println();
        System.out.println("ACCESS MATRIX (who | request | expected | actual)");
        for (Who who : Who.values()) {
            Browser browser = who == Who.REFUSED ? new Browser(attacker()) : new Browser();
            if (who == Who.REFUSED) {
                HttpResponse<String> refused = signInStaff(browser, "nobody-" + UUID.randomUUID().toString().substring(0, 8), guess());
                assertEquals(List.of(WRONG_PASSWORD), messages(refused.body()));
            } else if (who == Who.DELEGATE) {
                HttpResponse<String> signedIn = signInWithCard(browser, delegate(0).code);
                assertSignedIn(signedIn, HOME.get(who));
            } else if (who != Who.ANONYMOUS) {
                HttpResponse<String> signedIn = signInStaff(browser, ACCOUNT.get(who), password(ACCOUNT.get(who)));
                assertSignedIn(signedIn, HOME.get(who));
            }
            for (Page page : PAGES) {
                HttpResponse<String> response = browser.get(app(page.path()));
                Outcome expected = page.expected(who);
                String actual = describe(response);
                boolean right = matches(expected, response);
                if (right && page.path().equals("audit/export.csv") && expected == Outcome.OK) {
                    // describe() shows the content type of an answer that is not a page
                    right = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT).startsWith("text/csv");
                }
                cells++;
                report(who, "GET /" + page.path(), expected.label, actual, right, wrong);
            }
            // a page that does not exist is a 404 for everyone, with the header of who is signed in (it was a 500 when
            // signed in: the header asked the container for roles it cannot tell on an error page)
            HttpResponse<String> missing = browser.get(app("no-such-page.xhtml"));
            boolean notFound = missing.statusCode() == 404 && missing.body().contains(NOT_FOUND)
                    && (!HOME.containsKey(who) || missing.body().contains(HOME.get(who) + "\""));
            cells++;
            report(who, "GET /no-such-page.xhtml", "404 with the role's header", describe(missing), notFound, wrong);
            // a GET cannot sign anyone out (a link or a prefetch must not): only a POST does
            HttpResponse<String> getSignOut = browser.get(app("sign-out"));
            cells++;
            report(who, "GET /sign-out", "405", describe(getSignOut), getSignOut.statusCode() == 405, wrong);
            if (HOME.containsKey(who)) {
                HttpResponse<String> stillIn = browser.get(app(HOME.get(who).substring(1)));
                cells++;
                report(who, "GET " + HOME.get(who) + " after GET /sign-out", "200", describe(stillIn),
                        stillIn.statusCode() == 200, wrong);
            }
            HttpResponse<String> signOut = browser.post(app("sign-out"), Map.of());
            boolean signedOut = signOut.statusCode() == 302 && redirectsTo(signOut, "/sign-in.xhtml")
                    && "signedOut=true".equals(location(signOut).getQuery());
            cells++;
            report(who, "POST /sign-out", "302→sign-in?signedOut=true", describe(signOut), signedOut, wrong);
            if (HOME.containsKey(who)) {
                HttpResponse<String> afterwards = browser.get(app(HOME.get(who).substring(1)));
                cells++;
                report(who, "GET " + HOME.get(who) + " after POST /sign-out", Outcome.SIGN_IN.label, describe(afterwards),
                        matches(Outcome.SIGN_IN, afterwards), wrong);
            }
            if (who == Who.DELEGATE) {
                HttpResponse<String> api = browser.get(app("api/delegate/tablet"));
                cells++;
                report(who, "GET /api/delegate/tablet after POST /sign-out", Outcome.API_SIGNED_OUT.label, describe(api),
                        matches(Outcome.API_SIGNED_OUT, api), wrong);
            }
        }
        System.out.println(cells + " cells checked in " + millisSince(begin) + " ms");
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " of " + cells + " cells are wrong:\n" + String.join("\n", wrong));
        }
    }

    private static void report(Who who, String request, String expected, String actual, boolean right, List<String> wrong) {
        String line = String.format("%-9s | %-48s | %-27s | %s%s", who, request, expected, actual, right ? "" : "   <-- WRONG");
        System.out.println(line);
        if (!right) {
            wrong.add(line);
        }
    }

    private boolean matches(Outcome expected, HttpResponse<String> response) {
        return switch (expected) {
            case OK -> response.statusCode() == 200;
            case FORBIDDEN -> response.statusCode() == 403 && response.body().contains(FORBIDDEN);
            case SIGN_IN -> response.statusCode() == 302 && redirectsTo(response, "/sign-in.xhtml");
            case API_SIGNED_OUT -> apiError(response, 401, "api.signedOut");
            case API_FORBIDDEN -> apiError(response, 403, "api.forbidden");
        };
    }

    /** An error answer of the API: this status, JSON, this key. */
    private static boolean apiError(HttpResponse<String> response, int status, String key) {
        return response.statusCode() == status
                && response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                && response.body().contains("\"error\":\"" + key + "\"");
    }

    private String describe(HttpResponse<String> response) {
        if (response.statusCode() / 100 == 3) {
            URI location = location(response);
            return response.statusCode() + "→" + location.getPath() + (location.getQuery() == null ? "" : "?" + location.getQuery());
        }
        if (response.statusCode() == 403) {
            return "403" + (response.body().contains(FORBIDDEN) ? " (error page)" : " (no error page!)");
        }
        Matcher title = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(response.body());
        if (title.find()) {
            return response.statusCode() + " \"" + unescape(title.group(1)).strip() + "\"";
        }
        if (response.body().isEmpty()) {
            return response.statusCode() + " (empty, headers " + response.headers().map() + ")";
        }
        return response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("");
    }

    // ---------------------------------------------------------------- sessions

    @Test
    @Order(2)
    void theSessionIdChangesAtSignInAndNoOldCookieWorksAfterwards() throws Exception {
        long begin = System.nanoTime();
        // staff
        Browser secretary = new Browser();
        HttpResponse<String> page = secretary.get(app("sign-in.xhtml"));
        String before = secretary.sessionId();
        assertNotNull(before, "the sign-in page starts a session (its form's view state lives there)");
        HttpResponse<String> signedIn = postStaff(secretary, form(page.body(), "staff"), "thuky", password("thuky"));
        assertSignedIn(signedIn, "/secretary/index.xhtml");
        String after = secretary.sessionId();
        assertNotEquals(before, after, "a new session id at sign-in");
        assertTrue(signedIn.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID=" + after)),
                () -> "the new id is sent with the sign-in's answer: " + signedIn.headers().allValues("Set-Cookie"));
        assertEquals(200, secretary.get(app("secretary/index.xhtml")).statusCode());
        assertSentToSignIn(withCookie("secretary/index.xhtml", before), "the cookie from before the sign-in opens nothing");

        assertSignedOut(secretary.post(app("sign-out"), Map.of()));
        assertSentToSignIn(withCookie("secretary/index.xhtml", after), "the signed-in cookie opens nothing after signing out");
        assertSentToSignIn(secretary.get(app("secretary/index.xhtml")), "signed out in the browser too");

        // a delegate, with their card
        Browser tablet = new Browser();
        HttpResponse<String> cardPage = tablet.get(app("sign-in.xhtml"));
        String cardBefore = tablet.sessionId();
        HttpResponse<String> cardSignedIn = postCard(tablet, form(cardPage.body(), "delegate"), delegate(0).code);
        assertSignedIn(cardSignedIn, "/delegate/index.xhtml");
        String cardAfter = tablet.sessionId();
        assertNotEquals(cardBefore, cardAfter, "a new session id at a card's sign-in");
        assertEquals(200, tablet.get(app("delegate/index.xhtml")).statusCode());
        assertSentToSignIn(withCookie("delegate/index.xhtml", cardBefore), "the cookie from before the card's sign-in opens nothing");
        assertSignedOut(tablet.post(app("sign-out"), Map.of()));
        assertSentToSignIn(withCookie("delegate/index.xhtml", cardAfter), "the delegate's cookie opens nothing after signing out");
        System.out.println("sessions: " + millisSince(begin) + " ms");
    }

    @Test
    @Order(3)
    void signingInOnASecondDeviceEndsTheSessionOnTheFirst() throws Exception {
        long begin = System.nanoTime();
        Delegate delegate = delegate(0);
        Browser first = new Browser();
        assertSignedIn(signInWithCard(first, delegate.code), "/delegate/index.xhtml");
        assertEquals(200, first.get(app("delegate/index.xhtml")).statusCode());

        // the second tablet scans the card's QR code: the sign-in page opens with the code filled in
        Browser second = new Browser();
        HttpResponse<String> scanned = second.get(app("sign-in.xhtml?code=" + delegate.code));
        FacesForm form = form(scanned.body(), "delegate");
        assertEquals(delegate.code, form.value("delegate:code"), "the QR code's address fills in the code");
        assertSignedIn(second.post(app(form.action()), form.with(Map.of("delegate:signInDelegate", ""))), "/delegate/index.xhtml");
        assertEquals(200, second.get(app("delegate/index.xhtml")).statusCode());

        HttpResponse<String> ended = first.get(app("delegate/index.xhtml"));
        assertEquals(302, ended.statusCode(), "the first tablet's session is over");
        assertTrue(redirectsTo(ended, "/sign-in.xhtml"), () -> describe(ended));
        assertEquals("elsewhere=true", location(ended).getQuery());
        HttpResponse<String> told = first.get(location(ended));
        assertTrue(told.body().contains(SIGNED_IN_ELSEWHERE), "the sign-in page says why");
        assertSentToSignIn(first.get(app("delegate/index.xhtml")), "and the first tablet stays out");
        assertEquals(200, first.get(app("public/meeting.xhtml?id=" + DEMO_MEETING)).statusCode(), "public pages still open");

        assertEquals(200, second.get(app("delegate/index.xhtml")).statusCode(), "the second tablet goes on");
        assertEquals(200, second.get(app("api/delegate/tablet")).statusCode(), "and so does its API");

        // a third tablet signs in: the second one's next call of the API is answered 401 in JSON, not redirected
        Browser third = new Browser();
        assertSignedIn(signInWithCard(third, delegate.code), "/delegate/index.xhtml");
        HttpResponse<String> apiEnded = second.get(app("api/delegate/tablet"));
        assertTrue(matches(Outcome.API_SIGNED_OUT, apiEnded), () -> "the API of a session ended elsewhere: " + describe(apiEnded)
                + " " + apiEnded.body());
        assertSentToSignIn(second.get(app("delegate/index.xhtml")), "the second tablet is signed out");
        assertSignedOut(third.post(app("sign-out"), Map.of()));
        System.out.println("second device: " + millisSince(begin) + " ms");
    }

    @Test
    @Order(4)
    void aReissuedCardRefusesItsOldCodeAndEndsItsSession() throws Exception {
        long begin = System.nanoTime();
        Delegate delegate = delegate(1);
        Browser tablet = new Browser(attacker());
        String oldCode = delegate.code;
        assertSignedIn(signInWithCard(tablet, oldCode), "/delegate/index.xhtml");
        assertEquals(200, tablet.get(app("delegate/index.xhtml")).statusCode());

        String newCode = delegate.reissue();

        // reissued straight in the database, as another node of a cluster would: this node's copy of the session
        // (SessionCache) is trusted for at most SessionCache.EXPIRY, so the session is over within that, not later
        long reissued = System.nanoTime();
        HttpResponse<String> lost = tablet.get(app("delegate/index.xhtml"));
        while (lost.statusCode() == 200 && System.nanoTime() - reissued < SessionCache.EXPIRY.toNanos() + 1_000_000_000L) {
            Thread.sleep(100);
            lost = tablet.get(app("delegate/index.xhtml"));
        }
        HttpResponse<String> over = lost;
        assertTrue(over.statusCode() == 302 && redirectsTo(over, "/sign-in.xhtml"),
                () -> "re-issuing ends the old card's session within " + SessionCache.EXPIRY + ": " + describe(over));

        Browser finder = new Browser(attacker());
        HttpResponse<String> refused = signInWithCard(finder, oldCode);
        assertEquals(200, refused.statusCode(), () -> describe(refused));
        assertEquals(List.of(WRONG_CARD), messages(refused.body()));
        assertSentToSignIn(finder.get(app("delegate/index.xhtml")), "a refused card leaves the browser signed out");

        Browser owner = new Browser();
        assertSignedIn(signInWithCard(owner, newCode), "/delegate/index.xhtml");
        assertEquals(200, owner.get(app("delegate/index.xhtml")).statusCode());
        assertSignedOut(owner.post(app("sign-out"), Map.of()));
        System.out.println("re-issued card: " + millisSince(begin) + " ms");
    }

    // ---------------------------------------------------------------- guessing

    @Test
    @Order(5)
    void anUnknownAccountAnswersExactlyLikeAWrongPassword() throws Exception {
        long begin = System.nanoTime();
        Browser guesser = new Browser(attacker());
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> noSuchAccount = signInStaff(guesser, unknown, guess());
        HttpResponse<String> wrongPassword = signInStaff(guesser, "thuky", guess());
        assertAll(
                () -> assertEquals(200, noSuchAccount.statusCode()),
                () -> assertEquals(200, wrongPassword.statusCode()),
                () -> assertEquals(List.of(WRONG_PASSWORD), messages(noSuchAccount.body())),
                () -> assertEquals(messages(wrongPassword.body()), messages(noSuchAccount.body())),
                // the whole page alike, but for the name typed and the form's view state
                () -> assertEquals(comparable(wrongPassword.body(), "thuky"), comparable(noSuchAccount.body(), unknown)),
                () -> assertSentToSignIn(guesser.get(app("secretary/index.xhtml")), "a failed sign-in leaves the browser signed out"));
        System.out.println("no account enumeration: " + millisSince(begin) + " ms");
    }

    /** A page with what differs between two sign-in attempts by design taken out. */
    private static String comparable(String body, String username) {
        return body.replaceAll("(name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\")[^\"]*\"", "$1…\"")
                // PrimeFaces gives each page's inline script a random id
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "…")
                .replace("value=\"" + username + "\"", "value=\"…\"");
    }

    @Test
    @Order(6)
    void afterFiveWrongPasswordsEachTryOfTheAccountWaitsItsTurnAndTheRightPasswordGetsIn() throws Exception {
        long begin = System.nanoTime();
        String chair = password("chutri");
        Browser guesser = new Browser(attacker());
        FacesForm form = form(guesser.get(app("sign-in.xhtml")).body(), "staff");
        for (int failure = 1; failure <= 5; failure++) {
            HttpResponse<String> refused = postStaff(guesser, form, "chutri", guess());
            assertEquals(List.of(WRONG_PASSWORD), messages(refused.body()), "failure " + failure + " is a plain one");
            form = form(refused.body(), "staff");
        }
        assertEquals(5, throttle("account:chutri").orElseThrow().failures());

        // from now on the account's tries are checked one after the other, 1 s, then 2 s apart: each is answered
        // (no refusal the guesser could ignore), but three of them take three seconds at least
        long sixthSent = System.nanoTime();
        for (int failure = 6; failure <= 8; failure++) {
            HttpResponse<String> refused = postStaff(guesser, form, "chutri", guess());
            assertEquals(List.of(WRONG_PASSWORD), messages(refused.body()), "failure " + failure + " is checked, after its turn");
            form = form(refused.body(), "staff");
        }
        long threeTries = millisSince(sixthSent);
        assertTrue(threeTries >= 3000, "three tries of a throttled account in " + threeTries + " ms");
        assertEquals(8, throttle("account:chutri").orElseThrow().failures());

        // the owner, from another address, while the account is throttled: waits its turn (4 s after the eighth) and gets in
        Browser owner = new Browser(attacker());
        long rightSent = System.nanoTime();
        HttpResponse<String> right = signInStaff(owner, "chutri", chair);
        long waited = millisSince(rightSent);
        assertSignedIn(right, "/chair/index.xhtml");
        assertTrue(waited <= 10_000 + 5_000, "the right password got in, after " + waited + " ms");
        assertTrue(throttle("account:chutri").isEmpty(), "a success forgets the account's failures");
        assertSignedOut(owner.post(app("sign-out"), Map.of()));
        System.out.println("account throttling: three spaced tries in " + threeTries + " ms, the right password in " + waited
                + " ms; " + millisSince(begin) + " ms in all");
    }

    @Test
    @Order(7)
    void tryingFromManyBrowsersAtOnceGetsNoMoreThanOneCheckPerTurn() throws Exception {
        String name = "guess-" + UUID.randomUUID().toString().substring(0, 8);
        Browser first = new Browser(attacker());
        FacesForm form = form(first.get(app("sign-in.xhtml")).body(), "staff");
        for (int failure = 1; failure <= 5; failure++) {
            form = form(postStaff(first, form, name, guess()).body(), "staff");
        }
        // four browsers, four addresses, four tries sent together: their turns are the account's, one second apart
        List<Browser> browsers = new ArrayList<>();
        List<FacesForm> forms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Browser browser = new Browser(attacker());
            browsers.add(browser);
            forms.add(form(browser.get(app("sign-in.xhtml")).body(), "staff"));
        }
        long sent = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<Long>> answered = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Browser browser = browsers.get(i);
            FacesForm mine = forms.get(i);
            answered.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    HttpResponse<String> refused = postStaff(browser, mine, name, guess());
                    assertEquals(List.of(WRONG_PASSWORD), messages(refused.body()), "checked in its turn, not refused");
                    return millisSince(sent);
                } catch (IOException | InterruptedException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }));
        }
        List<Long> times = answered.stream().map(java.util.concurrent.CompletableFuture::join).sorted().toList();
        assertTrue(times.get(3) >= 3000, "four tries sent together, answered after " + times + " ms: one check per second at most");
        assertEquals(9, throttle(SignInThrottle.account(name)).orElseThrow().failures());
        System.out.println("four tries at once answered after " + times + " ms");
    }

    @Test
    @Order(8)
    void aHallsAddressWithManyWrongPasswordsForVariousAccountsDoesNotStopTheSecretary() throws Exception {
        long begin = System.nanoTime();
        InetAddress hall = attacker(); // the hall's one NAT: delegates' tablets and the secretary's laptop
        Browser delegates = new Browser(hall);
        FacesForm form = form(delegates.get(app("sign-in.xhtml")).body(), "staff");
        List<String> names = List.of("chutri", "admin", "thu-ky", "chu-tri", "quantri");
        for (int failure = 1; failure <= 12; failure++) {
            // never five for one account: only the address links the tries
            String name = failure <= 4 ? names.get(failure % 2) : names.get(2 + failure % 3) + failure;
            HttpResponse<String> refused = postStaff(delegates, form, name, guess());
            assertEquals(List.of(WRONG_PASSWORD), messages(refused.body()), "failure " + failure + " is a plain one");
            form = form(refused.body(), "staff");
        }
        assertEquals(12, throttle(SignInThrottle.staffSource(hall.getHostAddress())).orElseThrow().failures());
        Browser secretary = new Browser(hall);
        long sent = System.nanoTime();
        assertSignedIn(signInStaff(secretary, "thuky", password("thuky")), "/secretary/index.xhtml");
        long waited = millisSince(sent);
        assertTrue(waited < 5_000, "the secretary waited " + waited + " ms behind the hall's wrong passwords");
        assertSignedOut(secretary.post(app("sign-out"), Map.of()));
        System.out.println("hall's address: the secretary in after 12 wrong passwords from it, " + waited + " ms; "
                + millisSince(begin) + " ms in all");
    }

    @Test
    @Order(9)
    void fromTheHundredthWrongPasswordInAnHourAnAddressIsSlowedButTheRightPasswordStillGetsIn() throws Exception {
        InetAddress script = attacker();
        String address = SignInThrottle.staffSource(script.getHostAddress());
        try (Connection db = db(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO sign_in_throttle (subject, failures, last_failure) VALUES (?, 103, CURRENT_TIMESTAMP(3))")) {
            insert.setString(1, address); // as 103 wrong passwords of the last minutes leave it: its turns 8 s apart
            insert.executeUpdate();
        }
        Browser sprayer = new Browser(script);
        FacesForm form = form(sprayer.get(app("sign-in.xhtml")).body(), "staff");
        long sent = System.nanoTime();
        for (int i = 0; i < 2; i++) { // a different name each time: only the address's turns space them
            HttpResponse<String> refused = postStaff(sprayer, form, "spray-" + UUID.randomUUID().toString().substring(0, 8), guess());
            assertEquals(List.of(WRONG_PASSWORD), messages(refused.body()));
            form = form(refused.body(), "staff");
        }
        long twoTries = millisSince(sent);
        assertTrue(twoTries >= 8000, "two tries from a spraying address in " + twoTries + " ms");
        // the secretary behind that address: waits its turn (10 s after the second) and gets in
        Browser secretary = new Browser(script);
        long rightSent = System.nanoTime();
        assertSignedIn(signInStaff(secretary, "thuky", password("thuky")), "/secretary/index.xhtml");
        long waited = millisSince(rightSent);
        assertSignedOut(secretary.post(app("sign-out"), Map.of()));
        System.out.println("spraying address: two tries in " + twoTries + " ms, the right password in " + waited + " ms");
    }

    @Test
    @Order(10)
    void wrongCardCodesFromOneAddressWaitButARightCodeFromItSignsInAtOnce() throws Exception {
        // the hall's tablets behind one NAT: one delegate's typos must not lock out the others
        InetAddress hall = attacker();
        Browser typist = new Browser(hall);
        FacesForm form = form(typist.get(app("sign-in.xhtml")).body(), "delegate");
        for (int failure = 1; failure <= 5; failure++) {
            HttpResponse<String> refused = postCard(typist, form, CardCodes.generate());
            assertEquals(List.of(WRONG_CARD), messages(refused.body()), "failure " + failure + " is a plain one");
            form = form(refused.body(), "delegate");
        }
        HttpResponse<String> sixth = postCard(typist, form, CardCodes.generate());
        assertTrue(waitSeconds(sixth.body()) >= 1, "the address waits after five wrong codes");

        Browser neighbour = new Browser(hall);
        assertSignedIn(signInWithCard(neighbour, delegate(0).code), "/delegate/index.xhtml");
        assertSignedOut(neighbour.post(app("sign-out"), Map.of()));
        HttpResponse<String> stillWaiting = postCard(typist, form(typist.get(app("sign-in.xhtml")).body(), "delegate"), CardCodes.generate());
        assertTrue(waitSeconds(stillWaiting.body()) >= 1, "a right code from the address did not lift the wait for wrong ones");
    }

    // ---------------------------------------------------------------- secrets and the audit log

    @Test
    @Order(11)
    void noPlaintextSecretIsStoredOrLoggedAndTheAuditLogIsAppendOnly() throws Exception {
        long begin = System.nanoTime();
        // one of each audited sign-in event, whatever ran before
        Browser secretary = new Browser();
        assertSignedIn(signInStaff(secretary, "thuky", password("thuky")), "/secretary/index.xhtml");
        assertSignedOut(secretary.post(app("sign-out"), Map.of()));
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(List.of(WRONG_PASSWORD), messages(signInStaff(new Browser(attacker()), unknown, guess()).body()));
        Browser tablet = new Browser();
        assertSignedIn(signInWithCard(tablet, delegate(0).code), "/delegate/index.xhtml");
        assertSignedOut(tablet.post(app("sign-out"), Map.of()));
        for (String user : List.of("admin", "thuky", "chutri")) {
            SECRETS.add(password(user));
        }

        Map<String, Integer> audited = new LinkedHashMap<>();
        try (Connection db = db(); PreparedStatement query = db.prepareStatement(
                "SELECT action, COUNT(*) FROM audit_event WHERE id > ? GROUP BY action ORDER BY action")) {
            query.setLong(1, auditBefore);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    audited.put(rows.getString(1), rows.getInt(2));
                }
            }
            System.out.println("audit events of this class: " + audited);
            for (String action : List.of("signIn", "signIn.failed", "signIn.card", "signOut")) {
                assertTrue(audited.getOrDefault(action, 0) > 0, () -> "no " + action + " in the audit log: " + audited);
            }
            try (PreparedStatement card = db.prepareStatement(
                    "SELECT COUNT(*) FROM audit_event WHERE id > ? AND action = 'signIn.card' AND actor = ? AND meeting_id = ?")) {
                card.setLong(1, auditBefore);
                card.setString(2, "delegate-" + delegate(0).id);
                card.setInt(3, DEMO_MEETING);
                try (ResultSet rows = card.executeQuery()) {
                    rows.next();
                    assertTrue(rows.getInt(1) > 0, "a card's sign-in names the participant and the meeting");
                }
            }
            try (Statement change = db.createStatement()) {
                SQLException update = assertThrows(SQLException.class,
                        () -> change.executeUpdate("UPDATE audit_event SET actor = 'someone else' WHERE id > " + auditBefore));
                assertTrue(update.getMessage().contains("append-only"), update::getMessage);
                SQLException delete = assertThrows(SQLException.class,
                        () -> change.executeUpdate("DELETE FROM audit_event WHERE id > " + auditBefore));
                assertTrue(delete.getMessage().contains("append-only"), delete::getMessage);
            }
        }

        List<String> secrets = secretForms();
        List<String> found = new ArrayList<>();
        Scan scan = scanDatabase(secrets, found);
        System.out.println("secrets: " + SECRETS.size() + " typed (" + secrets.size() + " forms) looked for in " + scan.tables()
                + " tables, " + scan.columns() + " text/binary columns, " + scan.cells() + " cells");
        assertTrue(scan.sawControl(), "the scan sees the data: it finds the account name 'chutri' in account.username");

        List<Path> logs = payaraLogs();
        assertFalse(logs.isEmpty(), "no Payara log of the web container in " + logFolder());
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            String utf8 = Files.readString(log, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            assertTrue(utf8.contains("quorum"), "the log " + log + " is Quorum's");
            for (String secret : secrets) {
                if (text.contains(secret) || utf8.contains(secret)) {
                    found.add("log " + log.getFileName() + " holds a secret of " + secret.length() + " characters");
                }
            }
            System.out.println("secrets looked for in " + log + " (" + Files.size(log) + " bytes)");
        }
        // never print the secrets themselves: the test output is kept
        assertTrue(found.isEmpty(), () -> "plaintext secrets found:\n" + String.join("\n", found));
        System.out.println("secrets and audit: " + millisSince(begin) + " ms");
    }

    /** Each secret as it could be stored: as typed and, for card codes, without dashes; in lower case. */
    private static List<String> secretForms() {
        Set<String> forms = new LinkedHashSet<>();
        synchronized (SECRETS) {
            for (String secret : SECRETS) {
                forms.add(secret.toLowerCase(Locale.ROOT));
                if (CardCodes.wellFormed(secret)) {
                    forms.add(CardCodes.normalize(secret).toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(forms);
    }

    record Scan(int tables, int columns, long cells, boolean sawControl) {
    }

    /** Every text and binary column of every table of the test database, each value read both as UTF-8 and as bytes. */
    private static Scan scanDatabase(List<String> secrets, List<String> found) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Connection db = db()) {
            try (Statement list = db.createStatement(); ResultSet rows = list.executeQuery("""
                    SELECT c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c
                    JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
                    WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
                      AND c.DATA_TYPE IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'binary',
                                          'varbinary', 'tinyblob', 'blob', 'mediumblob', 'longblob', 'json', 'enum', 'set')
                    ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION""")) {
                while (rows.next()) {
                    columns.computeIfAbsent(rows.getString(1), table -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            long cells = 0;
            boolean control = false;
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                String select = table.getValue().stream().map(c -> "`" + c + "`")
                        .collect(Collectors.joining(", ", "SELECT ", " FROM `" + table.getKey() + "`"));
                try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery(select)) {
                    while (rows.next()) {
                        for (int i = 1; i <= table.getValue().size(); i++) {
                            byte[] bytes = rows.getBytes(i);
                            if (bytes == null) {
                                continue;
                            }
                            cells++;
                            String utf8 = new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                            String raw = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                            String column = table.getKey() + "." + table.getValue().get(i - 1);
                            control |= column.equals("account.username") && utf8.equals("chutri");
                            for (String secret : secrets) {
                                if (utf8.contains(secret) || raw.contains(secret)) {
                                    found.add("database " + column + " holds a secret of " + secret.length() + " characters");
                                }
                            }
                        }
                    }
                }
            }
            return new Scan(columns.size(), columns.values().stream().mapToInt(List::size).sum(), cells, control);
        }
    }

    private static Path logFolder() {
        return Path.of(System.getProperty(TestEnvironment.LOGS).replace("\\ ", " "));
    }

    /**
     * The web container's log files (web.log, web.log.0, rotated ones), once Payara has written what it had queued:
     * its file handler writes from a queue, so wait (at most five seconds) until the files stop growing.
     */
    private static List<Path> payaraLogs() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long size = -1;
        List<Path> logs = List.of();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(logFolder())) {
                logs = files.filter(f -> f.getFileName().toString().startsWith("web.log"))
                        .filter(f -> !f.getFileName().toString().endsWith(".lck")).sorted().toList();
            }
            long now = 0;
            for (Path log : logs) {
                now += Files.size(log);
            }
            if (now == size && now > 0) {
                break;
            }
            size = now;
            Thread.sleep(500);
        }
        return logs;
    }

    // ---------------------------------------------------------------- the delegates on loan

    /** A delegate of the demo meeting with a card of the test's: its row as it was, to put back. */
    static final class Delegate {
        final long id;
        final byte[] cardBefore;
        final byte[] sessionBefore;
        final Timestamp signedInBefore;
        final Timestamp checkedInBefore;
        String code;

        Delegate(ResultSet row) throws SQLException {
            id = row.getLong("id");
            cardBefore = row.getBytes("card_code_hash");
            sessionBefore = row.getBytes("session_token");
            signedInBefore = row.getTimestamp("signed_in_at");
            checkedInBefore = row.getTimestamp("checked_in_at");
        }

        /** A new card, as the roster's card issue does it: the new code's hash, and no session. */
        String reissue() throws SQLException {
            String fresh = CardCodes.generate();
            SECRETS.add(fresh);
            try (Connection db = db(); PreparedStatement update = db.prepareStatement(
                    "UPDATE participant SET card_code_hash = ?, session_token = NULL WHERE id = ?")) {
                update.setBytes(1, CardCodes.hash(fresh));
                update.setLong(2, id);
                assertEquals(1, update.executeUpdate());
            }
            code = fresh;
            return fresh;
        }

        void restore(Connection db) throws SQLException {
            try (PreparedStatement update = db.prepareStatement("UPDATE participant SET card_code_hash = ?, session_token = ?, "
                    + "signed_in_at = ?, checked_in_at = ? WHERE id = ?")) {
                update.setBytes(1, cardBefore);
                update.setBytes(2, sessionBefore);
                update.setTimestamp(3, signedInBefore);
                update.setTimestamp(4, checkedInBefore);
                update.setLong(5, id);
                update.executeUpdate();
            }
        }
    }

    @BeforeAll
    static void lendTwoDelegates() throws SQLException {
        try (Connection db = db()) {
            try (Statement max = db.createStatement(); ResultSet rows = max.executeQuery("SELECT COALESCE(MAX(id), 0) FROM audit_event")) {
                rows.next();
                auditBefore = rows.getLong(1);
            }
            try (PreparedStatement query = db.prepareStatement("SELECT id, card_code_hash, session_token, signed_in_at, checked_in_at "
                    + "FROM participant WHERE meeting_id = ? AND role = 'DELEGATE' ORDER BY id LIMIT 2")) {
                query.setInt(1, DEMO_MEETING);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        DELEGATES.add(new Delegate(rows));
                    }
                }
            }
            assertEquals(2, DELEGATES.size(), "the demo meeting has two delegates to lend");
        }
        for (Delegate delegate : DELEGATES) {
            delegate.reissue();
        }
    }

    @AfterAll
    static void giveTheDelegatesBack() throws SQLException {
        try (Connection db = db()) {
            for (Delegate delegate : DELEGATES) {
                delegate.restore(db);
            }
        }
        DELEGATES.clear();
    }

    private static Delegate delegate(int index) {
        return DELEGATES.get(index);
    }

    // ---------------------------------------------------------------- signing in

    private HttpResponse<String> signInStaff(Browser browser, String username, String password) throws IOException, InterruptedException {
        return postStaff(browser, form(browser.get(app("sign-in.xhtml")).body(), "staff"), username, password);
    }

    private HttpResponse<String> postStaff(Browser browser, FacesForm form, String username, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> response = browser.post(app(form.action()), form.with(Map.of(
                "staff:username", username, "staff:password", password, "staff:signInStaff", "")));
        assertFalse(response.body().contains(password), "the page never shows a password typed");
        return response;
    }

    /** The page's form with this id, with its view state: the test stops when it is not there. */
    private static FacesForm form(String html, String id) {
        return FacesForm.find(html, id).orElseThrow(() -> new AssertionError("no form " + id + " with a view state in the page"));
    }

    private HttpResponse<String> signInWithCard(Browser browser, String code) throws IOException, InterruptedException {
        return postCard(browser, form(browser.get(app("sign-in.xhtml")).body(), "delegate"), code);
    }

    private HttpResponse<String> postCard(Browser browser, FacesForm form, String code) throws IOException, InterruptedException {
        return browser.post(app(form.action()), form.with(Map.of("delegate:code", code, "delegate:signInDelegate", "")));
    }

    private void assertSignedIn(HttpResponse<String> response, String home) {
        assertEquals(302, response.statusCode(), () -> "signed in: " + describe(response) + " " + messages(response.body()));
        assertTrue(redirectsTo(response, home), () -> "to " + home + ": " + describe(response));
    }

    /** A page that needs signing in sends this browser to the sign-in page. */
    private void assertSentToSignIn(HttpResponse<String> response, String why) {
        assertTrue(matches(Outcome.SIGN_IN, response), () -> why + ": " + describe(response));
    }

    private void assertSignedOut(HttpResponse<String> response) {
        assertEquals(302, response.statusCode());
        assertTrue(redirectsTo(response, "/sign-in.xhtml"), () -> describe(response));
        assertEquals("signedOut=true", location(response).getQuery());
    }

    /** A wrong password the test typed: random, so that finding it anywhere means it was stored. */
    private static String guess() {
        String guess = "guess-" + UUID.randomUUID();
        SECRETS.add(guess);
        return guess;
    }

    private static String password(String user) {
        String password = TestEnvironment.password(user);
        SECRETS.add(password);
        return password;
    }

    /** The next loopback address for a browser that fails sign-ins on purpose. */
    private static InetAddress attacker() throws IOException {
        int last = NEXT_ADDRESS.getAndIncrement();
        assertTrue(last < 255, "out of loopback addresses");
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    }

    private static int waitSeconds(String body) {
        List<String> messages = messages(body);
        return messages.stream().map(WAIT::matcher).filter(Matcher::matches).map(m -> Integer.parseInt(m.group(1)))
                .findFirst().orElseThrow(() -> new AssertionError("no wait message, but " + messages));
    }

    /** The page's messages (h:messages id="messages"), as text. */
    static List<String> messages(String body) {
        Matcher list = Pattern.compile("<ul id=\"messages\"[^>]*>(.*?)</ul>", Pattern.DOTALL).matcher(body);
        if (!list.find()) {
            return List.of();
        }
        List<String> messages = new ArrayList<>();
        Matcher item = Pattern.compile("<li[^>]*>(.*?)</li>", Pattern.DOTALL).matcher(list.group(1));
        while (item.find()) {
            messages.add(unescape(item.group(1).replaceAll("<[^>]*>", "")).strip());
        }
        return messages;
    }

    // ---------------------------------------------------------------- the throttle table

    record Throttle(int failures, long waitMillis) {
    }

    private static Optional<Throttle> throttle(String subject) throws SQLException {
        try (Connection db = db(); PreparedStatement query = db.prepareStatement(
                "SELECT failures, last_failure, blocked_until FROM sign_in_throttle WHERE subject = ?")) {
            query.setString(1, subject);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Timestamp last = row.getTimestamp(2);
                Timestamp until = row.getTimestamp(3);
                return Optional.of(new Throttle(row.getInt(1), until == null ? 0 : until.getTime() - last.getTime()));
            }
        }
    }

    // ---------------------------------------------------------------- HTTP

    /**
     * A browser: its own cookies, never following redirects, HTTP/1.1 as browsers speak plain HTTP (no h2c upgrade),
     * from 127.0.0.1 or another loopback address.
     */
    static final class Browser {
        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final HttpClient http;

        Browser() {
            this(null);
        }

        Browser(InetAddress from) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5));
            if (from != null) {
                builder.localAddress(from);
            }
            http = builder.build();
        }

        HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue)
                    .findFirst().orElse(null);
        }
    }

    /** A GET with only the given session cookie, as someone holding an old copy of it would send. */
    private HttpResponse<String> withCookie(String path, String sessionId) throws IOException, InterruptedException {
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return plain.send(HttpRequest.newBuilder(app(path)).timeout(HTTP_TIMEOUT).header("Cookie", "JSESSIONID=" + sessionId)
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    interface Attempt {
        HttpResponse<String> run() throws IOException, InterruptedException;
    }

    /** Repeats the attempt every 200 ms until its answer passes, for at most the given time; null if it never did. */
    private static HttpResponse<String> pollUntil(Duration atMost, Attempt attempt,
            java.util.function.Predicate<HttpResponse<String>> done) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        do {
            HttpResponse<String> response = attempt.run();
            if (done.test(response)) {
                return response;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return null;
    }

    private URI location(HttpResponse<String> response) {
        return app("").resolve(response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location")));
    }

    private boolean redirectsTo(HttpResponse<String> response, String path) {
        return response.headers().firstValue("Location").isPresent() && path.equals(location(response).getPath());
    }

    /** An address of the application, on the loopback interface. */
    private URI app(String path) {
        return URI.create("http://127.0.0.1:" + deployed.getPort() + deployed.getPath()).resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(setting(TestEnvironment.DB_URL), setting(TestEnvironment.DB_USER),
                setting(TestEnvironment.DB_PASSWORD));
    }

    /** A test setting as the test JVM knows it (TestEnvironment escapes spaces for Payara's command line). */
    private static String setting(String name) {
        return System.getProperty(name).replace("\\ ", " ");
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
