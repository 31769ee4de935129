package app.quorum.platform.web;

import app.quorum.platform.i18n.Bundle;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Every view starts in the language the user chose (the quorum-lang cookie, else Vietnamese), not in the browser's
 * Accept-Language. The page template's {@code f:view locale} says the same, but only once the view is built: what runs
 * before — view parameters, view actions, the beans they create (a new ballot's labels, a message of a refusal) —
 * reads the view root's locale, and it must already be the right one.
 */
public class LocaleViewHandler extends ViewHandlerWrapper {

    public LocaleViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        if (context.getExternalContext().getRequest() instanceof HttpServletRequest request) {
            return Bundle.supported(LocaleFilter.language(request));
        }
        return super.calculateLocale(context);
    }
}
