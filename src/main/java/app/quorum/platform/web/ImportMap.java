package app.quorum.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The import map of the browser's cryptography (resources/vendor/importmap.json: the bare '@noble/…' specifiers of
 * resources/quorum/crypto/ to the vendored copies), for a page to inline as {@code <script type="importmap">} before
 * its first module script — read once from the web application, its addresses under the context path.
 */
@Named
@ApplicationScoped
public class ImportMap {

    static final String RESOURCE = "/resources/vendor/importmap.json";

    private volatile String json;

    /** The map's JSON, as a page writes it unescaped inside its {@code <script type="importmap">}. */
    public String getJson() {
        String read = json;
        if (read == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            read = underContextPath(readResource(external), external.getRequestContextPath());
            json = read;
        }
        return read;
    }

    /** The map's addresses ("/resources/…") under the context path (nothing changes at the root, "/"). */
    static String underContextPath(String map, String contextPath) {
        String prefix = contextPath == null || contextPath.equals("/") ? "" : contextPath;
        return map.replace("\"/resources/", "\"" + prefix + "/resources/");
    }

    private static String readResource(ExternalContext external) {
        try (InputStream in = external.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the web application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
