package app.quorum.attack;

import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What there is to attack, read from the code rather than listed by hand: every JAX-RS resource method (its HTTP
 * method, path template, query parameters and whether it reads a JSON body), every servlet's address, and every Faces
 * view under src/main/webapp. A resource, servlet or page added later joins the attack without a change here.
 */
final class Surface {

    record Endpoint(String method, String template, List<String> query, boolean jsonBody) {

        String name() {
            return method + " /api/" + template;
        }
    }

    static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target/classes");
    static final java.nio.file.Path WEBAPP = java.nio.file.Path.of("src/main/webapp");

    private Surface() {
    }

    /** Every resource method of the JSON API under its application path. */
    static List<Endpoint> api() {
        List<Endpoint> endpoints = new ArrayList<>();
        String root = "";
        for (Class<?> type : classes()) {
            if (type.isAnnotationPresent(ApplicationPath.class)) {
                root = type.getAnnotation(ApplicationPath.class).value();
            }
        }
        for (Class<?> type : classes()) {
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(PUT.class) ? "PUT"
                        : method.isAnnotationPresent(POST.class) ? "POST" : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = join(classPath.value(), sub == null ? "" : sub.value());
                List<String> query = Arrays.stream(method.getParameters()).map(p -> p.getAnnotation(QueryParam.class))
                        .filter(q -> q != null).map(QueryParam::value).toList();
                boolean body = Arrays.stream(method.getParameters()).anyMatch(Surface::isEntity) || method.isAnnotationPresent(Consumes.class);
                endpoints.add(new Endpoint(verb, template, query, body));
            }
        }
        if (!"api".equals(root.replace("/", ""))) {
            throw new AssertionError("the API is expected under /api, not " + root);
        }
        endpoints.sort(Comparator.comparing(Endpoint::name));
        return endpoints;
    }

    /** The URL patterns of every servlet of the application (the Faces servlet's *.xhtml aside). */
    static List<String> servlets() {
        List<String> patterns = new ArrayList<>();
        for (Class<?> type : classes()) {
            WebServlet servlet = type.getAnnotation(WebServlet.class);
            if (servlet != null) {
                patterns.addAll(Arrays.asList(servlet.value()));
                patterns.addAll(Arrays.asList(servlet.urlPatterns()));
            }
        }
        patterns.sort(null);
        return patterns;
    }

    /** Every Faces view a browser may ask for (WEB-INF holds templates, includes and error pages). */
    static List<String> views() {
        try (Stream<java.nio.file.Path> files = Files.walk(WEBAPP)) {
            return files.filter(f -> f.toString().endsWith(".xhtml"))
                    .map(f -> WEBAPP.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.startsWith("WEB-INF/") && !f.startsWith("resources/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source of a view, to tell which of its buttons ask for a confirmation and which parameters it reads. */
    static String source(String view) {
        try {
            return Files.readString(WEBAPP.resolve(view));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The roles web.xml lets open a view ({@code <security-constraint>}s; a view under none is open to everyone, and
     * then the attack opens it anonymously).
     */
    static List<Agent.Role> rolesOf(String view) {
        String webXml;
        try {
            webXml = Files.readString(WEBAPP.resolve("WEB-INF/web.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.util.regex.Matcher constraint = java.util.regex.Pattern.compile("<security-constraint>(.*?)</security-constraint>",
                java.util.regex.Pattern.DOTALL).matcher(webXml);
        while (constraint.find()) {
            java.util.regex.Matcher pattern = java.util.regex.Pattern.compile("<url-pattern>/([^<]*)\\*</url-pattern>").matcher(constraint.group(1));
            while (pattern.find()) {
                if (view.startsWith(pattern.group(1)) && !pattern.group(1).isEmpty()) {
                    List<Agent.Role> roles = new ArrayList<>();
                    java.util.regex.Matcher role = java.util.regex.Pattern.compile("<role-name>(\\w+)</role-name>").matcher(constraint.group(1));
                    while (role.find()) {
                        roles.add(Agent.Role.valueOf(role.group(1)));
                    }
                    return roles;
                }
            }
        }
        return List.of(Agent.Role.ANONYMOUS);
    }

    private static boolean isEntity(Parameter parameter) {
        return Arrays.stream(parameter.getAnnotations()).noneMatch(a -> a.annotationType().getPackageName().equals("jakarta.ws.rs"))
                && !parameter.getType().getPackageName().startsWith("jakarta.ws.rs");
    }

    private static String join(String a, String b) {
        String joined = (a + "/" + b).replaceAll("/+", "/");
        joined = joined.startsWith("/") ? joined.substring(1) : joined;
        return joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static List<Class<?>> classes() {
        try (Stream<java.nio.file.Path> files = Files.walk(CLASSES)) {
            List<Class<?>> types = new ArrayList<>();
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
                if (name.startsWith("app.quorum.platform.launch")) {
                    continue; // the launcher, not part of the WAR
                }
                try {
                    types.add(Class.forName(name, false, Surface.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + name, e);
                }
            }
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
