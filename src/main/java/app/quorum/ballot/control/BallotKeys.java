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
 *
 * <h2>Every paper has one size</h2> AES-GCM hides the bytes of a choice but not its length, and the lengths of the
 * choice codes differ (YES, NO, ABSTAIN; an election paper's ids): a copy of the box would give the running tally
 * away. So the choice code is padded before it is sealed, with the padding of ISO/IEC 7816-4 (the byte 0x80, then
 * 0x00 bytes; also NIST SP 800-38A, appendix A: "a single 1 bit, then 0 bits"), to a fixed {@value #PADDED_BYTES}
 * bytes, more than the longest code any ballot can have ({@link CastingService#CHOICE_MAX_CHARS}). Every sealed paper
 * of every ballot is therefore {@value #SEALED_BYTES} bytes: nonce, padded choice, 16-byte tag. The padding is
 * unambiguous whatever the code: the last 0x80 byte of the opened plaintext ends the code.
 *
 * <p>Papers sealed before the padding (a ballot open during the upgrade) hold the bare code, at most 996 bytes (the
 * column held 1024 with nonce and tag); a plaintext of exactly {@value #PADDED_BYTES} bytes is always a padded one, so
 * {@link #unseal} tells the two apart by the length alone and opens both.
 *
 * <p>What this key does not do: the server holds it, so whoever has both the database and the key file can open
 * any paper, and a reader of the database during the vote can link a participation row to the paper written in
 * the same transaction. The end-to-end design (issue 14: the tablet encrypts under the trustees' joint key) removes
 * both; until then the README says so.
 */
@ApplicationScoped
public class BallotKeys {

    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    /** The length every choice is padded to before it is sealed (ISO/IEC 7816-4 padding). */
    static final int PADDED_BYTES = 1152;
    /** The length of every sealed paper: nonce, padded choice, GCM tag. */
    public static final int SEALED_BYTES = NONCE_BYTES + PADDED_BYTES + TAG_BYTES;
    private static final byte PADDING_MARK = (byte) 0x80;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "quorum.ballot.key.file")
    Optional<String> keyFile;

    @Inject
    @ConfigProperty(name = "quorum.data.dir", defaultValue = "data")
    String dataDir;

    private byte[] secret;

    BallotKeys() {
        // CDI: the secret is loaded in load()
    }

    /** For unit tests: keys from a given server secret. */
    BallotKeys(byte[] secret) {
        this.secret = secret.clone();
    }

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

    /** Seals a choice code, padded to {@value #PADDED_BYTES} bytes: the answer is always {@value #SEALED_BYTES} bytes. */
    public byte[] seal(long ballotId, byte[] salt, byte[] paperId, String choice) {
        return sealBytes(ballotId, salt, paperId, pad(choice.getBytes(StandardCharsets.UTF_8)));
    }

    /** Seals these bytes as they are: nonce, then the AES-GCM ciphertext and tag. */
    byte[] sealBytes(long ballotId, byte[] salt, byte[] paperId, byte[] plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, ballotId, salt, paperId, nonce);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a sealed paper: a padded one (of {@value #SEALED_BYTES} bytes), or one sealed before the padding. */
    public String unseal(long ballotId, byte[] salt, byte[] paperId, byte[] sealed) {
        byte[] plaintext;
        try {
            byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, ballotId, salt, paperId, nonce);
            plaintext = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a ballot paper cannot be unsealed: wrong key file, or the paper was altered", e);
        }
        return new String(plaintext.length == PADDED_BYTES ? unpad(plaintext) : plaintext, StandardCharsets.UTF_8);
    }

    /** ISO/IEC 7816-4 padding: the bytes, 0x80, then 0x00 up to {@value #PADDED_BYTES} bytes. */
    static byte[] pad(byte[] code) {
        if (code.length >= PADDED_BYTES) {
            throw new IllegalArgumentException("a choice code of " + code.length + " bytes does not fit a paper");
        }
        byte[] padded = new byte[PADDED_BYTES];
        System.arraycopy(code, 0, padded, 0, code.length);
        padded[code.length] = PADDING_MARK;
        return padded;
    }

    /** The bytes before the padding: everything before the last 0x80, which only 0x00 bytes may follow. */
    static byte[] unpad(byte[] padded) {
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != PADDING_MARK) {
            throw new IllegalStateException("a ballot paper's padding is not ISO/IEC 7816-4 padding");
        }
        return java.util.Arrays.copyOf(padded, end);
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
