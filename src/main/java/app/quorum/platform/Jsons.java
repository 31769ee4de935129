package app.quorum.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. Each static method of {@link jakarta.json.Json} looks the provider up
 * again ({@code JsonProvider.provider()}: a service-loader scan of the class path, on Payara through OSGi, every
 * call): a fifth of the server's samples in the hall benchmark (issue 15) went to that lookup, from reading each
 * request's body and each paper's proofs. Use {@code Jsons.JSON.createReader(…)}, {@code Jsons.JSON.createObjectBuilder()}
 * and so on instead; the provider is thread-safe.
 */
public final class Jsons {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {
    }
}
