package app.quorum.platform.web;

import app.quorum.platform.i18n.Bundle;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Messages to the person on the page, in their language, from the shared bundle. */
public final class Feedback {

    private Feedback() {
    }

    public static void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, key, arguments);
    }

    public static void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, key, arguments);
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** Keeps messages across a redirect (post-redirect-get). */
    public static void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    private static void add(FacesMessage.Severity severity, String key, Object... arguments) {
        String text = Bundle.text(Bundle.currentLocale(), key, arguments);
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
