package app.quorum.ballot.tablet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The pinned browser libraries Quorum serves for the secret ballot (src/main/webapp/resources/vendor/): @noble/curves,
 * @noble/hashes and @noble/ciphers 2.4.0, committed as ES modules so the WAR builds offline and a tablet loads them
 * from Quorum itself.
 *
 * <ul>
 * <li>every vendored file is byte for byte the file of the same name in the package's npm tarball, and the tarball
 * matches the SHA-512 integrity the registry publishes (pinned here, as in the verifier's package-lock.json); the
 * tarball is fetched once from registry.npmjs.org and kept under target/vendor-check/;</li>
 * <li>every import of Quorum's crypto modules and of the vendored modules resolves, through the import map
 * (vendor/importmap.json), to a vendored file, and every vendored module is reached that way: what is shipped is
 * exactly what the tablet imports.</li>
 * </ul>
 */
class VendoredLibrariesTest {

    static final Path WEBAPP = Path.of("src", "main", "webapp");
    static final Path VENDOR = WEBAPP.resolve("resources/vendor");
    static final Path CRYPTO = WEBAPP.resolve("resources/quorum/crypto");
    static final Path CACHE = Path.of("target", "vendor-check");
    static final String VERSION = "2.4.0";

    /** The registry's published integrity of each tarball (npm view @noble/NAME@2.4.0 dist.integrity). */
    static final Map<String, String> INTEGRITY = Map.of(
            "curves", "sha512-P4/62zrgfH33CneE3Dn4WhJVA22YUU0eR51wKIan4NVRvwsA0YnPTwWGpNbpuacSujmSFLvyzpyuR30+fbq2Ew==",
            "hashes", "sha512-X5XaVWZIBCT7HHZGm5I7ZQXDwLG+bGXuSrMQAW+7Zvl87h1kmc1ZB1VSRJcpUfoUrGQp4Fkoxm5kZ+Ms+aW+eA==",
            "ciphers", "sha512-AnjFn0Jv92laAkvMrghlFZq4qQCIN/4DxFV/eooqtC2YTjB7kBeLMS2T9KJX4Dn+ZVXLOwK0lSgqDtx9gvxtiw==");

    private static final Pattern IMPORT = Pattern.compile("(?:import|export)\\s*(?:[^'\"();]*?\\sfrom\\s*)?['\"]([^'\"]+)['\"]");
    private static final Pattern MAPPING = Pattern.compile("\"(@noble/[a-z]+/)\"\\s*:\\s*\"/([^\"]+)\"");

    static List<String> packages() {
        return List.of("curves", "hashes", "ciphers");
    }

    @ParameterizedTest(name = "@noble/{0}")
    @MethodSource("packages")
    void everyVendoredFileIsTheRegistrysFile(String name) throws IOException {
        Path folder = VENDOR.resolve("noble-" + name + "@" + VERSION);
        Map<String, byte[]> tarball = tarball(name);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.contains(folder.resolve("LICENSE")) && files.contains(folder.resolve("package.json")),
                folder + " keeps the package's LICENSE and package.json");
        for (Path file : files) {
            String entry = "package/" + folder.relativize(file).toString().replace('\\', '/');
            assertTrue(tarball.containsKey(entry), entry + " is not in @noble/" + name + " " + VERSION);
            assertArrayEquals(tarball.get(entry), Files.readAllBytes(file), file + " differs from the registry's " + entry);
        }
        String manifest = Files.readString(folder.resolve("package.json"));
        assertTrue(manifest.contains("\"name\": \"@noble/" + name + "\"") && manifest.contains("\"version\": \"" + VERSION + "\""));
    }

    @Test
    void theImportMapReachesExactlyTheVendoredModules() throws IOException {
        Map<String, Path> map = new HashMap<>();
        Matcher mapping = MAPPING.matcher(Files.readString(VENDOR.resolve("importmap.json")));
        while (mapping.find()) {
            map.put(mapping.group(1), WEBAPP.resolve(mapping.group(2)));
        }
        assertEquals(Set.of("@noble/curves/", "@noble/hashes/", "@noble/ciphers/"), map.keySet());
        Set<Path> reached = new TreeSet<>();
        Deque<Path> todo = new ArrayDeque<>();
        try (Stream<Path> modules = Files.list(CRYPTO)) {
            modules.filter(file -> file.toString().endsWith(".js")).forEach(todo::add);
        }
        while (!todo.isEmpty()) {
            Path module = todo.pop();
            String source = Files.readString(module, StandardCharsets.UTF_8)
                    .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
            Matcher imports = IMPORT.matcher(source);
            while (imports.find()) {
                String specifier = imports.group(1);
                Path target = specifier.startsWith(".") ? module.getParent().resolve(specifier).normalize()
                        : map.entrySet().stream().filter(e -> specifier.startsWith(e.getKey()))
                                .map(e -> e.getValue().resolve(specifier.substring(e.getKey().length()))).findFirst()
                                .orElseThrow(() -> new AssertionError(module + " imports " + specifier + ", which the import map does not map"));
                assertTrue(Files.isRegularFile(target), module + " imports " + specifier + ": " + target + " is missing");
                if (target.startsWith(VENDOR) && reached.add(target)) {
                    todo.push(target);
                }
            }
        }
        Set<Path> shipped = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(VENDOR)) {
            walk.filter(file -> file.toString().endsWith(".js")).forEach(shipped::add);
        }
        shipped.removeAll(reached);
        assertEquals(Set.of(), shipped, "vendored modules that nothing imports");
        assertTrue(reached.size() >= 20, "the import graph was not followed: " + reached);
    }

    @Test
    void theVerifiersLockfilePinsTheSameIntegrity() throws IOException {
        String lock = Files.readString(Path.of("src", "verifier", "js", "package-lock.json"));
        for (String name : List.of("curves", "hashes")) {
            assertTrue(lock.contains("\"integrity\": \"" + INTEGRITY.get(name) + "\""), "@noble/" + name + " in the lockfile");
        }
    }

    /** The package's tarball entries, from target/vendor-check/ or the registry, checked against its integrity. */
    static Map<String, byte[]> tarball(String name) throws IOException {
        Path cached = CACHE.resolve(name + "-" + VERSION + ".tgz");
        byte[] bytes = Files.exists(cached) ? Files.readAllBytes(cached) : download(name);
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(sha512(bytes));
        assertEquals(INTEGRITY.get(name), integrity, "@noble/" + name + " " + VERSION + "'s tarball");
        Files.createDirectories(CACHE);
        Files.write(cached, bytes);
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes));
                TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile()) {
                    entries.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static byte[] download(String name) throws IOException {
        URI uri = URI.create("https://registry.npmjs.org/@noble/" + name + "/-/" + name + "-" + VERSION + ".tgz");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), uri + " answered " + response.statusCode());
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (IOException e) {
            throw new IOException("cannot fetch " + uri + " to check the vendored files against it: " + e.getMessage(), e);
        }
    }

    private static byte[] sha512(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
