package app.quorum.platform.web;

import app.quorum.platform.i18n.Bundle;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The language switch: a GET with {@code ?lang=en} or {@code ?lang=vi} stores the choice in a cookie for a
 * year and redirects to the same address without the parameter; every view reads the cookie. The minutes
 * ({@code /minutes/*}) read {@code ?lang=} themselves: asking for the English minutes does not switch the pages.
 */
@WebFilter(urlPatterns = "/*")
public class LocaleFilter extends HttpFilter {

    public static final String COOKIE = "quorum-lang";
    static final String PARAMETER = "lang";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        if ("GET".equals(request.getMethod()) && query != null && query.contains(PARAMETER + "=")
                && !ownLanguage(request)) {
            String lang = request.getParameter(PARAMETER);
            if (Bundle.isSupported(lang)) {
                Cookie cookie = new Cookie(COOKIE, lang);
                cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
                cookie.setMaxAge(ONE_YEAR);
                cookie.setHttpOnly(true);
                cookie.setAttribute("SameSite", "Lax");
                response.addCookie(cookie);
                response.sendRedirect(request.getRequestURI() + withoutLang(query));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Documents whose {@code ?lang=} picks the document's language only (the minutes), not the pages'. */
    static boolean ownLanguage(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/minutes/");
    }

    static String withoutLang(String query) {
        String rest = Arrays.stream(query.split("&"))
                .filter(pair -> !pair.startsWith(PARAMETER + "="))
                .filter(pair -> !pair.isEmpty())
                .collect(Collectors.joining("&"));
        return rest.isEmpty() ? "" : "?" + rest;
    }

    /** The language a request asked for through the cookie, or Vietnamese. */
    public static String language(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && Bundle.isSupported(cookie.getValue())) {
                    return cookie.getValue();
                }
            }
        }
        return Bundle.VIETNAMESE.getLanguage();
    }
}
