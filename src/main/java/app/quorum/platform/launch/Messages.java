package app.quorum.platform.launch;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Console messages of the launcher: Vietnamese when the console's locale is Vietnamese, English otherwise. */
final class Messages {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("app.quorum.platform.launch.console",
            consoleLocale(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private Messages() {
    }

    static String get(String key, Object... args) {
        return MessageFormat.format(BUNDLE.getString(key), args);
    }

    private static Locale consoleLocale() {
        String lang = System.getenv().getOrDefault("LC_ALL", System.getenv().getOrDefault("LANG", ""));
        return lang.toLowerCase(Locale.ROOT).startsWith("vi") ? Locale.of("vi") : Locale.ROOT;
    }
}
