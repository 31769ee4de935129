package app.quorum.platform.i18n;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one message bundle of Quorum ({@code app.quorum.platform.i18n.messages}), used by the Faces views (as
 * {@code #{msg}}), by Bean Validation and by the services' refusals. Vietnamese is the default language.
 */
public final class Bundle {

    public static final String BASE_NAME = "app.quorum.platform.i18n.messages";
    public static final Locale VIETNAMESE = Locale.of("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(VIETNAMESE, ENGLISH);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Bundle() {
    }

    public static ResourceBundle of(Locale locale) {
        return ResourceBundle.getBundle(BASE_NAME, supported(locale), Bundle.class.getClassLoader(), NO_FALLBACK);
    }

    /** The supported locale for a language tag or locale; Vietnamese for anything else. */
    public static Locale supported(Locale locale) {
        if (locale != null && ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return ENGLISH;
        }
        return VIETNAMESE;
    }

    public static Locale supported(String languageTag) {
        return languageTag == null ? VIETNAMESE : supported(Locale.forLanguageTag(languageTag));
    }

    public static boolean isSupported(String languageTag) {
        return languageTag != null && SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(languageTag));
    }

    /** The current view's locale, or Vietnamese outside a Faces request. */
    public static Locale currentLocale() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null && context.getViewRoot() != null) {
            return supported(context.getViewRoot().getLocale());
        }
        return VIETNAMESE;
    }

    public static String text(Locale locale, String key, Object... arguments) {
        try {
            ResourceBundle bundle = of(locale);
            String pattern = bundle.getString(key);
            if (arguments.length == 0) {
                return pattern;
            }
            Object[] shown = arguments.clone();
            for (int i = 0; i < shown.length; i++) {
                if (shown[i] instanceof Enum<?> constant && bundle.containsKey(enumKey(constant))) {
                    shown[i] = bundle.getString(enumKey(constant));
                }
            }
            return new MessageFormat(pattern, locale).format(shown);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
    }

    /** The key of an enum constant's name for people: {@code meetingStatus.DRAFT}, {@code role.CHAIR}. */
    public static String enumKey(Enum<?> constant) {
        String type = constant.getDeclaringClass().getSimpleName();
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "." + constant.name();
    }
}
