package app.quorum.platform.launch;

/** A reason the launcher cannot go on, already phrased for the person at the console. */
public class LaunchException extends Exception {

    LaunchException(String message) {
        super(message);
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
