package app.quorum.ballot.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals the choices of a secret ballot while it is open, so that a copy of the database shows no choice until the
 * close. Each ballot has its own AES-256 key, derived (HMAC-SHA-256) from a server secret and the ballot's random
 * salt; the server secret is a 32-byte file kept outside the database ({@code <data folder>/ballot.key}, created
 * at the first start, readable by the owner only; QUORUM_BALLOT_KEY_FILE names another — every server of a cluster
 * needs the same). Each paper is sealed with AES-GCM under a fresh 96-bit nonce, bound to its ballot and paper id.
 */
@ApplicationScoped
public class BallotKeys {

    static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "quorum.ballot.key.file")
    Optional<String> keyFile;

    @Inject
    @ConfigProperty(name = "quorum.data.dir", defaultValue = "data")
    String dataDir;

    private byte[] secret;

    @PostConstruct
    void load() {
        secret = loadOrCreate(keyFile.filter(f -> !f.isBlank()).map(Path::of).orElse(Path.of(dataDir, "ballot.key")));
    }

    static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.write(file, fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException ignored) {
                        // not a POSIX file system: the folder's permissions protect it
                    }
                } catch (FileAlreadyExistsException another) {
                    // another server created it meanwhile: use theirs
                }
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != 32) {
                throw new IllegalStateException(file + " must hold exactly 32 bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the ballot key " + file, e);
        }
    }

    public static byte[] newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    public byte[] seal(long ballotId, byte[] salt, byte[] paperId, String choice) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, ballotId, salt, paperId, nonce);
            byte[] sealed = cipher.doFinal(choice.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String unseal(long ballotId, byte[] salt, byte[] paperId, byte[] sealed) {
        try {
            byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, ballotId, salt, paperId, nonce);
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a ballot paper cannot be unsealed: wrong key file, or the paper was altered", e);
        }
    }

    private Cipher cipher(int mode, long ballotId, byte[] salt, byte[] paperId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(ballotKey(ballotId, salt), "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(ByteBuffer.allocate(8 + paperId.length).putLong(ballotId).put(paperId).array());
        return cipher;
    }

    private byte[] ballotKey(long ballotId, byte[] salt) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update("quorum ballot key".getBytes(StandardCharsets.US_ASCII));
        mac.update(ByteBuffer.allocate(8).putLong(ballotId).array());
        return mac.doFinal(salt);
    }
}
