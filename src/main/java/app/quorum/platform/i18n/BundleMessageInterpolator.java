package app.quorum.platform.i18n;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a constraint's message key (such as {@code {meeting.title.required}}) from Quorum's own bundle in
 * the view's language, then lets the provider's interpolator fill in attributes such as {@code {max}}.
 */
public class BundleMessageInterpolator implements MessageInterpolator {

    private static final Pattern KEY = Pattern.compile("^\\{([\\w.]+)}$");

    private final MessageInterpolator provider =
            Validation.byDefaultProvider().configure().getDefaultMessageInterpolator();

    @Override
    public String interpolate(String template, Context context) {
        return interpolate(template, context, Bundle.currentLocale());
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        return provider.interpolate(resolve(template, locale), context, locale);
    }

    static String resolve(String template, Locale locale) {
        Matcher matcher = KEY.matcher(template);
        if (matcher.matches()) {
            ResourceBundle bundle = Bundle.of(locale);
            if (bundle.containsKey(matcher.group(1))) {
                return bundle.getString(matcher.group(1));
            }
        }
        return template;
    }
}
