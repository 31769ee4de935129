package app.quorum.platform.web;

import app.quorum.platform.i18n.Bundle;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/** The view's language (from the cookie the language switch sets) and the switch's links. */
@Named
@RequestScoped
public class LocaleBacking {

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
            locale = Bundle.supported(LocaleFilter.language(request));
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    /** This page's address with {@code lang} set, for the language switch. */
    public String switchTo(String language) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String query = request.getQueryString();
        String rest = query == null ? "" : LocaleFilter.withoutLang(query);
        return request.getRequestURI() + (rest.isEmpty() ? "?" : rest + "&") + LocaleFilter.PARAMETER + "=" + language;
    }
}
